// Accessibility in real Chromium and Firefox: axe-core (from npm, injected by the test) finds no
// violations on Lectern's pages in every theme; the popup works with the keyboard alone, with visible
// focus; reduced motion turns transitions off.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, screenshot, startServer } from './harness.mjs';
import { ARTIFACTS_DIR, BROWSERS, EXTENSION_DIRS, PAGES_DIR } from './fixtures.mjs';
import { axeViolations, openPopupFor, openReader, setSettings, until } from './reader-helpers.mjs';

const DEFAULTS = { theme: 'auto', font: 'serif', size: 19, width: 65, lineHeight: 1.6, justify: false, ttsRate: 1 };

/** Both browsers told the user prefers reduced motion, the way a system setting would. */
const REDUCED_MOTION = { args: ['--force-prefers-reduced-motion'], prefs: { 'ui.prefersReducedMotion': 1 } };

/** What has keyboard focus: its name as a user would hear it, and whether focus is drawn. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const copy = el.cloneNode(true);
    copy.querySelectorAll?.('[aria-hidden="true"]').forEach((n) => n.remove());
    const name = (el.getAttribute('aria-label') || copy.textContent || el.value || '').trim().replace(/\s+/g, ' ');
    return { tag: el.tagName.toLowerCase(), name, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });

for (const kind of BROWSERS) {
  describe(`accessibility in ${kind}`, () => {
    let server;
    let session;
    before(async () => {
      server = await startServer({ root: PAGES_DIR });
      session = await launch(kind, EXTENSION_DIRS[kind], REDUCED_MOTION);
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      await server?.close();
    });

    test('the reader has no axe violations in any theme, with its settings and shortcut list open', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      for (const theme of ['light', 'sepia', 'dark', 'contrast', 'auto']) {
        await setSettings(session, { ...DEFAULTS, theme });
        await until(page, (t) => document.documentElement.dataset.theme === t, theme, `theme ${theme}`);
        assert.deepEqual(await axeViolations(page), [], `reader, ${theme} theme`);
      }
      await page.click('.settings-toggle');
      assert.deepEqual(await axeViolations(page), [], 'settings panel open');
      await page.setViewport({ width: 1000, height: 800 });
      await page.screenshot({ path: join(ARTIFACTS_DIR, `settings-${kind}.png`) });
      await page.click('.shortcuts-button');
      await until(page, () => document.querySelector('[role="dialog"]'), undefined, 'shortcut list');
      assert.deepEqual(await axeViolations(page), [], 'shortcut list open');
      await screenshot(page, join(ARTIFACTS_DIR, `shortcuts-${kind}.png`));
    });

    test('a right-to-left article has no axe violations', async () => {
      await setSettings(session, DEFAULTS);
      const { page } = await openReader(session, server, 'rtl-arabic');
      assert.deepEqual(await axeViolations(page), []);
    });

    test('the popup, welcome and options pages have no axe violations', async () => {
      const popup = await openPopupFor(session, server, 'news-ecuador');
      assert.deepEqual(await axeViolations(popup), [], 'popup');
      const welcome = await session.openExtensionPage('welcome.html');
      assert.deepEqual(await axeViolations(welcome), [], 'welcome');
      const options = await session.openExtensionPage('options.html');
      await options.waitForFunction(() => document.querySelector('#app')?.childElementCount > 0, { polling: 100 });
      assert.deepEqual(await axeViolations(options), [], 'options');
    });

    test('the popup works with the keyboard alone: logical order, visible focus, settings by keys', async () => {
      await setSettings(session, DEFAULTS);
      const popup = await openPopupFor(session, server, 'news-ecuador');
      await until(popup, () => document.activeElement?.id === 'reader-title', undefined, 'focus on the article title');
      await popup.bringToFront(); // the article is read; now the popup is what the user looks at (focus rings need a focused window)
      await popup.evaluate(() => document.activeElement.blur());
      const walk = [];
      for (let i = 0; i < 11; i++) {
        await popup.keyboard.press('Tab');
        walk.push(await focused(popup));
      }
      // The view tabs ("This page" selected; arrow keys reach "Library") come first, then the toolbar.
      const exports = ['Export as Markdown', 'Export as HTML', 'Export as EPUB'];
      assert.deepEqual(walk.map((f) => f.name), ['This page', 'Open in tab', 'Save', ...exports, 'Text and theme', walk[7].name, 'Highlights (0)', 'Keyboard shortcuts', 'The Daily Lantern']);
      assert.match(walk[7].name, /^Listen/);
      assert.deepEqual(walk.filter((f) => !f.visible), [], 'every focused control shows its focus');
      await popup.keyboard.down('Shift');
      await popup.keyboard.press('Tab');
      await popup.keyboard.up('Shift');
      assert.equal((await focused(popup)).name, 'Keyboard shortcuts');
      // Open the settings with Enter, move to the themes, pick the next one with an arrow key.
      await popup.keyboard.down('Shift');
      await popup.keyboard.press('Tab');
      await popup.keyboard.press('Tab');
      await popup.keyboard.press('Tab');
      await popup.keyboard.up('Shift');
      assert.equal((await focused(popup)).name, 'Text and theme');
      await popup.keyboard.press('Enter');
      await until(popup, () => document.querySelector('.settings-panel'), undefined, 'settings panel');
      for (let i = 0; i < 4; i++) await popup.keyboard.press('Tab'); // Listen, Highlights, ?, then into the panel
      const radio = await focused(popup);
      assert.equal(radio.tag, 'input');
      assert.ok(radio.visible, 'the theme radio shows its focus');
      await popup.keyboard.press('ArrowRight');
      await until(popup, () => document.documentElement.dataset.theme === 'contrast', undefined, 'theme chosen by arrow key');
      await popup.keyboard.press('Escape');
      await until(popup, () => !document.querySelector('.settings-panel'), undefined, 'panel closed');
      assert.equal((await focused(popup)).name, 'Text and theme');
    });

    test('reduced motion turns transitions off', async () => {
      const { page } = await openReader(session, server, 'news-ecuador');
      const motion = await page.evaluate(() => ({
        reduced: matchMedia('(prefers-reduced-motion: reduce)').matches,
        transition: getComputedStyle(document.querySelector('.reader-progress-fill')).transitionDuration,
      }));
      assert.deepEqual(motion, { reduced: true, transition: '0s' });
    });
  });
}
