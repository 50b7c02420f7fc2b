import browser from 'webextension-polyfill';
import { sendMessage } from '../shared/messages';
import type { IndexEntry, SavedArticle } from '../storage';

/** Open a saved article in the full-tab reader. */
export async function openSaved(entry: IndexEntry) {
  await browser.tabs.create({ url: browser.runtime.getURL(`reader.html?id=${entry.id}`) });
}

export const setFavorite = (e: IndexEntry) => sendMessage('updateArticle', { id: e.id, changes: { favorite: !e.favorite } });
export const setArchived = (e: IndexEntry) => sendMessage('updateArticle', { id: e.id, changes: { archived: !e.archived } });
export const setTags = (e: IndexEntry, text: string) =>
  sendMessage('updateArticle', { id: e.id, changes: { tags: text.split(',').map((s) => s.trim()).filter(Boolean) } });
export const deleteSaved = (e: IndexEntry) => sendMessage('deleteArticle', { id: e.id });
export const undoDelete = (article: SavedArticle) => sendMessage('restoreArticle', { article });
