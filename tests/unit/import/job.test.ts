/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import {
  cancelJob, createJob, jobFailures, jobProgress, markDone, markFailed, nextPending, pauseJob, retryFailed,
} from '../../../src/import/job';
import { restoreJob } from '../../../src/import/job-state';
import type { ImportItem } from '../../../src/import/types';

const T0 = new Date('2024-06-01T00:00:00Z');
const items: ImportItem[] = ['a', 'b', 'c', 'd'].map((n) => ({ url: `https://news.example/${n}`, title: n.toUpperCase(), tags: [n] }));

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
    const copy = JSON.parse(JSON.stringify(job));
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
    expect(nextPending(retryFailed(job))).toBe(1);
  });

  it('pauses with a reason (storage full) and resumes where it stopped', () => {
    const paused = pauseJob(markDone(createJob('j1', 'pocket', items, T0), 0), 'Storage is full');
    expect(paused).toMatchObject({ state: 'paused', pausedReason: 'Storage is full' });
    expect(nextPending(paused)).toBeNull();
    const resumed = retryFailed(paused);
    expect(resumed.state).toBe('running');
    expect(resumed).not.toHaveProperty('pausedReason');
    expect(nextPending(resumed)).toBe(1);
  });

  it('an empty job is finished at once', () => {
    expect(createJob('j1', 'pocket', [], T0).state).toBe('finished');
  });
});

// The stored job as plain JSON, the shape a corrupt storage entry could have.
type StoredJob = { state: unknown; version: unknown; items: { status: unknown; item: { url: unknown; tags: unknown[] } }[] };

describe('restoreJob', () => {
  const stored = (): StoredJob => JSON.parse(JSON.stringify(markFailed(createJob('j1', 'pocket', items, T0), 0, 'x', T0)));

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
