/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import fake, { asSender, EXTENSION_BASE, EXTENSION_ID, createdTabs, onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { pageDocument, paragraphs } from '../../helpers/dom';
import { extractArticle } from '../../../src/extract/extract';
import { sendMessage } from '../../../src/shared/messages';

const ARTICLE_PAGE = `<html lang="en"><head><title>Council approves library</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Council approves library</h1>${paragraphs(8)}</article><footer>Footer text</footer></body></html>`;

/** Plays the page's side of an injection: the extractor runs on a fresh document of the tab's page. */
function servePages(pages: Record<string, string>) {
  onInjection((tab, injection) => {
    if (injection.files) return undefined;
    const html = pages[tab.url ?? ''];
    if (html === undefined) throw new Error('Cannot access contents of url');
    return extractArticle(pageDocument(html, tab.url), String(injection.args?.[0]));
  });
}

import '../../../src/background/background';

beforeEach(resetFakeBrowser);

describe('extractTab', () => {
  it('extracts the article of a readable tab for an extension page', async () => {
    const tab = openTab({ url: 'https://news.example/library', active: true });
    servePages({ 'https://news.example/library': ARTICLE_PAGE });
    const result = await sendMessage('extractTab', { tabId: tab.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe('Council approves library');
    expect(result.article.url).toBe('https://news.example/library');
    expect(result.article.text).toContain('Paragraph 8.');
    expect(result.article.text).not.toContain('Footer text');
  });

  it.each([
    ['chrome://settings/', 'restricted'],
    ['about:preferences', 'restricted'],
    ['https://chromewebstore.google.com/category/extensions', 'restricted'],
    ['view-source:https://news.example/', 'restricted'],
  ])('refuses %s without injecting', async (url, reason) => {
    const tab = openTab({ url });
    onInjection(() => {
      throw new Error('must not inject');
    });
    expect(await sendMessage('extractTab', { tabId: tab.id })).toMatchObject({ ok: false, reason });
  });

  it('says a file page needs file access when the browser refuses to inject', async () => {
    const tab = openTab({ url: 'file:///home/reader/saved.html' });
    expect(await sendMessage('extractTab', { tabId: tab.id })).toMatchObject({ ok: false, reason: 'file-access' });
  });

  it('says a page is not an article', async () => {
    const tab = openTab({ url: 'https://app.example/login' });
    servePages({ 'https://app.example/login': '<html><body><form><input name="user"><button>Sign in</button></form></body></html>' });
    expect(await sendMessage('extractTab', { tabId: tab.id })).toMatchObject({ ok: false, reason: 'no-article' });
  });

  it('says the tab is gone', async () => {
    expect(await sendMessage('extractTab', { tabId: 999 })).toMatchObject({ ok: false, reason: 'tab-gone' });
  });
});

describe('message trust', () => {
  it('does not answer a content script on a web page', async () => {
    const tab = openTab({ url: 'https://news.example/library' });
    servePages({ 'https://news.example/library': ARTICLE_PAGE });
    const webPage = { id: EXTENSION_ID, url: 'https://news.example/library', tab: { id: tab.id, url: 'https://news.example/library' } };
    await expect(asSender(webPage, () => sendMessage('extractTab', { tabId: tab.id }))).rejects.toThrow(/only answered for Lectern's own pages/);
  });

  it('does not answer another extension pretending with our URL', async () => {
    const other = { id: 'someone-else', url: `${EXTENSION_BASE}popup.html` };
    await expect(asSender(other, () => sendMessage('extractTab', { tabId: 1 }))).rejects.toThrow(/own pages/);
  });

  it('rejects malformed data and ignores unknown or shapeless messages', async () => {
    await expect(browser.runtime.sendMessage({ type: 'extractTab', data: { tabId: 'x' } })).rejects.toThrow(/Malformed/);
    await expect(browser.runtime.sendMessage({ type: 'extractTab' })).rejects.toThrow(/Malformed/);
    await expect(browser.runtime.sendMessage({ type: 'deleteEverything', data: {} })).rejects.toThrow(/Receiving end does not exist/);
    await expect(browser.runtime.sendMessage('extractTab')).rejects.toThrow(/Receiving end does not exist/);
    await expect(browser.runtime.sendMessage({ type: 'toString', data: {} })).rejects.toThrow(/Receiving end does not exist/);
  });
});

describe('install', () => {
  it('opens the welcome page on first install only', async () => {
    fake.runtime.onInstalled.emit({ reason: 'update', previousVersion: '0.0.1' });
    expect(createdTabs).toHaveLength(0);
    fake.runtime.onInstalled.emit({ reason: 'install' });
    expect(createdTabs.map((t) => t.url)).toEqual([`${EXTENSION_BASE}welcome.html`]);
  });
});
