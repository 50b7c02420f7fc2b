/** @jest-environment node */
import {
  cancelJob, createJob, jobFailures, jobProgress, markDone, markFailed, nextPending, resumeJob, retryFailed, type ImportJob,
} from '../../../src/import/job';
import { runJob, type StepResult } from '../../../src/import/job-runner';
import { restoreJob } from '../../../src/import/job-state';
import type { ImportItem } from '../../../src/import/types';

const T0 = new Date('2024-06-01T00:00:00Z');
const items: ImportItem[] = ['a', 'b', 'c', 'd'].map((n) => ({ url: `https://news.example/${n}`, title: n.toUpperCase(), tags: [n] }));

/** Storage as the background has it: the job goes through JSON every time it is written. */
function fakeStore() {
  const writes: string[] = [];
  return {
    writes,
    persist: async (job: ImportJob) => void writes.push(JSON.stringify(job)),
    load: () => restoreJob(JSON.parse(writes.at(-1)!)),
  };
}

describe('import job transitions', () => {
  it('starts with every item pending and counts progress', () => {
    const job = createJob('j1', 'pocket', items, T0);
    expect(job).toMatchObject({ id: 'j1', source: 'pocket', state: 'running', createdAt: T0.toISOString() });
    expect(jobProgress(job)).toEqual({ total: 4, done: 0, failed: 0, pending: 4 });
    expect(nextPending(job)).toBe(0);
  });

  it('moves items to done or failed, and finishes when none is pending', () => {
    let job = createJob('j1', 'pocket', items.slice(0, 2), T0);
    job = markDone(job, 0, 'article-a');
    job = markFailed(job, 1, 'HTTP 404');
    expect(job.state).toBe('finished');
    expect(job.items[0]).toEqual({ item: items[0], status: 'done', attempts: 1, articleId: 'article-a' });
    expect(jobFailures(job)).toEqual([{ index: 1, url: 'https://news.example/b', title: 'B', reason: 'HTTP 404' }]);
  });

  it('never changes the job it is given', () => {
    const job = createJob('j1', 'pocket', items, T0);
    const copy = JSON.parse(JSON.stringify(job)) as unknown;
    markDone(job, 0);
    markFailed(job, 1, 'x');
    cancelJob(job);
    expect(job).toEqual(copy);
  });

  it('refuses to complete an item twice', () => {
    const job = markDone(createJob('j1', 'pocket', items, T0), 0);
    expect(() => markFailed(job, 0, 'late')).toThrow(/not pending/);
  });

  it('retries failed items, keeping the count of attempts', () => {
    let job = createJob('j1', 'pocket', items.slice(0, 2), T0);
    job = markFailed(markDone(job, 0), 1, 'timeout');
    job = retryFailed(job);
    expect(job.state).toBe('running');
    expect(nextPending(job)).toBe(1);
    job = markDone(job, 1, 'b');
    expect(job.items[1]).toMatchObject({ status: 'done', attempts: 2 });
    expect(job.items[1]).not.toHaveProperty('reason');
    expect(job.state).toBe('finished');
  });

  it('cancels: nothing more is handed out until resumed', () => {
    const job = cancelJob(markDone(createJob('j1', 'pocket', items, T0), 0));
    expect(job.state).toBe('cancelled');
    expect(nextPending(job)).toBeNull();
    expect(jobProgress(job)).toMatchObject({ done: 1, pending: 3 });
    expect(nextPending(resumeJob(job))).toBe(1);
  });

  it('an empty job is finished at once', () => {
    expect(createJob('j1', 'pocket', [], T0).state).toBe('finished');
  });
});

describe('runJob', () => {
  it('processes every item in order, persisting after each, and records failures with reasons', async () => {
    const store = fakeStore();
    const seen: string[] = [];
    const step = async (item: ImportItem): Promise<StepResult> => {
      seen.push(item.url);
      if (item.url.endsWith('/b')) return { ok: false, reason: 'HTTP 404' };
      if (item.url.endsWith('/c')) throw new Error('extraction failed: no article');
      return { ok: true, articleId: `id-${item.title}` };
    };
    const job = await runJob(createJob('j1', 'pocket', items, T0), { step, persist: store.persist });
    expect(seen).toEqual(items.map((i) => i.url));
    expect(store.writes).toHaveLength(4);
    expect(job.state).toBe('finished');
    expect(jobProgress(job)).toEqual({ total: 4, done: 2, failed: 2, pending: 0 });
    expect(jobFailures(job).map((f) => f.reason)).toEqual(['HTTP 404', 'extraction failed: no article']);
    expect(store.load()).toEqual(job);
  });

  it('resumes after a restart from what was persisted, without redoing finished items', async () => {
    const store = fakeStore();
    let calls = 0;
    // The "browser" dies during the third item: its step never returns.
    const dying = (item: ImportItem) => (++calls === 3 ? new Promise<StepResult>(() => {}) : Promise.resolve<StepResult>({ ok: true, articleId: item.title }));
    void runJob(createJob('j1', 'pocket', items, T0), { step: dying, persist: store.persist });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const restored = store.load();
    expect(jobProgress(restored)).toMatchObject({ done: 2, pending: 2 });
    const redone: string[] = [];
    const finished = await runJob(restored, { step: async (item) => (redone.push(item.url), { ok: true }), persist: store.persist });
    expect(redone).toEqual(['https://news.example/c', 'https://news.example/d']);
    expect(jobProgress(finished)).toMatchObject({ done: 4, pending: 0 });
  });

  it('stops when cancelled, and a retry continues with the rest', async () => {
    const store = fakeStore();
    let cancel = false;
    const step = async (item: ImportItem): Promise<StepResult> => {
      if (item.url.endsWith('/b')) cancel = true;
      return { ok: true };
    };
    const job = await runJob(createJob('j1', 'pocket', items, T0), { step, persist: store.persist, cancelled: () => cancel });
    expect(job.state).toBe('cancelled');
    expect(jobProgress(job)).toMatchObject({ done: 2, pending: 2 });
    expect(store.load().state).toBe('cancelled');
    const resumed = await runJob(resumeJob(store.load()), { step: async () => ({ ok: true }), persist: store.persist });
    expect(resumed.state).toBe('finished');
  });
});

// The stored job as plain JSON, the shape a corrupt storage entry could have.
type StoredJob = { state: unknown; version: unknown; items: { status: unknown; item: { url: unknown; tags: unknown[] } }[] };

describe('restoreJob', () => {
  const stored = (): StoredJob => JSON.parse(JSON.stringify(markFailed(createJob('j1', 'pocket', items, T0), 0, 'x', T0))) as StoredJob;

  it('reads back a stored job unchanged', () => {
    expect(restoreJob(stored())).toEqual(stored());
  });

  it.each([
    ['a bad state', (j: StoredJob) => (j.state = 'exploded'), /state: unknown state/],
    ['an unknown version', (j: StoredJob) => (j.version = 9), /version/],
    ['a javascript: URL', (j: StoredJob) => (j.items[1]!.item.url = 'javascript:alert(1)'), /items\[1\]\.item\.url: not a web address/],
    ['a bad status', (j: StoredJob) => (j.items[2]!.status = 'weird'), /items\[2\]\.status/],
    ['tags that are not text', (j: StoredJob) => (j.items[0]!.item.tags = [1]), /items\[0\]\.item\.tags/],
  ])('rejects a stored job with %s', (_, change, message) => {
    const job = stored();
    change(job);
    expect(() => restoreJob(job)).toThrow(message);
  });
});
