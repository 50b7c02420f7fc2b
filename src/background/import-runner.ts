/**
 * The import engine: the stored job is the only state that matters. `pumpImport` starts pending items
 * (when the worker starts, after each item, after start/retry), so a stopped worker or a browser
 * restart goes on where the job stands; an item that was in flight is still pending and runs again.
 */
import browser, { type Manifest } from 'webextension-polyfill';
import { joinAccess, type ImportAccess } from '../import/host-access';
import { cancelJob, createJob, markDone, markFailed, pauseJob, retryFailed, type ImportJob } from '../import/job';
import { keepUserFields } from '../import/keep-user-fields';
import { readImportJob, updateImportJob } from '../import/stored-job';
import { storedFromImport } from '../import/to-record';
import type { ImportItem } from '../import/types';
import { recordKeys } from '../import/url-key';
import * as storage from '../storage';
import { extractHtml } from './extract-html';
import { fetchPage } from './fetch-page';
import { guardImportFetches } from './host-guard';
import { keepImages } from './offline-images';

/** Pages fetched at once: enough to overlap network waits, few enough not to hammer one site. */
const CONCURRENCY = 2;

type StepResult = { ok: true; articleId: string } | { ok: false; reason: string; storageFull?: boolean };

/** Items being fetched by this worker, `jobId:index`. Memory only: after a restart nothing is in flight. */
const inFlight = new Set<string>();
/**
 * Jobs this worker stopped because the library could not be written. Kept in memory too, because
 * when storage is full even the write that pauses the job may fail: without this, the same page
 * would be fetched again and again (it stays pending).
 */
const stalled = new Set<string>();

/** The saved article the imported one is (same URL key, or the page's canonical one), if any. */
async function alreadySaved(article: storage.SavedArticle): Promise<storage.SavedArticle | null> {
  const keys = new Set(recordKeys(article));
  const { entries } = await storage.readIndex();
  const entry = entries.find((e) => keys.has(e.urlKey) || recordKeys(e).some((k) => keys.has(k)));
  return entry ? storage.readArticle(entry.id) : null;
}

/** Fetch, extract and save one item; the source's title, tags, dates and flags are kept (recordFromImport). */
async function importItem(item: ImportItem): Promise<StepResult> {
  const page = await fetchPage(item.url);
  const result = await extractHtml(page.html, page.url);
  if (!result.ok) return { ok: false, reason: result.detail ? `${result.reason}: ${result.detail}` : result.reason };
  const article = await storedFromImport(item, result.article);
  // A link that redirected onto an article the user has keeps their tags, flags, position and highlights.
  const saved = await alreadySaved(article);
  const record = saved ? keepUserFields(article, saved) : article;
  await storage.restoreArticles([record]);
  await keepImages(record.id).catch(() => 0);
  return { ok: true, articleId: record.id };
}

async function attempt(item: ImportItem): Promise<StepResult> {
  try {
    return await importItem(item);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason, storageFull: error instanceof storage.StorageWriteError && error.reason === 'quota' };
  }
}

function record(job: ImportJob, index: number, result: StepResult): ImportJob {
  if (result.ok) return markDone(job, index, result.articleId);
  return result.storageFull ? pauseJob(job, `Storage is full (${result.reason}). Free some space, then resume.`) : markFailed(job, index, result.reason);
}

async function runItem(jobId: string, index: number, item: ImportItem): Promise<void> {
  const result = await attempt(item);
  if (!result.ok && result.storageFull) stalled.add(jobId);
  try {
    // The job may have been cancelled, retried or replaced meanwhile: record the result only on the same pending item.
    const job = await updateImportJob((job) => (job?.id === jobId && job.items[index]?.status === 'pending' ? record(job, index, result) : job));
    if (job?.id === jobId && (job.state === 'finished' || job.state === 'cancelled')) await releaseHostAccess(job.access);
  } catch (error) {
    stalled.add(jobId);
    console.error('Lectern: the import could not record its progress and stops until resumed', error);
  }
}

/**
 * The access this import asked for at Import is given back when the job ends (a new import asks again): the
 * all-sites access and the permission to see redirects (Chrome), each only when the import asked for it.
 * Access the user had granted before (all sites for offline images, say) stays: the import did not ask for
 * it, and removing it would silently turn that setting off. Each only while still granted too: Chrome's
 * remove() also withdraws hosts the manifest requires that the patterns cover.
 */
async function releaseHostAccess(access: ImportAccess | undefined): Promise<void> {
  await guardImportFetches(false);
  if (!access) return;
  try {
    const { origins, permissions } = access as { origins: string[]; permissions: Manifest.OptionalPermission[] };
    if (origins.length && (await browser.permissions.contains({ origins }))) await browser.permissions.remove({ origins });
    if (permissions.length && (await browser.permissions.contains({ permissions }))) await browser.permissions.remove({ permissions });
  } catch (error) {
    console.error('Lectern: could not give back host access', error);
  }
}

/** Start as many pending items as the concurrency allows, from the stored job. */
export async function pumpImport(): Promise<void> {
  const job = await readImportJob();
  if (!job || job.state !== 'running' || stalled.has(job.id)) return;
  await guardImportFetches(true);
  for (let index = 0; index < job.items.length && inFlight.size < CONCURRENCY; index++) {
    const key = `${job.id}:${index}`;
    const entry = job.items[index];
    if (!entry || entry.status !== 'pending' || inFlight.has(key)) continue;
    inFlight.add(key);
    void runItem(job.id, index, entry.item).finally(() => {
      inFlight.delete(key);
      void pumpImport();
    });
  }
}

/** Replace any finished or cancelled job with a new one for `items`; refused while a job is running. */
export async function startImport(source: string, items: ImportItem[], access?: ImportAccess): Promise<{ jobId: string; queued: number }> {
  const id = crypto.randomUUID();
  let busy = false;
  await updateImportJob((job) => {
    if (job?.state === 'running' || job?.state === 'paused') {
      busy = true;
      return job;
    }
    return { ...createJob(id, source, items), ...(access ? { access } : {}) };
  });
  if (busy) throw new Error('An import is already running');
  void pumpImport();
  return { jobId: id, queued: items.length };
}

/**
 * Cancel, retry or clear the job. `asked`: the access a retry asked for (the job gave its own back when it
 * ended); the job holds it with what it still held, and gives all of it back when it ends again.
 */
export async function changeImport(action: 'cancel' | 'retry' | 'clear', asked?: ImportAccess): Promise<ImportJob | null> {
  const retry = (j: ImportJob): ImportJob => {
    const access = joinAccess(j.access, asked);
    return { ...retryFailed(j), ...(access ? { access } : {}) };
  };
  const change = { cancel: (j: ImportJob) => cancelJob(j), retry, clear: () => null }[action];
  let access: ImportAccess | undefined;
  const job = await updateImportJob((j) => {
    access = j?.access;
    return j ? change(j) : null;
  });
  if (action === 'retry') {
    stalled.clear();
    void pumpImport();
  } else {
    await releaseHostAccess(access);
  }
  return job;
}
