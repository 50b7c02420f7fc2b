// Shared by the backup, full-disk and upgrade specs and bench/backup.mjs: seed a library quickly through
// the extension's own restoreBackup message, hash every stored record, and hand files to the options
// page's file inputs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { storedArticle } from './library-data.mjs';

/**
 * Seed articles `from` … `from + count - 1` (tests/e2e/library-data.mjs: about `chars` characters of text
 * each, and the same as HTML) through the extension's restoreBackup message, 50 per message, from an
 * extension page. Ids are the library's own, so a restore of their backup meets them again.
 */
export async function seedLibrary(session, count, { chars = 5000, from = 0 } = {}) {
  for (let start = from; start < from + count; start += 50) {
    const articles = Array.from({ length: Math.min(50, from + count - start) }, (_, k) => storedArticle(start + k, chars));
    await session.evalInExtension(async (api, articles) => {
      const message = { type: 'restoreBackup', data: { articles, searchLater: true } };
      if (globalThis.browser) return api.runtime.sendMessage(message);
      return new Promise((resolve, reject) => api.runtime.sendMessage(message, (r) => (api.runtime.lastError ? reject(new Error(api.runtime.lastError.message)) : resolve(r))));
    }, articles);
  }
}

/** SHA-256 of every stored article record (keys sorted, so property order does not count), by id. */
export async function recordHashes(session) {
  return session.evalInExtension(async (api) => {
    const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}` : JSON.stringify(v));
    const keys = typeof api.storage.local.getKeys === 'function' ? await api.storage.local.getKeys() : Object.keys(await api.storage.local.get(null));
    const articleKeys = keys.filter((k) => k.startsWith('article:'));
    const out = {};
    for (let i = 0; i < articleKeys.length; i += 200) {
      const batch = await api.storage.local.get(articleKeys.slice(i, i + 200));
      for (const [k, v] of Object.entries(batch)) {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(v)));
        out[k.slice(8)] = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      }
    }
    return out;
  });
}

/** The ids the index lists (all pages: 256 since schema 6, src/storage/keys.ts). */
export async function listedIds(session) {
  return session.evalInExtension(async (api) => {
    const pages = await api.storage.local.get(Array.from({ length: 256 }, (_, n) => `index:${n}`));
    return Object.values(pages).flatMap((p) => JSON.parse(p)).map((e) => e.id).sort();
  });
}

/** Articles the search index holds (its stats in the `lectern-search` IndexedDB, src/storage/search-db.ts); null without one. */
export async function indexedCount(session) {
  return session.evalInExtension(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('lectern-search');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      if (!open.result.objectStoreNames.contains('meta')) return resolve(null);
      const get = open.result.transaction('meta').objectStore('meta').get('stats');
      get.onsuccess = () => {
        resolve(get.result?.count ?? null);
        open.result.close();
      };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** Firefox saves downloads into `dir` without asking; Chromium is told to over CDP (allowDownloads). */
export const downloadPrefs = (dir) => ({
  'browser.download.folderList': 2, 'browser.download.dir': dir, 'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false, 'browser.download.start_downloads_in_tmp_dir': false,
});

export async function allowDownloads(kind, page, dir) {
  if (kind !== 'chromium') return;
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}

/** The one finished download in `dir` whose name matches, once its size stops changing. */
export async function downloadedFile(dir, pattern, timeout = 120_000) {
  const end = Date.now() + timeout;
  let last = -1;
  while (Date.now() < end) {
    const done = readdirSync(dir).filter((f) => pattern.test(f) && !/\.(part|crdownload)$/.test(f) && !existsSync(join(dir, `${f}.part`)));
    if (done.length === 1) {
      const size = statSync(join(dir, done[0])).size;
      if (size > 0 && size === last) return { name: done[0], path: join(dir, done[0]) };
      last = size;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no download matching ${pattern} in ${dir}: ${readdirSync(dir)}`);
}

/** Put the file at `path` into the file input inside `section` (as a user picking it), in 4 MB pieces, and fire change. */
export async function pickFile(page, section, path, name) {
  await pickBytes(page, section, name, readFileSync(path));
}

/** pickFile for bytes a test made (an export built in memory), named `name`. */
export async function pickBytes(page, section, name, data) {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await page.waitForSelector(`section[aria-labelledby="${section}"] input[type=file]`);
  await page.evaluate(() => (globalThis.__pieces = []));
  for (let at = 0; at < bytes.length; at += 4 << 20) {
    await page.evaluate((b64) => globalThis.__pieces.push(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))), bytes.subarray(at, at + (4 << 20)).toString('base64'));
  }
  await page.evaluate((s, n) => {
    const input = document.querySelector(`section[aria-labelledby="${s}"] input[type=file]`);
    const files = new DataTransfer();
    files.items.add(new File(globalThis.__pieces, n));
    globalThis.__pieces = [];
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, section, name);
}

export async function clickButton(page, name, timeout = 30_000) {
  await page.waitForFunction((n) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === n && !b.disabled);
    button?.click();
    return !!button;
  }, { timeout, polling: 100 }, name);
}

/**
 * Wait for `text` in an element matching `selector`; on failure, say what the page showed instead. Polls
 * with short calls: one long waitForFunction outlives the WebDriver BiDi call timeout in Firefox.
 */
export async function waitForText(page, selector, text, timeout = 12_000) {
  const end = Date.now() + timeout;
  const shows = () => page.evaluate((s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent.includes(t)), selector, text).catch(() => false);
  while (Date.now() < end) {
    if (await shows()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (await shows()) return;
  const shown = await page.evaluate(() => document.body.innerText).catch(() => '(page not answering)');
  throw new Error(`"${text}" not shown in ${selector} after ${timeout} ms; the page shows:\n${shown}`);
}
