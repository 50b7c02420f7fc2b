/**
 * The search index rebuild keeps the background awake to its end with a repeating alarm (Firefox stops its
 * event page ~30 s after the last event, even while a message is answered), and a stopped background's
 * next alarm resumes it from the checkpoint.
 * @jest-environment node
 */
import { deleteDatabase } from '../../helpers/fake-indexeddb';
import { alarms, fireAlarm, resetFakeBrowser } from '../../helpers/fake-browser';
import { sendMessage } from '../../../src/shared/messages';
import { readIndex, saveArticle } from '../../../src/storage';
import { committed, META, openSearchDb, SEARCH_DB, writeRebuildState } from '../../../src/storage/search-db';
import { searchIndexDisagrees, searchIndexStatus } from '../../../src/storage/search-rebuild';
import { article } from '../storage/fixtures';

import '../../../src/background/background';

const AWAKE = 'search-rebuild-awake';

beforeEach(async () => {
  resetFakeBrowser();
  await deleteDatabase(SEARCH_DB);
});

/** The alarm's listener does not return its work: wait for what it does to show. */
async function until(done: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 500 && !(await done()); i++) await new Promise((r) => setTimeout(r, 10));
}

async function library(n: number) {
  for (let i = 1; i <= n; i++) await saveArticle(article(i, { title: `Article ${i}`, text: `Body of article ${i}, with a wombat.` }));
}

test('a rebuild asked by message sets the alarm while it runs, and clears it when it is done', async () => {
  await library(3);
  await deleteDatabase(SEARCH_DB);
  const rebuilt = sendMessage('rebuildSearchIndex', {});
  await new Promise((r) => setTimeout(r, 0));
  expect(alarms.get(AWAKE)?.periodInMinutes).toBeLessThan(0.5); // under Firefox's 30 s idle stop
  expect(await rebuilt).toEqual({ indexed: 3 });
  expect(alarms.has(AWAKE)).toBe(false);
  expect(await searchIndexDisagrees(3)).toBe(false);
});

test('the alarm left by a stopped background resumes the rebuild from its checkpoint, then is cleared', async () => {
  await library(3);
  const ids = (await readIndex()).entries.map((e) => e.id);
  // As a background stopped in the middle leaves it: one of three indexed, and its alarm still set.
  await deleteDatabase(SEARCH_DB);
  await sendMessage('rebuildSearchIndex', {});
  const db = await openSearchDb();
  const tx = db.transaction(META, 'readwrite');
  writeRebuildState(tx.objectStore(META), { ids, done: 1 });
  await committed(tx);
  alarms.set(AWAKE, { name: AWAKE, periodInMinutes: 0.25 });
  expect(await searchIndexDisagrees(3)).toBe('rebuilding');

  await fireAlarm(AWAKE);
  await until(() => !alarms.has(AWAKE));
  expect((await searchIndexStatus())?.rebuilding).toBeNull();
  expect(await searchIndexDisagrees(3)).toBe(false);
  expect(alarms.has(AWAKE)).toBe(false);
});

test('an alarm with no rebuild to go on with is cleared', async () => {
  await library(2);
  alarms.set(AWAKE, { name: AWAKE, periodInMinutes: 0.25 });
  await fireAlarm(AWAKE);
  await until(() => !alarms.has(AWAKE));
  expect(alarms.has(AWAKE)).toBe(false);
  expect(await searchIndexDisagrees(2)).toBe(false);
});
