// A full disk loses nothing, in real Chromium and Firefox. The browser's profile lives on its own small
// tmpfs (we run as root: `mount -t tmpfs -o size=…`), so the disk really fills: LevelDB (Chrome's
// storage.local) and IndexedDB (Firefox's) get ENOSPC from the kernel, as on a user's full disk. We fill
// it with a filler file, leaving a few MB, then restore a backup far larger than that from the options
// page. The restore must stop with a message in words, every article saved before must be intact and
// listed, and every restored article whole; after space is freed (and the browser restarted) the same
// restore completes.
//
// The same method serves both browsers: a real full disk fails the way a user's does, so Firefox's
// dom.quotaManager.temporaryStorage.fixedLimit pref (a quota, not a disk) was not needed. Firefox reports
// ENOSPC from its IndexedDB as "QuotaExceededError: storage.local API call exceeded its quota
// limitations", at a point that varies from run to run: in one run 400 articles went in first, in the next
// the very first batch was refused (and the tmpfs was then at 0 bytes free). In that second case the
// options page said "Nothing was restored: QuotaExceededError…", the browser's words instead of ours, and
// not the "storage is full" message this spec waits for. That was the "no message within 300 s" for which
// Firefox had been left out. The page now says in words that storage is full in both cases, and the spec
// accepts both: no articles or some restored before the disk filled up. Firefox also answers a write on a
// full disk with "An unexpected error occurred", every other time (the CI of 2026-12-01 met it on the first
// batch: "Nothing was restored: An unexpected error occurred"); the storage layer tries such a write once
// more and gets the quota words (src/storage/area.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { BROWSERS, EXTENSION_DIRS } from './fixtures.mjs';
import { backupZip } from './library-data.mjs';
import { listedIds, pickFile, recordHashes, seedLibrary, waitForText } from './library-seed.mjs';

const SAVED = 100;
const RESTORED = 1500;

/** Fill the filesystem at `dir` with one file until `leaveBytes` are free. */
function fill(dir, leaveBytes) {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(1 << 20);
  try {
    for (;;) {
      const { bavail, bsize } = statfsSync(dir);
      const free = bavail * bsize;
      if (free <= leaveBytes) break;
      writeSync(fd, block, 0, Math.min(block.length, free - leaveBytes));
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

for (const kind of BROWSERS) {
  describe(`a full disk in ${kind}`, () => {
    const mountPoint = mkdtempSync(join(tmpdir(), `lectern-full-${kind}-`));
    const files = mkdtempSync(join(tmpdir(), `lectern-full-files-${kind}-`));
    let session;
    before(() => {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=192m', 'tmpfs', mountPoint]);
      writeFileSync(join(files, 'big.zip'), backupZip(SAVED, RESTORED, 10_000));
    });
    after(async () => {
      await session?.close();
      execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    });

    test('a restore that fills the disk stops with a message, and nothing saved is lost', { timeout: 600_000 }, async () => {
      const profile = join(mountPoint, 'profile');
      session = await launch(kind, EXTENSION_DIRS[kind], { userDataDir: profile, timeout: 60_000 });
      await seedLibrary(session, SAVED);
      const saved = await recordHashes(session);
      assert.equal(Object.keys(saved).length, SAVED);
      const options = await session.openExtensionPage('options.html');
      await options.waitForSelector('section[aria-labelledby="backup-heading"] input[type=file]');
      const filler = fill(mountPoint, 6 << 20);

      await pickFile(options, 'backup-heading', join(files, 'big.zip'), 'big.zip');
      // Any alert ends the wait (the restore stopped); it must be the full-disk message, in words.
      await waitForText(options, '.restore-backup p[role=alert]', '', 300_000);
      const message = await options.$eval('.restore-backup p[role=alert]', (p) => p.textContent);
      assert.match(message, /^The browser's storage is full: /);
      const restored = message.includes('full: nothing was restored') ? 0 : Number(/full: (\d+) articles were restored/.exec(message)?.[1]);
      assert.ok(Number.isInteger(restored), message);
      const { bavail, bsize } = statfsSync(mountPoint);
      console.log(`# ${kind}: ${message} (${((bavail * bsize) / 2 ** 20).toFixed(1)} MB of the tmpfs still free)`);
      assert.ok(restored < RESTORED, message);

      // Space again; the browser restarted on the same profile (LevelDB keeps a write error until reopened).
      rmSync(filler);
      await session.close();
      session = await launch(kind, EXTENSION_DIRS[kind], { userDataDir: profile, timeout: 60_000 });
      const after = await recordHashes(session);
      for (const [id, hash] of Object.entries(saved)) assert.equal(after[id], hash, `saved article ${id} changed`);
      assert.equal(Object.keys(after).length, SAVED + restored, 'the articles the message counts, and no others, were restored');
      assert.deepEqual(await listedIds(session), Object.keys(after).sort(), 'the index lists exactly the stored articles');
      // Every article the stopped restore wrote is whole: restoring it again (below) leaves its record unchanged.
      const partial = Object.keys(after).filter((id) => !(id in saved));

      const again = await session.openExtensionPage('options.html');
      await pickFile(again, 'backup-heading', join(files, 'big.zip'), 'big.zip');
      await waitForText(again, '.restore-backup p', `Restored ${RESTORED} articles (${RESTORED - restored} new, ${restored} replaced).`, 300_000);
      const complete = await recordHashes(session);
      assert.equal(Object.keys(complete).length, SAVED + RESTORED);
      assert.deepEqual(Object.fromEntries(partial.map((id) => [id, complete[id]])), Object.fromEntries(partial.map((id) => [id, after[id]])));
    });
  });
}
