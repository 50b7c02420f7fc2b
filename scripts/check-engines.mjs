// Checks that package.json's `engines.node` is true: every installed package (dependencies and dev tools,
// nested copies included) must accept every Node version that range allows (semver.subset). Exit code 1
// lists those that do not, so `npm ci` never has to warn with EBADENGINE on a Node we claim to support.
//   node scripts/check-engines.mjs
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ours = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).engines.node;

/** Every package folder under a node_modules folder, scoped (`@scope/name`) and nested ones included. */
async function* packageDirs(modulesDir) {
  const names = await readdir(modulesDir).catch(() => []);
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const dir = path.join(modulesDir, name);
    if (name.startsWith('@')) {
      yield* packageDirs(dir);
      continue;
    }
    yield dir;
    yield* packageDirs(path.join(dir, 'node_modules'));
  }
}

const refusing = [];
let checked = 0;
for await (const dir of packageDirs(path.join(root, 'node_modules'))) {
  const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').then(JSON.parse, () => null);
  if (!manifest) continue;
  checked++;
  const wanted = manifest.engines?.node;
  if (typeof wanted !== 'string' || !semver.validRange(wanted)) continue; // no claim, or not a range npm checks
  if (!semver.subset(ours, wanted)) refusing.push(`${path.relative(root, dir)}@${manifest.version}: node ${wanted}`);
}

if (refusing.length > 0) {
  console.error(`package.json says node ${ours}, but ${refusing.length} installed package(s) refuse part of that range:`);
  for (const line of refusing) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`engines: all ${checked} installed packages accept node ${ours} (package.json)`);
