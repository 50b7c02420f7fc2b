import type { JSX } from 'preact';
import { t } from '../shared/i18n';
import type { SyncSettingsView } from '../shared/sync';
import { checkServerAddress } from './sync-address';

export interface SyncFields {
  serverUrl: string;
  username: string;
  password: string;
  passphrase: string;
}

interface Props {
  fields: SyncFields;
  view: SyncSettingsView | null;
  busy: boolean;
  onChange: (fields: SyncFields) => void;
  onSubmit: () => void;
}

type FieldProps = { id: keyof SyncFields; label: string; hint?: string | null; fields: SyncFields; update: Props['onChange'] } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

/** One labelled input; `hint` is read with it (aria-describedby). */
function Field(props: FieldProps) {
  const { id, label, hint, fields, update, ...input } = props;
  return (
    <p class="sync-field">
      <label for={`sync-${id}`}>{label}</label>
      <input
        id={`sync-${id}`}
        name={id}
        value={fields[id]}
        onInput={(e) => update({ ...fields, [id]: e.currentTarget.value })}
        aria-describedby={hint ? `sync-${id}-hint` : undefined}
        {...input}
      />
      {hint && <span id={`sync-${id}-hint`} class="sync-hint">{hint}</span>}
    </p>
  );
}

/**
 * The server address, user name, password and passphrase. Stored secrets are never shown back: their
 * fields stay empty and say that leaving them empty keeps what is stored.
 */
export function SyncForm({ fields, view, busy, onChange, onSubmit }: Props) {
  const address = checkServerAddress(fields.serverUrl);
  const kept = t('syncSecretKept');
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form id="sync-form" class="sync-form" onSubmit={submit} aria-busy={busy} noValidate>
      <Field id="serverUrl" label={t('syncServerLabel')} hint={t('syncServerHint')} fields={fields} update={onChange} type="url" inputMode="url" autoComplete="url" spellcheck={false} placeholder={t('syncServerPlaceholder')} />
      {address.ok && address.plainHttp && <p class="sync-warning" role="note">{t('syncPlainHttpWarning')}</p>}
      <Field id="username" label={t('syncUsernameLabel')} fields={fields} update={onChange} autoComplete="username" spellcheck={false} />
      <Field id="password" label={t('syncPasswordLabel')} hint={view?.hasPassword ? kept : null} fields={fields} update={onChange} type="password" autoComplete="current-password" />
      <Field id="passphrase" label={t('syncPassphraseLabel')} hint={view?.hasPassphrase ? `${kept} ${t('syncPassphraseHint')}` : t('syncPassphraseHint')} fields={fields} update={onChange} type="password" autoComplete="off" />
    </form>
  );
}
