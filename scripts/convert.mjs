#!/usr/bin/env node
// npm run convert -- <export file> --out <backup file> [--include-feed]
// Turns any export Lectern reads (Pocket, Instapaper, Omnivore, wallabag, …) into a Lectern backup.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCommandLine } from './lib/cli.mjs';

const USAGE = 'usage: npm run convert -- <export file> --out <backup.json> [--include-feed]';

const { values, file: input, fail } = readCommandLine('convert', USAGE, { out: { type: 'string' }, 'include-feed': { type: 'boolean' } }, 'export file');
if (!values.out) fail('--out is required');

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { exportToBackup } = await import(pathToFileURL(path.join(root, 'dist/node/import.mjs')).href);
try {
  const bytes = new Uint8Array(await readFile(input));
  const { json, contents, withText, links } = await exportToBackup(bytes, path.basename(input), { includeFeed: values['include-feed'] });
  await writeFile(values.out, json);
  console.log(`${contents.format}: ${contents.items.length} items: ${withText} articles with their text, ${links} links to fetch when the backup is imported → ${values.out}`);
  for (const { where, reason } of contents.skipped.slice(0, 50)) console.log(`  skipped ${where}: ${reason}`);
  if (contents.skipped.length > 50) console.log(`  … and ${contents.skipped.length - 50} more skipped`);
} catch (error) {
  console.error(`convert: ${error.message}`);
  process.exit(1);
}
