/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import fake, { asSender, badges, EXTENSION_ID, menuItems, onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { pageDocument, paragraphs } from '../../helpers/dom';
import { extractArticle } from '../../../src/extract/extract';
import { sendMessage, type MessageType } from '../../../src/shared/messages';

const URL_1 = 'https://news.example/library';
const PAGE = `<html lang="en"><head><title>Council approves library</title></head><body>
<article><h1>Council approves library</h1>${paragraphs(8)}<p>A zebracorn appears only here.</p></article></body></html>`;

function servePages(pages: Record<string, string>) {
  onInjection((tab, injection) => {
    if (injection.files) return undefined;
    const html = pages[(tab.url ?? '').replace(/\?.*$/s, '')];
    if (html === undefined) throw new Error('Cannot access contents of url');
    return extractArticle(pageDocument(html, tab.url), String(injection.args?.[0]));
  });
}

import '../../../src/background/background';

beforeEach(resetFakeBrowser);

describe('saving through the worker', () => {
  it('saves a tab for an extension page, and the same URL again updates it', async () => {
    servePages({ [URL_1]: PAGE });
    const first = await sendMessage('saveArticle', { tabId: openTab({ url: URL_1 }).id });
    const again = await sendMessage('saveArticle', { tabId: openTab({ url: `${URL_1}?utm_source=newsletter` }).id });
    expect(first).toMatchObject({ ok: true, updated: false });
    expect(again).toMatchObject({ ok: true, updated: true });
    const { entries } = await sendMessage('listArticles', {});
    expect(entries.map((e) => e.title)).toEqual(['Council approves library']);
    const saved = await sendMessage('getArticle', { id: entries[0]!.id });
    expect(saved?.text).toContain('zebracorn');
  });

  it('says why a tab could not be saved', async () => {
    expect(await sendMessage('saveArticle', { tabId: openTab({ url: 'chrome://settings/' }).id })).toMatchObject({ ok: false, reason: 'restricted' });
  });

  it('says storage is full without losing what is saved', async () => {
    servePages({ [URL_1]: PAGE, 'https://news.example/other': PAGE.replace('Council', 'Mayor') });
    await sendMessage('saveArticle', { tabId: openTab({ url: URL_1 }).id });
    fake.storage.local.quotaBytes = 100;
    expect(await sendMessage('saveArticle', { tabId: openTab({ url: 'https://news.example/other' }).id })).toMatchObject({ ok: false, reason: 'quota' });
    expect((await sendMessage('listArticles', {})).entries).toHaveLength(1);
    fake.storage.local.quotaBytes = 10 * 1024 * 1024;
  });

  it('updates, deletes and restores for extension pages', async () => {
    servePages({ [URL_1]: PAGE });
    const saved = await sendMessage('saveArticle', { tabId: openTab({ url: URL_1 }).id });
    if (!saved.ok) throw new Error('not saved');
    expect(await sendMessage('updateArticle', { id: saved.id, changes: { favorite: true } })).toMatchObject({ favorite: true });
    const deleted = await sendMessage('deleteArticle', { id: saved.id });
    expect((await sendMessage('listArticles', {})).entries).toEqual([]);
    await sendMessage('restoreArticle', { article: deleted! });
    expect((await sendMessage('listArticles', {})).entries).toEqual([expect.objectContaining({ id: saved.id, favorite: true })]);
    expect(await sendMessage('storageUsage', {})).toEqual({ count: 1, bytes: expect.any(Number) as number });
  });
});

describe('library message trust', () => {
  const webPage = { id: EXTENSION_ID, url: URL_1, tab: { id: 1, url: URL_1 } };
  const requests: Array<[MessageType, unknown]> = [
    ['saveArticle', { tabId: 1 }],
    ['listArticles', {}],
    ['getArticle', { id: '0123456789abcdef0123' }],
    ['updateArticle', { id: '0123456789abcdef0123', changes: { read: true } }],
    ['deleteArticle', { id: '0123456789abcdef0123' }],
    ['storageUsage', {}],
  ];

  it.each(requests)('a content script cannot send %s', async (type, data) => {
    servePages({ [URL_1]: PAGE });
    openTab({ url: URL_1 });
    await expect(asSender(webPage, () => browser.runtime.sendMessage({ type, data }))).rejects.toThrow(/own pages/);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it.each([
    ['getArticle', { id: '../index' }],
    ['getArticle', {}],
    ['updateArticle', { id: '0123456789abcdef0123', changes: {} }],
    ['updateArticle', { id: '0123456789abcdef0123', changes: { read: 'yes' } }],
    ['updateArticle', { id: '0123456789abcdef0123', changes: { content: '<script>' } }],
    ['updateArticle', { id: '0123456789abcdef0123', changes: { progress: 2 } }],
    ['restoreArticle', { article: { id: '0123456789abcdef0123', title: 'forged' } }],
    ['listArticles', { all: true }],
    ['saveArticle', { tabId: -1 }],
  ])('rejects malformed %s %j', async (type, data) => {
    await expect(browser.runtime.sendMessage({ type, data })).rejects.toThrow(/Malformed/);
  });
});

describe('save shortcut and context menu', () => {
  it('registers the menu on install', () => {
    fake.runtime.onInstalled.emit({ reason: 'update', previousVersion: '0.0.1' });
    expect(menuItems.get('save-page')).toMatchObject({ title: 'Save page to Lectern', contexts: ['page'] });
  });

  it('saves the active tab on the shortcut and shows ✓ on its button', async () => {
    servePages({ [URL_1]: PAGE });
    const tab = openTab({ url: URL_1, active: true });
    fake.commands.onCommand.emit('save-page');
    await waitFor(() => badges.get(tab.id)?.text === '✓');
    expect(badges.get(tab.id)?.title).toBe('Saved to your Lectern library');
    expect((await sendMessage('listArticles', {})).entries).toHaveLength(1);
  });

  it('shows a visible error when the menu cannot save', async () => {
    const tab = openTab({ url: 'https://app.example/login' });
    fake.contextMenus.onClicked.emit({ menuItemId: 'save-page' }, { id: tab.id });
    await waitFor(() => badges.get(tab.id)?.text === '!');
    expect(badges.get(tab.id)?.title).toMatch(/could not save this page: Lectern was not given access/);
  });
});

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}
