// Shared by the end-to-end specs: where the built extensions and the fixture pages are.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const BROWSERS = ['chromium', 'firefox'];
export const EXTENSION_DIRS = { chromium: join(root, 'dist/chrome-e2e'), firefox: join(root, 'dist/firefox-e2e') };
export const PAGES_DIR = join(root, 'tests/fixtures/pages');
export const ARTIFACTS_DIR = join(root, 'tests/e2e/artifacts');
// Screenshots land here; a fresh clone does not have it (it is git-ignored).
mkdirSync(ARTIFACTS_DIR, { recursive: true });

/** A fixture page's expectations (tests/fixtures/pages/<slug>/expected.json). */
export function expected(slug) {
  return JSON.parse(readFileSync(join(PAGES_DIR, slug, 'expected.json'), 'utf8'));
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();
