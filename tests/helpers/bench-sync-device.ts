// One simulated device for bench/sync.mjs, bundled by esbuild with the browser faked (tests/helpers/
// fake-browser.ts, the one fake the unit tests use) and its own in-memory IndexedDB (bench-sync-idb.ts is
// injected for the global `indexedDB`). Each require() of a fresh copy of the bundle is another device.
import browser from 'webextension-polyfill';
import * as storage from '../../src/storage';
import { syncLibrary } from '../../src/sync/run';

export { startDavServer, removeDavServer } from './rclone';
export { browser, storage, syncLibrary };
