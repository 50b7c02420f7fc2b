import { useState } from 'preact/hooks';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import type { ReadOptions } from '../import/formats';
import type { ImportProblem } from '../import/types';
import type { Permissions } from 'webextension-polyfill';
import { askedAccess, importAccessAll, missingImportAccess, queueUrls, readImportFile, requestImportAccess, saveWithContent, type ParsedImport } from './import-file';
import { ImportProgress } from './ImportProgress';

type Status = { text: string; error?: boolean; failed?: { url: string; reason: string }[] } | null;

/** Import from another read-later service, a bookmarks file or a Lectern backup: parse here, fetch in the background. */
export function ImportSection() {
  const [parsed, setParsed] = useState<ParsedImport | null>(null);
  /** What Import still has to ask for (null: nothing), found when the file is read. */
  const [missing, setMissing] = useState<Permissions.Permissions | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const [file, setFile] = useState<File | null>(null);

  const read = (chosen: File, options: ReadOptions = {}) => {
    setParsed(null);
    setStatus({ text: t('importReading') });
    readImportFile(chosen, options).then(
      async (p) => {
        setMissing(await missingImportAccess(p.plan.queue.map((i) => i.url)).catch(() => ({})));
        setParsed(p);
        setStatus(null);
      },
      (e: unknown) => setStatus({ text: t('importRefused', errorText(e)), error: true }),
    );
  };

  const onFile = (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0] ?? null;
    setFile(chosen);
    if (chosen) read(chosen);
    else setParsed(null);
  };

  // Readwise Reader's feed items: left out by default (never saved), in on request. The file is read again.
  const onIncludeFeed = (includeFeed: boolean) => {
    if (file) read(file, { includeFeed });
  };

  const onImport = () => {
    if (!parsed) return;
    const { plan, format } = parsed;
    // Asked from the click itself (a user gesture), and only when pages need fetching. `{}`: it could not be
    // told what is missing, so all of it is asked for. What was missing is what the job gives back at its end.
    const asking = plan.queue.length && missing ? (Object.keys(missing).length ? missing : importAccessAll()) : null;
    const access = asking ? requestImportAccess(asking) : Promise.resolve(true);
    setParsed(null);
    setStatus({ text: t('importStarting') });
    void (async () => {
      const allowed = await access;
      if (allowed) setMissing(null);
      const { saved, failed } = await saveWithContent(plan.withContent);
      if (plan.queue.length && allowed) await queueUrls(format, plan.queue, askedAccess(asking));
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
      {parsed && <ImportSummary parsed={parsed} onImport={onImport} onIncludeFeed={onIncludeFeed} />}
      {status && <p role={status.error ? 'alert' : 'status'}>{status.text}</p>}
      {status?.failed?.length ? <ul>{status.failed.map((f) => <li key={f.url}>{t('importItemFailed', [f.url, f.reason])}</li>)}</ul> : null}
      <ImportProgress />
    </section>
  );
}

function ImportSummary({ parsed, onImport, onIncludeFeed }: { parsed: ParsedImport; onImport: () => void; onIncludeFeed: (on: boolean) => void }) {
  const { plan, errors, changed, format, feedItems, options } = parsed;
  const count = plan.queue.length + plan.withContent.length;
  return (
    <div class="import-summary">
      <p>{t('importFound', [t(`importFormat_${format}`), String(count), String(plan.withContent.length), String(plan.queue.length), String(plan.alreadySaved.length)])}</p>
      {errors.length > 0 && <Problems summary={t('importSkipped', String(errors.length))} problems={errors} />}
      {changed.length > 0 && <Problems summary={t('importChanged', String(changed.length))} problems={changed} />}
      {feedItems > 0 && (
        <label>
          <input type="checkbox" checked={!!options.includeFeed} onChange={(e) => onIncludeFeed(e.currentTarget.checked)} />
          {' '}{t('importIncludeFeed', String(feedItems))}
        </label>
      )}
      <button type="button" disabled={count === 0} onClick={onImport}>{t('importButton', String(count))}</button>
    </div>
  );
}

/** Entries of the file the user should know about: skipped, or imported with a change. */
function Problems({ summary, problems }: { summary: string; problems: ImportProblem[] }) {
  return (
    <details>
      <summary>{summary}</summary>
      <ul>{problems.slice(0, 200).map((e, i) => <li key={i}>{e.file ? `${e.file}: ` : ''}{t(e.line !== undefined ? 'importSkippedLine' : 'importSkippedEntry', [String(e.line ?? (e.index ?? 0) + 1), t(e.key, e.subs)])}</li>)}</ul>
    </details>
  );
}
