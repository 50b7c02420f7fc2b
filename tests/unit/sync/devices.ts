/**
 * Simulated devices for sync tests: each has its own module registry, so its own fake browser storage,
 * write queue and sync state, and syncs through a real WebDAV server with Node's fetch.
 */
import type { SyncCounts, SyncSettings } from '../../../src/shared/sync';
import type * as Storage from '../../../src/storage';
import type * as Run from '../../../src/sync/run';
import type { Fetch, Traffic } from '../../../src/sync/webdav';
import type * as FakeBrowser from '../../helpers/fake-browser';
import type { DavServer } from '../../helpers/rclone';

export interface Device {
  storage: typeof Storage;
  fake: typeof FakeBrowser;
  settings: SyncSettings;
  /** One sync run; `fetch` may wrap Node's (to stop the server halfway). Resolves with the counts and the traffic. */
  sync(options?: { fetch?: Fetch; journalBytes?: number; compactAfter?: number; now?: number }): Promise<SyncCounts & { traffic: Traffic }>;
}

/** Few iterations in tests: the derivation is the same code, and the machine is shared. */
const TEST_ITERATIONS = 1000;

export function makeDevice(server: DavServer, settings: Partial<SyncSettings> = {}): Device {
  let storage!: typeof Storage;
  let run!: typeof Run;
  let fake!: typeof FakeBrowser;
  jest.isolateModules(() => {
    fake = jest.requireActual<typeof FakeBrowser>('../../helpers/fake-browser');
    jest.doMock('webextension-polyfill', () => ({ __esModule: true, default: fake.default }));
    storage = jest.requireActual<typeof Storage>('../../../src/storage');
    run = jest.requireActual<typeof Run>('../../../src/sync/run');
  });
  const full: SyncSettings = { serverUrl: server.url, username: server.user, password: server.pass, passphrase: '', ...settings };
  return {
    storage, fake, settings: full,
    async sync(options = {}) {
      let traffic: Traffic = { requests: 0, sent: 0, received: 0 };
      const { now } = options;
      const counts = await run.syncLibrary(full, {
        fetch: options.fetch ?? ((input, init) => fetch(input, init)), iterations: TEST_ITERATIONS, journalBytes: options.journalBytes,
        compactAfter: options.compactAfter, ...(now === undefined ? {} : { now: () => now }), onTraffic: (t) => (traffic = t),
      });
      return { ...counts, traffic };
    },
  };
}

/** The library as a device shows it: id → the user's fields and title (bodies compared separately). */
export async function libraryOf(device: Device): Promise<Record<string, unknown>> {
  const { entries } = await device.storage.readIndex();
  const records = await device.storage.readArticles(entries.map((e) => e.id));
  return Object.fromEntries(records.map((a) => [a.id, { title: a.title, tags: a.tags, favorite: a.favorite, archived: a.archived, read: a.readAt !== null, progress: a.progress, highlights: a.highlights ?? [] }]));
}
