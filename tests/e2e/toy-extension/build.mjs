#!/usr/bin/env node
// Builds the toy extension used by tests/e2e/harness-selftest.mjs into two
// unpacked variants (both gitignored):
//   tests/e2e/toy-extension/dist-chromium  background.service_worker
//   tests/e2e/toy-extension/dist-firefox   background.scripts + gecko id
// Usage: node tests/e2e/toy-extension/build.mjs   (prints the two dirs as JSON)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
// Fixed id: Firefox derives storage location and (with the uuid pref in the
// harness) the moz-extension:// origin from it, so it must not change.
export const GECKO_ID = 'lectern-e2e-toy@example.invalid';

export function buildToy() {
  const base = JSON.parse(readFileSync(join(src, 'manifest.base.json'), 'utf8'));
  const variants = {
    chromium: { ...base, background: { service_worker: 'background.js' } },
    firefox: {
      ...base,
      background: { scripts: ['api.js', 'background.js'] },
      browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
    },
  };
  const out = {};
  for (const [kind, manifest] of Object.entries(variants)) {
    const dir = join(here, `dist-${kind}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(src, dir, { recursive: true, filter: (p) => !p.endsWith('manifest.base.json') });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    out[kind] = dir;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(buildToy(), null, 2));
}
