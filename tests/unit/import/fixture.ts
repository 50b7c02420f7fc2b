// Reads a file from tests/fixtures/import/<service>/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseImportFile } from '../../../src/import/formats';

const FIXTURES = path.join(__dirname, '../../fixtures/import');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** A fixture read the way the extension reads a file the user picked: format told by content. */
export const readFixture = (name: string) => parseImportFile(fixtureBytes(name));

/** Text read as a file (UTF-8 bytes). */
export const readText = (text: string) => parseImportFile(new TextEncoder().encode(text));
