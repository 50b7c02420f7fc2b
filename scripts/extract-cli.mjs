#!/usr/bin/env node
// npm run extract -- <file.html> [--url URL] [--format json|text|html]
// Prints what Lectern's reader would show for a saved page: for debugging a site that extracts badly.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCommandLine } from './lib/cli.mjs';

const USAGE = 'usage: npm run extract -- <file.html> [--url URL] [--format json|text|html]';
const FORMATS = ['json', 'text', 'html'];

const { values, file: input, fail } = readCommandLine('extract', USAGE, { url: { type: 'string' }, format: { type: 'string', default: 'text' } }, 'HTML file');
if (!FORMATS.includes(values.format)) fail(`unknown format "${values.format}"`);
const file = path.resolve(input);
const url = values.url ?? pathToFileURL(file).href;
try {
  new URL(url);
} catch {
  fail(`not a URL: ${url}`);
}
let html;
try {
  html = await readFile(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${error.code ?? error.message}`);
}

const { extractResult, sanitizedContent } = await import('../dist/node/extract.mjs');
const result = extractResult(html, url);
if (values.format === 'json') {
  console.log(JSON.stringify(result, null, 2));
} else if (!result.ok) {
  console.error(`No article: ${result.reason}${result.detail ? ` (${result.detail})` : ''}`);
} else if (values.format === 'text') {
  const a = result.article;
  const meta = [a.byline, a.siteName, a.publishedTime, `${a.wordCount} words`, `${a.readingMinutes} min`].filter(Boolean);
  console.log(`${a.title}\n${meta.join(' · ')}\n${a.url}\n\n${a.text}`);
} else {
  console.log(sanitizedContent(result.article));
}
process.exit(result.ok ? 0 : 1);
