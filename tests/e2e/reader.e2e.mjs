// The reader's settings, shortcuts, print and RTL as a user meets them, in real Chromium and Firefox.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, startServer } from './harness.mjs';
import { ARTIFACTS_DIR, BROWSERS, EXTENSION_DIRS, PAGES_DIR } from './fixtures.mjs';
import { openReader, reload, setSettings, storedSettingsBecome, until } from './reader-helpers.mjs';

const THEMES = ['light', 'sepia', 'dark', 'auto', 'contrast'];
const DEFAULTS = { theme: 'auto', font: 'serif', size: 19, width: 65, lineHeight: 1.6, justify: false, ttsRate: 1 };

const look = (page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    fontSize: getComputedStyle(document.querySelector('.reader')).fontSize,
  }));

/**
 * Show the page as printed. Chromium emulates print media; Firefox over BiDi cannot (puppeteer needs CDP
 * for it), so there the print rules are switched to apply on screen through the CSSOM.
 */
async function printMedia(page, kind, on) {
  if (kind === 'chromium') return page.emulateMediaType(on ? 'print' : null);
  await page.evaluate((enable) => {
    const rules = (sheet) => [...sheet.cssRules].flatMap((r) => (r.styleSheet ? rules(r.styleSheet) : [r]));
    for (const rule of [...document.styleSheets].flatMap(rules)) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText === (enable ? 'print' : 'all and (min-width: 0px), print-was')) rule.media.mediaText = enable ? 'all and (min-width: 0px), print-was' : 'print';
    }
  }, on);
}

for (const kind of BROWSERS) {
  describe(`reader settings and shortcuts in ${kind}`, () => {
    let server;
    let session;
    before(async () => {
      server = await startServer({ root: PAGES_DIR });
      session = await launch(kind, EXTENSION_DIRS[kind]);
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test('theme and text size chosen in the toolbar apply at once and survive a reload', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      await page.click('.settings-toggle');
      await page.click('input[type="radio"][value="sepia"]');
      await page.click('button[aria-label="Bigger text"]');
      await page.click('button[aria-label="Bigger text"]');
      await until(page, () => getComputedStyle(document.querySelector('.reader')).fontSize === '21px', undefined, 'size 21px');
      const chosen = await look(page);
      assert.deepEqual(chosen, { theme: 'sepia', background: 'rgb(244, 236, 216)', fontSize: '21px' });
      const want = { ...DEFAULTS, theme: 'sepia', size: 21 };
      assert.deepEqual(await storedSettingsBecome(session, want, DEFAULTS), want);
      await reload(page);
      await until(page, () => document.documentElement.dataset.theme === 'sepia', undefined, 'sepia after reload');
      assert.deepEqual(await look(page), chosen);
    });

    test('keyboard: t cycles the theme, + grows the text, ? lists the shortcuts and Escape closes the list', async () => {
      await setSettings(session, DEFAULTS);
      const { page } = await openReader(session, server, 'news-ecuador');
      await until(page, () => document.documentElement.dataset.theme === 'auto', undefined, 'defaults');
      await page.keyboard.press('t');
      await page.keyboard.type('+');
      await until(page, () => document.documentElement.dataset.theme === 'contrast', undefined, 'contrast theme');
      await until(page, () => getComputedStyle(document.querySelector('.reader')).fontSize === '20px', undefined, 'size 20px');
      const want = { ...DEFAULTS, theme: 'contrast', size: 20 };
      assert.deepEqual(await storedSettingsBecome(session, want, DEFAULTS), want);
      await page.keyboard.type('?');
      await until(page, () => document.querySelector('[role="dialog"]') && document.activeElement?.closest('[role="dialog"]'), undefined, 'dialog with focus');
      await page.keyboard.press('Escape');
      await until(page, () => !document.querySelector('[role="dialog"]'), undefined, 'dialog closed');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'reader-title', 'focus back on the article');
    });

    test('the dyslexia font is bundled and allowed by the CSP', async () => {
      await setSettings(session, { ...DEFAULTS, font: 'dyslexic' });
      const { page } = await openReader(session, server, 'news-ecuador');
      await until(page, () => document.documentElement.dataset.font === 'dyslexic', undefined, 'dyslexic font');
      const faces = await page.evaluate(async () => (await document.fonts.load('19px OpenDyslexic')).length);
      assert.ok(faces > 0, 'OpenDyslexic loaded');
      assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('.reader-content p')).fontFamily), /OpenDyslexic/);
    });

    test('a screenshot of every theme', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      await page.setViewport({ width: 1000, height: 800 });
      for (const theme of THEMES) {
        await setSettings(session, { ...DEFAULTS, theme });
        await until(page, (t) => document.documentElement.dataset.theme === t, theme, `theme ${theme}`);
        await page.evaluate(() => document.activeElement?.blur());
        await page.screenshot({ path: join(ARTIFACTS_DIR, `theme-${theme}-${kind}.png`) });
      }
    });

    test('a right-to-left article reads right to left, with the controls in the UI language', async () => {
      await setSettings(session, DEFAULTS);
      const { page } = await openReader(session, server, 'rtl-arabic');
      const dirs = await page.evaluate(() => ({
        article: getComputedStyle(document.querySelector('.reader-content')).direction,
        lang: document.querySelector('article').lang,
        title: getComputedStyle(document.querySelector('.reader-title')).direction,
        controls: getComputedStyle(document.querySelector('.reader-bar')).direction,
        // The first paragraph's text starts at the right edge of its box.
        rightAligned: (() => {
          const p = document.querySelector('.reader-content p');
          const range = document.createRange();
          range.selectNodeContents(p);
          const line = range.getClientRects()[0];
          return Math.abs(line.right - p.getBoundingClientRect().right) < 2;
        })(),
      }));
      assert.deepEqual(dirs, { article: 'rtl', lang: 'ar', title: 'rtl', controls: 'ltr', rightAligned: true });
      await screenshot(page, join(ARTIFACTS_DIR, `rtl-${kind}.png`));
    });

    test('printing shows the article, its title, date and source address, and none of the controls', async () => {
      const { page, url } = await openReader(session, server, 'news-ecuador');
      await printMedia(page, kind, true);
      const printed = await page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('.reader-bar')).display,
        progress: getComputedStyle(document.querySelector('.reader-progress')).display,
        title: getComputedStyle(document.querySelector('.reader-title')).display,
        dateShown: document.querySelector('.reader-date').getClientRects().length > 0,
        source: document.querySelector('.reader-print-source').textContent,
        sourceShown: getComputedStyle(document.querySelector('.reader-print-source')).display,
      }));
      await printMedia(page, kind, false);
      assert.deepEqual(printed, { bar: 'none', progress: 'none', title: 'block', dateShown: true, source: `Source: ${url}`, sourceShown: 'block' });
    });

    test('Listen either can speak or says why not: never a silent button', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      await until(page, () => !document.querySelector('.listen button[aria-disabled="true"]'), undefined, 'voices known', 10_000);
      const state = await page.evaluate(() => ({
        voices: speechSynthesis.getVoices().filter((v) => v.localService).length,
        label: (document.querySelector('.listen button, .listen-unavailable')?.textContent ?? '').trim(),
      }));
      assert.equal(state.label, state.voices > 0 ? 'Listen' : 'Listen: no voices installed', JSON.stringify(state));
    });

    test('Escape closes a reader tab opened the way the popup opens it', async () => {
      const { tabId } = await openReader(session, server, 'news-ecuador');
      const url = `${session.extensionOrigin}/reader.html?tab=${tabId}&from=popup`;
      const before = new Set(await session.browser.pages());
      await session.evalInExtension((api, u) => api.tabs.create({ url: u, active: true }), url);
      let page;
      for (let i = 0; i < 100 && !page; i++) {
        for (const p of await session.browser.pages()) if (!before.has(p) && (await p.evaluate(() => location.href).catch(() => '')) === url) page = p;
        if (!page) await new Promise((r) => setTimeout(r, 150));
      }
      assert.ok(page, 'reader tab opened');
      await until(page, () => document.querySelector('.reader-content') && document.documentElement.dataset.theme, undefined, 'reader shown');
      await page.keyboard.press('Escape').catch(() => {}); // Firefox may report the tab gone before the key press returns
      const open = async () => (await session.evalInExtension((api) => api.tabs.query({}))).some((t) => t.url?.endsWith('&from=popup'));
      for (let i = 0; i < 50 && (await open()); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await open(), false, 'the reader tab is closed');
    });

    test('the progress bar follows scrolling', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      await page.setViewport({ width: 800, height: 500 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await until(page, () => document.querySelector('[role="progressbar"]').getAttribute('aria-valuenow') === '100', undefined, 'progress 100');
      await page.evaluate(() => window.scrollTo(0, 0));
      await until(page, () => document.querySelector('[role="progressbar"]').getAttribute('aria-valuenow') === '0', undefined, 'progress 0');
    });
  });
}

// The German translation in a real browser. Chromium only: Firefox ESR here has no German language pack,
// so its UI language (and what browser.i18n picks) cannot be switched to German.
describe('German UI in chromium', () => {
  let server;
  let session;
  before(async () => {
    server = await startServer({ root: PAGES_DIR });
    session = await launch('chromium', EXTENSION_DIRS.chromium, { args: ['--lang=de'] });
  });
  after(async () => {
    await session?.close({ removeProfile: true });
    await server?.close();
  });

  test('the reader speaks German and says so in its lang attribute', async () => {
    const { page } = await openReader(session, server, 'news-ecuador');
    const ui = await page.evaluate(() => ({
      lang: document.documentElement.lang.split('-')[0],
      settings: document.querySelector('.settings-toggle .visually-hidden').textContent,
      time: document.querySelector('.reader-time').textContent,
      barLang: document.querySelector('.reader-bar').lang.split('-')[0],
    }));
    assert.deepEqual(ui, { lang: 'de', settings: 'Text und Farbschema', time: '2 Min. Lesezeit', barLang: 'de' });
  });
});
