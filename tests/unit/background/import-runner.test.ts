/**
 * @jest-environment node
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM, VirtualConsole } from 'jsdom';
import fake, { asSender, grantedOrigins, grantedPermissions, removalLikeChromium } from '../../helpers/fake-browser';
import { paragraphs } from '../../helpers/dom';
import { createJob, jobProgress, markDone, type ImportJob } from '../../../src/import/job';
import { readImportJob, updateImportJob } from '../../../src/import/stored-job';
import type { ImportItem } from '../../../src/import/types';
import { sendMessage } from '../../../src/shared/messages';
import * as storage from '../../../src/storage';

// Firefox's background is a page with a DOMParser (Chrome's worker uses the offscreen document instead).
// Its documents have the background page's URL, as in Firefox: links must still resolve against the fetched page.
const window = new JSDOM('', { url: 'moz-extension://lectern-test-id/background.html', virtualConsole: new VirtualConsole() }).window;
Object.assign(globalThis, { DOMParser: window.DOMParser });

import '../../../src/background/background';

const pages = new Map<string, string>();
/** Redirects by path: 302 to the given URL. */
const redirects = new Map<string, string>();
/** Requests per path, to see what was fetched and how often. */
const hits = new Map<string, number>();
const page = (title: string) => `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs(6)}<p><a href="more.html">More</a></p></article></body></html>`;
let server: http.Server;
/** Bytes the endless page got to send before the reader hung up. */
let endlessSent = 0;
/** A page that never ends (no content-length): only a reader that stops at its limit gets past it. */
function endless(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = Buffer.alloc(64 * 1024, '<p>more</p>');
  let open = true;
  res.on('close', () => (open = false));
  const pump = () => {
    while (open && endlessSent < 200 * 1024 * 1024) {
      endlessSent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/endless') return void endless(res);
    const target = redirects.get(path);
    if (target) {
      res.writeHead(302, { location: target });
      res.end();
      return;
    }
    const body = pages.get(path);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // This loopback server stands in for the web: the one origin a test may fetch (like the e2e build's).
  (globalThis as { LECTERN_TEST_FETCH_ORIGINS?: string[] }).LECTERN_TEST_FETCH_ORIGINS = [origin];
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  await storage.whenWritten();
  fake.storage.local.data.clear();
  pages.clear();
  redirects.clear();
  hits.clear();
  fake.storage.local.quotaBytes = 10 * 1024 * 1024;
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
    const job = await readImportJob();
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
    await updateImportJob(() => createJob('earlier', 'pocket', items().slice(0, 2)));
    fake.runtime.onStartup.emit();
    const job = await settled();
    expect(jobProgress(job)).toMatchObject({ done: 2, pending: 0 });
  });

  it('resumes a half-done job after a restart: only the items still pending are fetched', async () => {
    const list = items().slice(0, 2);
    await updateImportJob(() => markDone(createJob('earlier', 'pocket', list), 0, 'aaaaaaaaaaaaaaaaaaaa'));
    fake.runtime.onStartup.emit();
    const job = await settled();
    expect(jobProgress(job)).toMatchObject({ done: 2, pending: 0 });
    expect(hits.get('/a/1.html')).toBeUndefined();
    expect(hits.get('/a/2.html')).toBe(1);
  });

  it('keeps the user’s tags, favourite, read state and position when a link redirects onto a saved article', async () => {
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/1.html`, tags: [] }] });
    const first = await settled();
    const id = first.items[0]!.articleId!;
    await storage.updateArticle(id, { tags: ['mine'], favorite: true, read: true, progress: 0.6 });
    const before = (await storage.readArticle(id))!;
    await sendMessage('changeImport', { action: 'clear' });
    redirects.set('/short/x', `${origin}/a/1.html`);
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/short/x`, tags: ['imported'], archived: true }] });
    const job = await settled();
    expect(job.items[0]).toMatchObject({ status: 'done', articleId: id });
    const after = (await storage.readArticle(id))!;
    expect(after).toMatchObject({ tags: ['mine', 'imported'], favorite: true, readAt: before.readAt, progress: 0.6, archived: false, savedAt: before.savedAt });
    expect((await storage.readIndex()).entries).toHaveLength(1);
  });

  it('refuses a redirect to a host off the public web, before asking it anything', async () => {
    const other = http.createServer((_req, res) => res.end('secret router page'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    let otherHits = 0;
    other.on('request', () => otherHits++);
    try {
      redirects.set('/to-private', `http://127.0.0.1:${(other.address() as AddressInfo).port}/admin`);
      redirects.set('/to-metadata', 'http://169.254.169.254/latest/meta-data/');
      await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/to-private`, tags: [] }, { url: `${origin}/to-metadata`, tags: [] }] });
      const job = await settled();
      expect(job.items.map((i) => i.reason)).toEqual(['refused: 127.0.0.1 is not a public web address', 'refused: 169.254.169.254 is not a public web address']);
      expect(otherHits).toBe(0);
      expect((await storage.readIndex()).entries).toHaveLength(0);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('pauses with a message when storage is full, fetching the page once, and goes on when resumed', async () => {
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/1.html`, tags: [] }] });
    // Room for the empty index and the job's note that it paused, none for the article.
    fake.storage.local.quotaBytes = (await fake.storage.local.getBytesInUse(null)) + 1000;
    const job = await settled();
    expect(job.state).toBe('paused');
    expect(job.pausedReason).toMatch(/^Storage is full \(QUOTA_BYTES quota exceeded\)/);
    await new Promise((r) => setTimeout(r, 100));
    expect(hits.get('/a/1.html')).toBe(1);
    fake.storage.local.quotaBytes = 10 * 1024 * 1024;
    await sendMessage('changeImport', { action: 'retry' });
    expect(jobProgress(await settled())).toMatchObject({ done: 1, pending: 0 });
  });

  it('does not loop when even the pause cannot be written', async () => {
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/1.html`, tags: [] }] });
    fake.storage.local.quotaBytes = await fake.storage.local.getBytesInUse(null);
    await new Promise((r) => setTimeout(r, 300));
    await storage.whenWritten();
    expect(hits.get('/a/1.html')).toBe(1);
    expect((await readImportJob())?.items[0]?.status).toBe('pending');
    fake.storage.local.quotaBytes = 10 * 1024 * 1024;
    await sendMessage('changeImport', { action: 'retry' });
    expect(jobProgress(await settled())).toMatchObject({ done: 1 });
  });

  it('reads a body as a stream and stops at the limit, whatever the server sends', async () => {
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/endless`, tags: [] }] });
    const job = await settled();
    expect(job.items[0]).toMatchObject({ status: 'failed', reason: 'page too large' });
    expect(endlessSent).toBeLessThan(50 * 1024 * 1024);
  });

  const ALL_SITES = ['http://*/*', 'https://*/*'];

  it('gives back the host access asked for at Import, and the permission to see redirects, when the job ends', async () => {
    for (const o of ALL_SITES) grantedOrigins.add(o);
    grantedPermissions.add('webRequest');
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/1.html`, tags: [] }], asked: { origins: ALL_SITES, permissions: ['webRequest'] } });
    await settled();
    expect([...grantedOrigins]).toEqual([]);
    expect([...grantedPermissions]).toEqual([]);
  });

  it('keeps all-sites access the user had granted before the import (for offline images), when the job ends or is cancelled', async () => {
    await storage.setOfflineImages(true);
    for (const action of ['finish', 'cancel'] as const) {
      grantedOrigins.clear();
      for (const o of ALL_SITES) grantedOrigins.add(o); // granted for offline images, before the import
      grantedPermissions.add('webRequest'); // what this import asked for
      const many = Array.from({ length: action === 'cancel' ? 8 : 1 }, (_, n) => ({ url: `${origin}/a/1.html?${action}=${n}`, tags: [] }));
      await sendMessage('startImport', { source: 'pocket', items: many, asked: { origins: [], permissions: ['webRequest'] } });
      if (action === 'cancel') await sendMessage('changeImport', { action: 'cancel' });
      await settled();
      await sendMessage('changeImport', { action: 'clear' });
      expect([action, [...grantedOrigins], [...grantedPermissions]]).toEqual([action, ALL_SITES, []]);
    }
    await storage.setOfflineImages(false);
  });

  it('gives back nothing when the import asked for nothing', async () => {
    for (const o of ALL_SITES) grantedOrigins.add(o);
    grantedPermissions.add('webRequest');
    await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/2.html`, tags: [] }] });
    await settled();
    await sendMessage('changeImport', { action: 'clear' });
    expect([[...grantedOrigins], [...grantedPermissions]]).toEqual([ALL_SITES, ['webRequest']]);
    grantedOrigins.clear();
    grantedPermissions.clear();
  });

  it('refuses a start or retry message that claims access an import never asks for', async () => {
    for (const asked of [{ origins: ['<all_urls>'], permissions: [] }, { origins: [], permissions: ['tabs'] }, { origins: ALL_SITES }]) {
      await expect(sendMessage('startImport', { source: 'pocket', items: items(), asked } as never)).rejects.toThrow(/Malformed/);
      await expect(sendMessage('changeImport', { action: 'retry', asked } as never)).rejects.toThrow(/Malformed/);
    }
    // Only a retry asks for access.
    await expect(sendMessage('changeImport', { action: 'cancel', asked: { origins: ALL_SITES, permissions: [] } })).rejects.toThrow(/Malformed/);
  });

  it("gives back all-sites access with sync set up: Firefox keeps the server's access, Chromium takes it", async () => {
    const server = 'http://nas.local/*';
    await fake.storage.local.set({ syncSettings: { serverUrl: 'http://nas.local:5005/dav/', username: 'u', password: 'p', passphrase: '' } });
    for (const chromium of [false, true]) {
      removalLikeChromium(chromium);
      grantedOrigins.clear();
      for (const o of ['http://*/*', 'https://*/*', server]) grantedOrigins.add(o);
      await sendMessage('startImport', { source: 'pocket', items: [{ url: `${origin}/a/1.html?${chromium}`, tags: [] }], asked: { origins: ALL_SITES, permissions: [] } });
      await settled();
      // The browser decides what else goes; sync then asks for its server again at the next Sync now.
      expect([...grantedOrigins]).toEqual(chromium ? [] : [server]);
    }
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
