// The previous release of Lectern, built from git for the upgrade spec. PREVIOUS is the last commit on
// main before schema 5 (compressed bodies), the streamed ZIP backup and the on-disk search index (801036e,
// "Storage design", 2026-11-30; the project has no release tags, and every commit after it on main belongs
// to that work). It is checked out into a temporary git worktree, installed with its own `npm ci` (its
// dependencies differ from ours) and built with its own build.mjs. The two e2e builds are cached in the
// git-ignored `.cache/previous-release/<commit>/`, so only the first run on a machine pays for it (about a
// minute: npm ci + build); the worktree and its node_modules are removed again.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PREVIOUS = '801036e2ec0c572a8710de39a1ddc730dc645766';
const root = new URL('../..', import.meta.url).pathname;
const FOLDERS = { chromium: 'chrome-e2e', firefox: 'firefox-e2e' };

/** The folder of the previous release's e2e build for `kind` ('chromium' | 'firefox'), built if not cached. */
export function previousRelease(kind) {
  const cache = join(root, '.cache/previous-release', PREVIOUS);
  if (!existsSync(join(cache, 'done'))) build(cache);
  return join(cache, FOLDERS[kind]);
}

function build(cache) {
  const work = join(mkdtempSync(join(tmpdir(), 'lectern-previous-')), 'tree');
  const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  run('git', ['worktree', 'add', '--detach', work, PREVIOUS], root);
  try {
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], work);
    run('node', ['build.mjs', '--e2e'], work);
    const staging = `${cache}.part`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const folder of Object.values(FOLDERS)) cpSync(join(work, 'dist', folder), join(staging, folder), { recursive: true });
    cpSync(join(work, 'package.json'), join(staging, 'done'));
    rmSync(cache, { recursive: true, force: true });
    renameSync(staging, cache);
  } finally {
    run('git', ['worktree', 'remove', '--force', work], root);
    rmSync(join(work, '..'), { recursive: true, force: true });
  }
}
