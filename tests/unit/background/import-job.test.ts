/**
 * @jest-environment node
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM, VirtualConsole } from 'jsdom';
import fake, { asSender } from '../../helpers/fake-browser';
import { paragraphs } from '../../helpers/dom';
import { createJob, jobProgress, type ImportJob } from '../../../src/import/job';
import type { ImportItem } from '../../../src/import/types';
import { sendMessage } from '../../../src/shared/messages';
import * as storage from '../../../src/storage';

// Firefox's background is a page with a DOMParser (Chrome's worker uses the offscreen document instead).
// Its documents have the background page's URL, as in Firefox: links must still resolve against the fetched page.
const window = new JSDOM('', { url: 'moz-extension://lectern-test-id/background.html', virtualConsole: new VirtualConsole() }).window;
Object.assign(globalThis, { DOMParser: window.DOMParser });

import '../../../src/background/background';

const pages = new Map<string, string>();
const page = (title: string) => `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs(6)}<p><a href="more.html">More</a></p></article></body></html>`;
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = pages.get((req.url ?? '').replace(/\?.*$/s, ''));
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  await storage.whenWritten();
  fake.storage.local.data.clear();
  pages.clear();
  for (const n of [1, 2]) pages.set(`/a/${n}.html`, page(`Imported story ${n}`));
});

const items = (): ImportItem[] => [
  { url: `${origin}/a/1.html`, title: 'My title for one', tags: ['city', 'long read'], savedAt: '2024-05-03T10:00:00.000Z', archived: true },
  { url: `${origin}/a/2.html`, tags: [], favorite: true },
  { url: `${origin}/missing.html`, tags: ['x'] },
];

/** The stored job once it is no longer running (the background works on its own). */
async function settled(): Promise<ImportJob> {
  for (let i = 0; i < 500; i++) {
    await storage.whenWritten();
    const job = await storage.readImportJob();
    if (job && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('The import did not settle');
}

describe('the import job in the background', () => {
  it('fetches and extracts each URL, keeps the source’s title, tags, dates and flags, and lists failures with reasons', async () => {
    await sendMessage('startImport', { source: 'pocket', items: items() });
    const job = await settled();
    expect(job.state).toBe('finished');
    expect(jobProgress(job)).toEqual({ total: 3, done: 2, failed: 1, pending: 0 });
    expect(job.items[2]).toMatchObject({ status: 'failed', reason: 'HTTP 404' });
    const one = await storage.readArticle(job.items[0]!.articleId!);
    expect(one).toMatchObject({ title: 'My title for one', tags: ['city', 'long read'], archived: true, savedAt: Date.parse('2024-05-03T10:00:00.000Z') });
    // Relative links resolve against the page, not the extension (the <base> the parser needs).
    expect(one!.content).toContain(`${origin}/a/more.html`);
    expect(await storage.readArticle(job.items[1]!.articleId!)).toMatchObject({ title: 'Imported story 2', favorite: true, archived: false });
    expect((await storage.readIndex()).entries).toHaveLength(2);
  });

  it('retries the failed items', async () => {
    await sendMessage('startImport', { source: 'pocket', items: items() });
    await settled();
    pages.set('/missing.html', page('Found at last'));
    await sendMessage('changeImport', { action: 'retry' });
    const job = await settled();
    expect(jobProgress(job)).toEqual({ total: 3, done: 3, failed: 0, pending: 0 });
    expect((await storage.readIndex()).entries.map((e) => e.title).sort()).toEqual(['Found at last', 'Imported story 2', 'My title for one']);
  });

  it('goes on after the browser restarts, from the job stored in the previous session', async () => {
    await storage.updateImportJob(() => createJob('earlier', 'pocket', items().slice(0, 2)));
    fake.runtime.onStartup.emit();
    const job = await settled();
    expect(jobProgress(job)).toMatchObject({ done: 2, pending: 0 });
  });

  it('stops when cancelled, leaving the rest pending until resumed', async () => {
    const many = Array.from({ length: 8 }, (_, n) => ({ url: `${origin}/a/${(n % 2) + 1}.html?n=${n}`, tags: [] }));
    await sendMessage('startImport', { source: 'bookmarks', items: many });
    const cancelled = await sendMessage('changeImport', { action: 'cancel' });
    expect(cancelled?.state).toBe('cancelled');
    const job = await settled();
    expect(job.state).toBe('cancelled');
    expect(jobProgress(job).pending).toBeGreaterThan(0);
    await sendMessage('changeImport', { action: 'retry' });
    expect(jobProgress(await settled())).toMatchObject({ done: 8, pending: 0 });
  });

  it('refuses a second import while one runs, messages from web pages, and items that are not web addresses', async () => {
    await sendMessage('startImport', { source: 'pocket', items: items() });
    await expect(sendMessage('startImport', { source: 'pocket', items: items() })).rejects.toThrow(/already running/);
    await settled();
    const web = { id: 'lectern-test-id', url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } };
    await expect(asSender(web, () => sendMessage('startImport', { source: 'pocket', items: items() }))).rejects.toThrow(/own pages/);
    for (const bad of [{ url: 'javascript:alert(1)', tags: [] }, { url: `${origin}/a/1.html`, tags: [], article: { content: '<p>x</p>' } }]) {
      await expect(sendMessage('startImport', { source: 'pocket', items: [bad as ImportItem] })).rejects.toThrow(/Malformed/);
    }
  });
});
