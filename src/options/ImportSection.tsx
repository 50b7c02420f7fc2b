import { useState } from 'preact/hooks';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { hasHostAccess, queueUrls, readImportFile, requestHostAccess, saveWithContent, type ParsedImport } from './import-file';
import { ImportProgress } from './ImportProgress';

type Status = { text: string; error?: boolean; failed?: { url: string; reason: string }[] } | null;

/** Import from another read-later service, a bookmarks file or a Lectern backup: parse here, fetch in the background. */
export function ImportSection() {
  const [parsed, setParsed] = useState<ParsedImport | null>(null);
  const [granted, setGranted] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const onFile = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setParsed(null);
    if (!file) return;
    setStatus({ text: t('importReading') });
    readImportFile(file).then(
      async (p) => {
        setGranted(await hasHostAccess(p.plan.queue.map((i) => i.url)).catch(() => false));
        setParsed(p);
        setStatus(null);
      },
      (e: unknown) => setStatus({ text: t('importRefused', errorText(e)), error: true }),
    );
  };

  const onImport = () => {
    if (!parsed) return;
    const { plan, format } = parsed;
    // Asked from the click itself (a user gesture), and only when pages need fetching.
    const access = plan.queue.length && !granted ? requestHostAccess() : Promise.resolve(true);
    setParsed(null);
    setStatus({ text: t('importStarting') });
    void (async () => {
      const allowed = await access;
      setGranted(allowed);
      const { saved, failed } = await saveWithContent(plan.withContent);
      if (plan.queue.length && allowed) await queueUrls(format, plan.queue);
      const text = allowed || !plan.queue.length ? t('importStarted', [String(saved), String(plan.queue.length)]) : t('importNoAccess', String(saved));
      setStatus({ text, failed });
    })().catch((e: unknown) => setStatus({ text: t('importFailed', errorText(e)), error: true }));
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p>{t('importHelp')}</p>
      <label>
        {t('importFileLabel')} <input type="file" accept=".csv,.json,.zip,.html,.htm,text/csv,application/json,application/zip,text/html" onChange={onFile} />
      </label>
      {parsed && <ImportSummary parsed={parsed} onImport={onImport} />}
      {status && <p role={status.error ? 'alert' : 'status'}>{status.text}</p>}
      {status?.failed?.length ? <ul>{status.failed.map((f) => <li key={f.url}>{t('importItemFailed', [f.url, f.reason])}</li>)}</ul> : null}
      <ImportProgress />
    </section>
  );
}

function ImportSummary({ parsed, onImport }: { parsed: ParsedImport; onImport: () => void }) {
  const { plan, errors, format } = parsed;
  const count = plan.queue.length + plan.withContent.length;
  return (
    <div class="import-summary">
      <p>{t('importFound', [t(`importFormat_${format}`), String(count), String(plan.withContent.length), String(plan.queue.length), String(plan.alreadySaved.length)])}</p>
      {errors.length > 0 && (
        <details>
          <summary>{t('importSkipped', String(errors.length))}</summary>
          <ul>{errors.slice(0, 200).map((e, i) => <li key={i}>{e.file ? `${e.file}: ` : ''}{t(e.line !== undefined ? 'importSkippedLine' : 'importSkippedEntry', [String(e.line ?? (e.index ?? 0) + 1), t(e.key, e.subs)])}</li>)}</ul>
        </details>
      )}
      <button type="button" disabled={count === 0} onClick={onImport}>{t('importButton', String(count))}</button>
    </div>
  );
}
