// Full-text search of the library in real Chromium and Firefox: the index on disk (IndexedDB) is written
// by the background inside each save and read by the popup directly. A saved article is found by a word
// of its body, by a quoted phrase and by the start of a word, with a snippet that marks the words; a lost
// index is rebuilt from the records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';

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
