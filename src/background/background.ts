import browser from 'webextension-polyfill';
import { checkIndexAfterFailedWrites, checkIndexAtStart, migrate, onOutboxGrew } from '../storage';
import { pumpImport } from './import-runner';
import { routeMessage } from './router';
import { createMenus, onCommand, onMenuClicked } from './save-commands';
import { onSearchRebuildAlarm, resumeSearchRebuildAwake } from './search-rebuild-awake';
import { onSyncAlarm, startIfConfigured, syncSoon } from './sync-runner';

/*
 * Every listener is registered synchronously at the top level: Chrome stops an idle service worker after
 * ~30 s and restarts it for the next event, and only listeners registered in the first turn get events.
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
 */
browser.runtime.onMessage.addListener(routeMessage);
browser.commands.onCommand.addListener(onCommand);
browser.contextMenus.onClicked.addListener(onMenuClicked);
browser.alarms.onAlarm.addListener(onSyncAlarm);
browser.alarms.onAlarm.addListener(onSearchRebuildAlarm);

browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  createMenus();
  // Migrations run on install and update; a failure is logged, and reads stay validated either way.
  migrate().catch((error: unknown) => console.error('Lectern: storage migration failed', error));
  void resumeImport();
});

/*
 * The index is a cache of the article records: checked (cheaply: keys only) whenever the background starts,
 * and after any write the browser refused, so a full disk or a stopped worker never leaves it wrong for long.
 */
checkIndexAfterFailedWrites();
checkIndexAtStart().catch((error: unknown) => console.error('Lectern: index check failed', error));
// A search index rebuild the stopped worker left unfinished goes on from its checkpoint, kept awake to its
// end (search-rebuild-awake.ts).
resumeSearchRebuildAwake().catch((error: unknown) => console.error('Lectern: search index rebuild failed', error));

/*
 * An import goes on where it stopped: when the browser starts (onStartup also wakes the worker then),
 * and whenever the worker starts again after Chrome stopped it (this top-level call).
 */
const resumeImport = () => pumpImport().catch((error: unknown) => console.error('Lectern: import could not resume', error));
browser.runtime.onStartup.addListener(() => void resumeImport());
void resumeImport();

/*
 * Sync (sync-runner.ts): on browser start and worker start, after each local change (debounced by an
 * alarm, which survives the worker being stopped), and every few minutes (an alarm too).
 */
const syncAtStart = () => startIfConfigured().catch((error: unknown) => console.error('Lectern: sync could not start', error));
browser.runtime.onStartup.addListener(() => void syncAtStart());
void syncAtStart();
onOutboxGrew(() => void syncSoon().catch((error: unknown) => console.error('Lectern: sync could not be scheduled', error)));
