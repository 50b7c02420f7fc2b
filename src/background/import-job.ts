import { toStoredArticle } from '../export/record';
import { cancelJob, createJob, markDone, markFailed, retryFailed, type ImportJob } from '../import/job';
import type { StepResult } from '../import/job-runner';
import { recordFromImport } from '../import/to-record';
import type { ImportItem } from '../import/types';
import * as storage from '../storage';
import { extractHtml } from './extract-html';
import { fetchPage } from './fetch-page';
import { keepImages } from './offline-images';

/** Pages fetched at once: enough to overlap network waits, few enough not to hammer one site. */
export const CONCURRENCY = 2;

/** Items being fetched by this worker, `jobId:index`. Memory only: after a restart nothing is in flight. */
const inFlight = new Set<string>();

/** Fetch, extract and save one item; the source's title, tags, dates and flags are kept (recordFromImport). */
export async function importItem(item: ImportItem): Promise<StepResult> {
  const page = await fetchPage(item.url);
  const result = await extractHtml(page.html, page.url);
  if (!result.ok) return { ok: false, reason: result.detail ? `${result.reason}: ${result.detail}` : result.reason };
  const article = await toStoredArticle(recordFromImport(item, result.article, ''));
  await storage.restoreArticles([article]);
  await keepImages(article.id).catch(() => 0);
  return { ok: true, articleId: article.id };
}

async function attempt(item: ImportItem): Promise<StepResult> {
  try {
    return await importItem(item);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function runItem(jobId: string, index: number, item: ImportItem): Promise<void> {
  const result = await attempt(item);
  // The job may have been cancelled, retried or replaced meanwhile: record the result only on the same pending item.
  await storage.updateImportJob((job) => {
    if (!job || job.id !== jobId || job.items[index]?.status !== 'pending') return job;
    return result.ok ? markDone(job, index, result.articleId) : markFailed(job, index, result.reason);
  });
}

/**
 * Start as many pending items as the concurrency allows, from the stored job. Called when the worker
 * starts, after each item, and after start/retry: the stored job is the only state that matters.
 */
export async function pumpImport(): Promise<void> {
  const job = await storage.readImportJob();
  if (!job || job.state !== 'running') return;
  for (let index = 0; index < job.items.length && inFlight.size < CONCURRENCY; index++) {
    const key = `${job.id}:${index}`;
    const entry = job.items[index];
    if (entry?.status !== 'pending' || inFlight.has(key)) continue;
    inFlight.add(key);
    void runItem(job.id, index, entry.item).finally(() => {
      inFlight.delete(key);
      void pumpImport();
    });
  }
}

/** Replace any finished or cancelled job with a new one for `items`; refused while a job is running. */
export async function startImport(source: string, items: ImportItem[]): Promise<{ jobId: string; queued: number }> {
  const id = crypto.randomUUID();
  let busy = false;
  await storage.updateImportJob((job) => {
    if (job?.state === 'running') {
      busy = true;
      return job;
    }
    return createJob(id, source, items);
  });
  if (busy) throw new Error('An import is already running');
  void pumpImport();
  return { jobId: id, queued: items.length };
}

export async function changeImport(action: 'cancel' | 'retry' | 'clear'): Promise<ImportJob | null> {
  const change = { cancel: (j: ImportJob) => cancelJob(j), retry: (j: ImportJob) => retryFailed(j), clear: () => null }[action];
  const job = await storage.updateImportJob((j) => (j ? change(j) : null));
  if (action === 'retry') void pumpImport();
  return job;
}
