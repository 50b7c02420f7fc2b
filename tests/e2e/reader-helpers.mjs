// Shared by reader.e2e.mjs and a11y.e2e.mjs: open the reader on a fixture, wait for settings, run axe.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll a page function until it returns truthy (waitForFunction, with a readable failure). */
export async function until(page, fn, arg, label, timeout = 15_000) {
  try {
    await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
  } catch (e) {
    throw new Error(`timed out waiting for ${label}: ${e.message}`);
  }
}

/** The reader tab for a fixture page, once its article and the stored settings are shown. */
export async function openReader(session, server, slug) {
  const url = server.url(`/${slug}/source.html`);
  await session.openPage(url);
  const tabId = await session.tabIdOf(url);
  const page = await session.openExtensionPage(`reader.html?tab=${tabId}`);
  await until(page, () => document.querySelector('.reader-content') && document.documentElement.dataset.theme, undefined, `reader of ${slug}`);
  return { page, tabId, url };
}

/**
 * Reload an extension page (Firefox's BiDi refuses to navigate moz-extension:// itself, so the page does),
 * and wait until the NEW document shows the reader: the old one carries a mark the new one lacks. The
 * context is destroyed mid-reload, so each check may throw: that counts as "not yet".
 */
export async function reload(page, timeout = 15_000) {
  await page.evaluate(() => {
    window.e2eBeforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const ready = await page
      .evaluate(() => !window.e2eBeforeReload && document.readyState === 'complete' && !!document.querySelector('.reader-content') && !!document.documentElement.dataset.theme)
      .catch(() => false);
    if (ready) return;
    await sleep(50);
  }
  throw new Error('timed out waiting for reload');
}

// storage.sync holds one key per reader setting (src/storage/reader-settings.ts): what another computer's sync writes.
const SETTING_PREFIX = 'readerSetting:';
const sortedJson = (o) => JSON.stringify(Object.fromEntries(Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b))));

/** The reader settings stored in storage.sync, as `{name: value}` (only the settings ever changed). */
async function storedSettings(session) {
  const all = await session.evalInExtension((api) => api.storage.sync.get(null));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(SETTING_PREFIX)).map(([k, v]) => [k.slice(SETTING_PREFIX.length), v]));
}

/**
 * The stored settings, over `defaults`, once they equal `want` (saves are batched, so they land a moment
 * after the change).
 */
export async function storedSettingsBecome(session, want, defaults = {}, timeout = 5000) {
  const end = Date.now() + timeout;
  let got;
  while (Date.now() < end) {
    got = { ...defaults, ...(await storedSettings(session)) };
    if (sortedJson(got) === sortedJson(want)) return got;
    await sleep(100);
  }
  return got;
}

/** Write the reader settings as another computer's sync would; open readers follow through storage.onChanged. */
export async function setSettings(session, settings) {
  const items = Object.fromEntries(Object.entries(settings).map(([k, v]) => [`${SETTING_PREFIX}${k}`, v]));
  await session.evalInExtension((api, s) => api.storage.sync.set(s), items);
}

/**
 * An extension page in a background tab of the window where a fixture page is the active tab: how the
 * popup sees the world when its toolbar button is clicked (headless browsers cannot click it).
 */
export async function openPopupFor(session, server, slug) {
  const fixture = server.url(`/${slug}/source.html`);
  const page0 = await session.openPage(fixture);
  await page0.bringToFront();
  const url = `${session.extensionOrigin}/popup.html`;
  const before = new Set(await session.browser.pages());
  await session.evalInExtension((api, u) => api.tabs.create({ url: u, active: false }), url);
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    for (const p of await session.browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await until(p, () => document.querySelector('.reader-content, [role="alert"]'), undefined, 'popup content');
        return p;
      }
    }
    await sleep(150);
  }
  throw new Error('popup page did not open');
}

/** axe-core's violations on the page as it is now, as short readable strings. */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof globalThis.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE); // evaluated over CDP/BiDi: not subject to the page's CSP
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    if (result.passes.length === 0) throw new Error('axe checked nothing'); // a run that saw no page proves nothing
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  return violations;
}
