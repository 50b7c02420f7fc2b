// Where each web-ext lint warning of the Firefox build comes from: maps its position in the minified bundle
// back to the source file through the release source maps (dist/firefox-sourcemaps/, written by build.mjs).
//   npm run build && npx web-ext lint --source-dir dist/firefox --output json > lint.json
//   node scripts/lint-sources.mjs lint.json
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const maps = new Map();
/** The source map of a bundle in dist/firefox, or null when it has none. */
function mapOf(file) {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(path.join(root, 'dist/firefox-sourcemaps', `${file}.map`), 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file);
}

for (const warning of [...report.errors, ...report.warnings, ...report.notices]) {
  // web-ext lint counts lines from 1 and columns from 0; SourceMap.findEntry takes both from 0.
  const entry = warning.line ? mapOf(warning.file)?.findEntry(warning.line - 1, warning.column ?? 0) : undefined;
  const source = entry?.originalSource ? `${path.relative(root, path.resolve(root, 'dist/firefox-sourcemaps', path.dirname(warning.file), entry.originalSource))}:${entry.originalLine + 1}` : '?';
  console.log(`${warning.code}\t${warning.file}:${warning.line}:${warning.column}\t${source}`);
}
