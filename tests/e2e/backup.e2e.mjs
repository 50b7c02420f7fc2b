// A backup → restore round trip of 2,000 articles through the options page, in real Chromium and Firefox:
// seed the library through the extension's messages, click "Back up all", wipe storage, pick the
// downloaded zip, and every stored record comes back identical (SHA-256 of each record).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';
import { allowDownloads, clickButton, downloadedFile, downloadPrefs, indexedCount, listedIds, pickFile, recordHashes, seedLibrary, waitForText } from './library-seed.mjs';

const COUNT = 2000;

for (const kind of BROWSERS) {
  describe(`backup and restore of ${COUNT} articles in ${kind}`, () => {
    let session;
    const downloads = mkdtempSync(join(tmpdir(), `lectern-backup-${kind}-`));
    before(async () => {
      session = await launch(kind, EXTENSION_DIRS[kind], { prefs: downloadPrefs(downloads), timeout: 60_000 });
    });
    after(async () => {
      await session?.close({ removeProfile: true });
      rmSync(downloads, { recursive: true, force: true });
    });

    test('every record comes back identical after backup, wipe and restore', { timeout: 600_000 }, async () => {
      await seedLibrary(session, COUNT);
      const before = await recordHashes(session);
      assert.equal(Object.keys(before).length, COUNT);
      const options = await session.openExtensionPage('options.html');
      await allowDownloads(kind, options, downloads);
      await clickButton(options, `Back up all ${COUNT} articles (ZIP)`);
      await waitForText(options, '.export-library', `Exported ${COUNT} articles.`, 180_000);
      const file = await downloadedFile(downloads, /^lectern-backup-\d{4}-\d\d-\d\d\.zip$/);
      console.log(`# ${kind}: backup of ${COUNT} articles is ${(statSync(file.path).size / 1e6).toFixed(1)} MB`);

      await session.evalInExtension((api) => api.storage.local.clear());
      assert.deepEqual(await recordHashes(session), {});
      await pickFile(options, 'backup-heading', file.path, file.name);
      await waitForText(options, '.restore-backup p', `Restored ${COUNT} articles (${COUNT} new, 0 replaced).`, 300_000);
      assert.deepEqual(await recordHashes(session), before);
      assert.deepEqual(await listedIds(session), Object.keys(before).sort());
      // Seeded without the index (searchLater); the restore indexed every batch it wrote: no rebuild left.
      assert.equal(await indexedCount(session), COUNT);

      // Restoring the same file again changes no record and makes no duplicates.
      await pickFile(options, 'backup-heading', file.path, file.name);
      await waitForText(options, '.restore-backup p', `Restored ${COUNT} articles (0 new, ${COUNT} replaced).`, 300_000);
      assert.deepEqual(await recordHashes(session), before);
      assert.equal(await indexedCount(session), COUNT);
      await options.close();
    });
  });
}
