// Full-text search of the library in real Chromium and Firefox: the index on disk (IndexedDB) is written
// by the background inside each save and read by the popup directly. A saved article is found by a word
// of its body, by a quoted phrase and by the start of a word, with a snippet that marks the words; a lost
// index is rebuilt from the records, and a rebuild resumes after the worker stopped under it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';
import { seedLibrary } from './library-seed.mjs';

const page = (title, body) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${
  body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const filler = 'The committee met again on Tuesday to discuss plans, costs and the timetable for the coming year, and agreed on most of it.';
const routes = {
  '/ferry': page('Ferry returns', [filler, 'After two years the small Fähre between Altdorf and the nature reserve crosses the river again.', filler, filler]),
  '/bees': page('Rooftop bees', [filler, 'Two hives on the roof produced forty kilograms of honey; the river wind did not bother the bees.', filler, filler]),
  '/lights': page('Lighthouses', [filler, 'Seven lighthouses still stand along the cliffs; the keeper of the old one crosses to the river mouth by boat.', filler, filler]),
};

const SEARCH_BOX = 'input[aria-label="Search saved articles"]';

/** Type a query into a fresh popup; wait for exactly these titles; return the first row's snippet parts. */
async function search(session, query, titles) {
  const popup = await session.openExtensionPage('popup.html#library');
  await popup.waitForSelector(SEARCH_BOX);
  await popup.type(SEARCH_BOX, query);
  try {
    await popup.waitForFunction((want) => {
      const shown = [...document.querySelectorAll('ul[aria-label="Saved articles"] h2')].map((h) => h.textContent);
      return JSON.stringify(shown) === JSON.stringify(want);
    }, { timeout: 15_000 }, titles);
    if (titles.length === 0) return null;
    await popup.waitForSelector('.saved-snippet mark', { timeout: 10_000 });
    return await popup.evaluate(() => {
      const p = document.querySelector('.saved-snippet');
      return { text: p.textContent, marks: [...p.querySelectorAll('mark')].map((m) => m.textContent), elements: [...p.children].map((c) => c.tagName) };
    });
  } finally {
    await popup.close();
  }
}

for (const kind of BROWSERS) {
  describe(`search in ${kind}`, () => {
    let server;
    let session;
    before(async () => {
      server = await startServer(routes);
      session = await launch(kind, EXTENSION_DIRS[kind]);
      for (const path of Object.keys(routes)) {
        const url = server.url(path);
        await session.openPage(url);
        const result = await session.sendMessage({ type: 'saveArticle', data: { tabId: await session.tabIdOf(url) } });
        assert.equal(result.ok, true, JSON.stringify(result));
      }
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test('finds a word of the body, accents folded, with a snippet that marks it', async () => {
      const snippet = await search(session, 'fahre', ['Ferry returns']);
      assert.deepEqual(snippet.marks, ['Fähre']);
      assert.match(snippet.text, /small Fähre between Altdorf/);
      assert.ok(snippet.elements.every((tag) => tag === 'MARK'), `only <mark> elements in a snippet: ${snippet.elements}`);
    });

    test('matches a quoted phrase only in that order, and needs every word', async () => {
      assert.deepEqual((await search(session, '"forty kilograms"', ['Rooftop bees'])).marks, ['forty kilograms']);
      await search(session, '"kilograms forty"', []);
      await search(session, 'river honey', ['Rooftop bees']);
    });

    test('completes the last word as typed', async () => {
      const snippet = await search(session, 'lightho', ['Lighthouses']);
      assert.deepEqual(snippet.marks, ['lightho']);
      assert.deepEqual((await search(session, 'altdorf cross', ['Ferry returns'])).marks, ['Altdorf', 'cross']);
    });

    test('a lost index is rebuilt from the records, and search works again', async () => {
      await session.evalInExtension(() => new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase('lectern-search');
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      }));
      // The first popup finds the index missing and asks for the rebuild; titles match meanwhile.
      await search(session, 'bees', ['Rooftop bees']);
      await search(session, 'kilograms', ['Rooftop bees']);
    });
  });
}

/** The rebuild's checkpoint as the index holds it (src/storage/search-db.ts), read from an extension page. */
const checkpoint = (session) => session.evalInExtension(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('lectern-search');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('meta')) return void (db.close(), resolve(null));
    const tx = db.transaction('meta');
    const state = tx.objectStore('meta').get('rebuild');
    const stats = tx.objectStore('meta').get('stats');
    tx.oncomplete = () => {
      db.close();
      resolve({ done: state.result?.done ?? null, total: state.result?.ids.length ?? null, count: stats.result?.count ?? null });
    };
    tx.onerror = () => reject(tx.error);
  };
}));

async function until(check, label, timeout = 120_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a search index rebuild in chromium', () => {
  // Chrome stops an idle MV3 worker after 30 s, and any worker may be stopped: closing its DevTools target
  // stops it the same way (harness restartServiceWorker).
  test('goes on from its checkpoint after the worker stopped, and the library says how far it is', async () => {
    const COUNT = 1500; // three buckets of 512
    const session = await launch('chromium', EXTENSION_DIRS.chromium);
    try {
      await seedLibrary(session, COUNT, { chars: 6000 }); // a restore with searchLater: nothing indexed yet
      const asked = session.sendMessage({ type: 'rebuildSearchIndex', data: {} }).catch(() => 'stopped');
      const before = await until(async () => {
        const c = await checkpoint(session);
        return c?.done >= 512 && c;
      }, 'the first bucket');
      await session.restartServiceWorker();
      assert.equal(await asked, 'stopped', 'the rebuild was still running when the worker stopped');
      const kept = await checkpoint(session);
      assert.equal(kept.total, COUNT);
      assert.ok(kept.done >= before.done && kept.done < COUNT, `checkpoint kept: ${JSON.stringify(kept)}`);

      // The popup finds the rebuild unfinished, says so, and asks for it: it goes on, never from zero.
      const popup = await session.openExtensionPage('popup.html#library');
      const said = await popup.waitForFunction(() => {
        const text = document.querySelector('.library-status')?.textContent ?? '';
        const m = /being rebuilt: ([\d,.]+) of ([\d,.]+)/.exec(text);
        return m && [Number(m[1].replace(/\D/g, '')), Number(m[2].replace(/\D/g, ''))];
      }, { timeout: 30_000 }).then((h) => h.jsonValue());
      assert.equal(said[1], COUNT);
      assert.ok(said[0] >= kept.done, `the rebuild went on from ${kept.done}, the popup says ${said[0]}`);
      const progress = [];
      await until(async () => {
        const c = await checkpoint(session);
        if (c.done !== null) progress.push(c.done);
        return c.done === null && c.count === COUNT;
      }, 'the rebuild to finish');
      assert.ok(progress.every((d) => d >= kept.done), `never from zero: ${progress.join(', ')}`);
      await popup.waitForFunction(() => !/being rebuilt/.test(document.querySelector('.library-status')?.textContent ?? ''), { timeout: 30_000 });
      await popup.type(SEARCH_BOX, '1299');
      await popup.waitForFunction(() => [...document.querySelectorAll('ul[aria-label="Saved articles"] h2')].map((h) => h.textContent).join() === 'Article 1299', { timeout: 15_000 });
      await popup.close();
    } finally {
      await session.close({ removeProfile: true });
    }
  });
});
