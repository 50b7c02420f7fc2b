import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendMessage } from '../shared/messages';
import type { SyncSettingsView } from '../shared/sync';
import { SyncForm, type SyncFields } from './SyncForm';
import { SyncStatusLine } from './SyncStatusLine';
import { checkServerAddress } from './sync-address';
import { releaseSyncAccess, requestSyncAccess } from './sync-access';
import { useSyncStatus } from './use-sync-status';

const EMPTY: SyncFields = { serverUrl: '', username: '', password: '', passphrase: '' };

/** Whether the form says something the stored settings do not (typed secrets always count). */
function changed(fields: SyncFields, view: SyncSettingsView | null): boolean {
  return !view || fields.serverUrl.trim() !== view.serverUrl || fields.username !== view.username || !!fields.password || !!fields.passphrase;
}

/** Only what was typed: an empty password or passphrase field keeps the stored one. */
function settingsFrom(fields: SyncFields, url: string) {
  return { serverUrl: url, username: fields.username, ...(fields.password && { password: fields.password }), ...(fields.passphrase && { passphrase: fields.passphrase }) };
}

/**
 * The options page's Sync section: a WebDAV folder the user owns, Sync now, what the last sync did, and
 * Disconnect. The secrets go to the background and never come back (the view says only whether they are set).
 */
export function SyncSection() {
  const { status, now, mark, report } = useSyncStatus();
  const [view, setView] = useState<SyncSettingsView | null>(null);
  const [fields, setFields] = useState<SyncFields>(EMPTY);
  // A problem (said at once, role alert) or a confirmation (role status).
  const [note, setNote] = useState<{ text: string; problem: boolean } | null>(null);
  const problem = (text: string) => setNote({ text, problem: true });
  const [busy, setBusy] = useState(false);

  const load = () => sendMessage('getSyncSettings', {}).then((v) => (setView(v), setFields({ ...EMPTY, serverUrl: v.serverUrl, username: v.username })));
  useEffect(() => {
    const sentAt = mark();
    // The stored status may not exist yet (never synced) or be older than the settings: the background knows.
    void Promise.all([load(), sendMessage('getSyncStatus', {}).then((s) => report(sentAt, s))]).catch((e: unknown) => problem(t('actionFailed', String(e))));
  }, []);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await task();
    } catch (e) {
      problem(t('actionFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const syncNow = () => {
    const address = checkServerAddress(fields.serverUrl);
    if (!address.ok) return problem(t(`syncAddress_${address.problem}`));
    // Asked here, before any await: the browser grants a permission prompt only inside the user's click.
    const access = requestSyncAccess(address.pattern);
    void run(async () => {
      if (!(await access)) return problem(t('syncPermissionRefused', address.origin));
      if (changed(fields, view)) {
        const sentAt = mark();
        report(sentAt, await sendMessage('saveSyncSettings', settingsFrom(fields, address.url)));
        await load();
      }
      const sentAt = mark();
      report(sentAt, await sendMessage('syncNow', {}));
    });
  };

  const disconnect = () =>
    void run(async () => {
      const pattern = view && checkServerAddress(view.serverUrl);
      const sentAt = mark();
      report(sentAt, await sendMessage('disconnectSync', {}));
      if (pattern && pattern.ok) await releaseSyncAccess(pattern.pattern);
      await load();
      setNote({ text: t('syncDisconnected'), problem: false });
    });

  return (
    <section aria-labelledby="sync-heading" id="sync">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p>{t('syncIntro')}</p>
      <SyncForm fields={fields} view={view} busy={busy} onChange={setFields} onSubmit={syncNow} />
      <div class="sync-actions">
        <button type="submit" form="sync-form" disabled={busy}>
          {t('syncNow')}
        </button>
        {view?.serverUrl && (
          <button type="button" onClick={disconnect} disabled={busy} aria-describedby="sync-disconnect-hint">
            {t('syncDisconnect')}
          </button>
        )}
      </div>
      {view?.serverUrl && <p id="sync-disconnect-hint" class="sync-hint">{t('syncDisconnectHint')}</p>}
      {note && <p role={note.problem ? 'alert' : 'status'}>{note.text}</p>}
      <SyncStatusLine status={status} now={now} />
      <p class="sync-hint">{t('syncCredentialsLocal')}</p>
    </section>
  );
}
