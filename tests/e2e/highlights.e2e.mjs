// Highlights as a reader makes and keeps them, in real Chromium and Firefox: a sentence of a fixture page
// selected in the reader and highlighted (which saves the article first), a note added; the saved article
// opened with the site gone shows both, axe-clean in every theme with the Highlights panel open; the
// Markdown export holds the quote and the note; a backup, a delete and a restore keep them exactly.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, startServer } from './harness.mjs';
import { ARTIFACTS_DIR, BROWSERS, EXTENSION_DIRS, PAGES_DIR } from './fixtures.mjs';
import { axeViolations, openReader, setSettings, until } from './reader-helpers.mjs';
import { downloadedFile, pickFile } from './library-seed.mjs';
import { strFromU8, unzipSync } from 'fflate';

const SENTENCE = 'Though Ecuador has provided Assange with asylum since 2012, it drew a line in its support this week out of concern that his actions might negatively influence the U.S. elections.';
const NOTE = 'Asylum, but no Internet: check what Kerry said.';
const DEFAULTS = { theme: 'auto', font: 'serif', size: 19, width: 65, lineHeight: 1.6, justify: false };

const downloadPrefs = (dir) => ({
  'browser.download.folderList': 2, 'browser.download.dir': dir, 'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false, 'browser.download.start_downloads_in_tmp_dir': false,
});

async function allowDownloads(kind, page, dir) {
  if (kind !== 'chromium') return;
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}

/** The finished download whose name matches `pattern` (browsers write a .part/.crdownload first). */
async function downloaded(dir, pattern) {
  for (let i = 0; i < 150; i++) {
    const name = readdirSync(dir).find((f) => pattern.test(f));
    if (name && !existsSync(join(dir, `${name}.part`))) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (text.endsWith('\n')) return { name, text };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${pattern} in ${dir}: ${readdirSync(dir)}`);
}

/** Click the enabled button whose text is `name` (or starts with it). */
async function clickButton(page, name) {
  await until(page, (n) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(n) && !b.disabled);
    button?.click();
    return !!button;
  }, name, `button ${name}`);
}

const statusSays = (page, text) => until(page, (t) => document.querySelector('.highlight-status')?.textContent === t, text, `status "${text}"`);

/** Select `text` inside the article body as a reader dragging over it would (it may span text nodes). */
async function selectText(page, text) {
  await page.evaluate((t) => {
    const root = document.querySelector('.reader-content');
    // The page writes some of these spaces as &nbsp;: the same length, so offsets hold.
    const text = root.textContent.replace(/\u00a0/g, ' ');
    const start = text.indexOf(t);
    if (start === -1) {
      throw new Error(`"${t}" is not in the article`);
    }
    const range = document.createRange();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (start >= seen && start < seen + len) range.setStart(node, start - seen);
      if (start + t.length > seen && start + t.length <= seen + len) range.setEnd(node, start + t.length - seen);
      seen += len;
    }
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, text);
}

const markText = (page) => page.evaluate(() => [...document.querySelectorAll('.reader-content mark.highlight')].map((m) => m.textContent).join('').replace(/\u00a0/g, ' '));

for (const kind of BROWSERS) {
  describe(`highlights in ${kind}`, () => {
    let server;
    let session;
    let id;
    const downloads = mkdtempSync(join(tmpdir(), `lectern-highlights-${kind}-`));
    before(async () => {
      server = await startServer({ root: PAGES_DIR });
      session = await launch(kind, EXTENSION_DIRS[kind], { prefs: downloadPrefs(downloads) });
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    test('a sentence highlighted in the reader of a live page saves the article, and takes a note', async () => {
      const { page, url } = await openReader(session, server, 'news-ecuador');
      await selectText(page, SENTENCE);
      await page.waitForSelector('.highlight-create', { timeout: 10_000 });
      await page.click('.highlight-create');
      await statusSays(page, 'Saved the article to your library and highlighted the text.');
      assert.equal(await markText(page), SENTENCE);
      // The highlight has focus: Enter opens its menu (keyboard path); the mouse path is a click.
      assert.equal(await page.evaluate(() => document.activeElement?.matches('mark.highlight')), true, 'focus on the new highlight');
      await page.click('.reader-content mark.highlight');
      await page.waitForSelector('.highlight-menu');
      await clickButton(page, 'Add note');
      await page.waitForSelector('.highlight-note-editor textarea');
      await page.type('.highlight-note-editor textarea', NOTE);
      await clickButton(page, 'Save note');
      await statusSays(page, 'Note saved.');
      const { entries } = await session.sendMessage({ type: 'listArticles', data: {} });
      const entry = entries.find((e) => url.startsWith(e.url) || e.url === url);
      assert.ok(entry, `saved: ${JSON.stringify(entries.map((e) => e.url))}`);
      assert.equal(entry.highlights, 1, 'the library row counts it');
      id = entry.id;
      const record = await session.sendMessage({ type: 'getArticle', data: { id } });
      assert.deepEqual(record.highlights.map((h) => [h.quote.exact.replace(/\u00a0/g, ' '), h.note, h.color]), [[SENTENCE, NOTE, 'yellow']]);
      await page.close();
    });

    test('the saved article, opened offline, shows the highlight and its note; axe-clean with the panel open', async () => {
      await server.close(); // from here on the site is unreachable
      server = null;
      const page = await session.openExtensionPage(`reader.html?id=${id}`);
      await until(page, () => document.querySelector('.reader-content mark.highlight') && document.documentElement.dataset.theme, undefined, 'saved reader with its highlight');
      assert.equal(await markText(page), SENTENCE);
      await page.click('.highlights-toggle');
      await page.waitForSelector('.highlights-panel');
      const panel = await page.$eval('.highlights-panel', (el) => el.textContent);
      assert.ok(panel.replace(/\u00a0/g, ' ').includes(SENTENCE) && panel.includes(NOTE), panel);
      for (const theme of ['light', 'sepia', 'dark', 'contrast', 'auto']) {
        await setSettings(session, { ...DEFAULTS, theme });
        await until(page, (t) => document.documentElement.dataset.theme === t, theme, `theme ${theme}`);
        assert.deepEqual(await axeViolations(page), [], `saved reader with a highlight, ${theme} theme`);
      }
      await page.click('.highlights-jump');
      await until(page, () => document.activeElement?.matches('mark.highlight'), undefined, 'the panel moves focus to the highlight');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.highlight-menu');
      assert.deepEqual(await axeViolations(page), [], 'highlight menu open');
      await screenshot(page, join(ARTIFACTS_DIR, `highlights-${kind}.png`));
      await page.keyboard.press('Escape');
      await until(page, () => !document.querySelector('.highlight-menu') && document.activeElement?.matches('mark.highlight'), undefined, 'Escape closes the menu, focus back');

      await allowDownloads(kind, page, downloads);
      await clickButton(page, 'Export as Markdown');
      const { text } = await downloaded(downloads, /\.md$/);
      assert.ok(text.includes(`> ${SENTENCE}\n\n${NOTE}\n`), text.slice(0, 800));
      assert.ok(text.indexOf(`> ${SENTENCE}`) < text.indexOf('\n# '), 'highlights come right after the front matter');
      await page.close();
    });

    test('a backup, a delete and a restore keep the highlight exactly', async () => {
      const before = await session.sendMessage({ type: 'getArticle', data: { id } });
      const options = await session.openExtensionPage('options.html');
      await allowDownloads(kind, options, downloads);
      await clickButton(options, 'Back up all');
      const file = await downloadedFile(downloads, /^lectern-backup-.*\.zip$/);
      // The backup is a ZIP with one JSON entry per article (docs/backup-format.md).
      const entries = unzipSync(readFileSync(file.path));
      const records = Object.entries(entries).filter(([name]) => name.startsWith('articles/')).map(([, bytes]) => JSON.parse(strFromU8(bytes)));
      assert.deepEqual(records.find((r) => r.id === id)?.highlights, before.highlights);
      await session.sendMessage({ type: 'deleteArticle', data: { id } });
      assert.equal(await session.sendMessage({ type: 'getArticle', data: { id } }), null);
      await pickFile(options, 'backup-heading', file.path, file.name);
      await until(options, () => document.querySelector('.restore-backup p')?.textContent.includes('Restored'), undefined, 'restored');
      const after = await session.sendMessage({ type: 'getArticle', data: { id } });
      assert.deepEqual(after.highlights, before.highlights);
      await options.close();
    });
  });
}
