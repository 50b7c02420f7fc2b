/**
 * The search index rebuild, kept going to its end while the background may be stopped under it.
 *
 * The rebuild resumes from its checkpoint whenever the background starts (src/storage/search-rebuild.ts),
 * but something has to start it. Firefox stops its event page about 30 s after the last event, even while
 * a message is still being answered (measured: a rebuild request of 3,000 articles failed after 37 s and
 * 51 s), so a rebuild of 10,000 articles (minutes) advanced only while the popup stayed open and asked
 * again, and not at all after an update with the popup closed. While a rebuild runs, a repeating alarm
 * fires more often than that idle stop: each alarm is an event, which keeps the page (or Chrome's worker)
 * awake, and wakes a stopped one, whose alarm listener resumes the rebuild from its checkpoint.
 */
import browser from 'webextension-polyfill';
import * as storage from '../storage';

declare const __FIREFOX__: boolean | undefined;

const AWAKE_ALARM = 'search-rebuild-awake';
/**
 * Under Firefox's 30 s idle stop (its alarms have no minimum). Chrome fires an alarm no sooner than 30 s
 * after the last (since Chrome 120) and its worker's idle stop is 30 s too; it also keeps a worker awake
 * while its extension API calls run, which the rebuild makes all the time.
 */
const AWAKE_MINUTES = typeof __FIREFOX__ === 'boolean' && !__FIREFOX__ ? 0.5 : 0.25;

/** Rebuild (or join the rebuild under way), with the alarm set until it is over, failed or done. */
export async function rebuildSearchIndexAwake(): Promise<{ indexed: number }> {
  await browser.alarms.create(AWAKE_ALARM, { periodInMinutes: AWAKE_MINUTES });
  try {
    return await storage.rebuildSearchIndex();
  } finally {
    await browser.alarms.clear(AWAKE_ALARM);
  }
}

/**
 * At the background's start and on each of the alarm's events: go on with a rebuild a stopped background
 * left unfinished (or rebuild an index of an earlier format: an update's migration); when there is none,
 * an alarm left behind is cleared.
 */
export async function resumeSearchRebuildAwake(): Promise<void> {
  const state = await storage.searchRebuildState();
  if (state === 'unfinished') await rebuildSearchIndexAwake();
  else if (state === 'none') await browser.alarms.clear(AWAKE_ALARM);
  // 'running': the rebuild under way clears the alarm when it ends; this event kept the background awake.
}

export function onSearchRebuildAlarm(alarm: { name: string }): void {
  if (alarm.name === AWAKE_ALARM) resumeSearchRebuildAwake().catch((error: unknown) => console.error('Lectern: search index rebuild failed', error));
}
