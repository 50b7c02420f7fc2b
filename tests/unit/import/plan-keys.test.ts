/**
 * The reader hands the plan each item's URL key (ImportResult.keys), so a 50,000-row file's URLs are
 * parsed once. A key at the wrong index would plan an item as "already saved" under another's record:
 * every format's keys must be the ones the plan would compute itself, item for item.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseImportFile } from '../../../src/import/formats';
import { planImport } from '../../../src/import/plan-import';
import { itemKey } from '../../../src/import/url-key';
import { fixture, fixtureBytes } from './fixture';

const FIXTURES = path.join(__dirname, '../../fixtures/import');
const readable = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((name) => statSync(path.join(FIXTURES, name)).isFile() && !/SOURCES|\.mjs$|\.md$|lectern-backup-(?!links)/.test(name))
  .filter((name) => {
    try {
      parseImportFile(fixtureBytes(name));
      return true;
    } catch {
      return false; // fixtures of files the import refuses
    }
  });

/** A Lectern backup with articles and links: its items are the articles, then the links. */
const backupWithLinks = () => {
  const data = JSON.parse(fixture('lectern-backup.json')) as Record<string, unknown>;
  const links = [{ url: 'https://news.example/later?utm_source=x' }, { url: 'https://www.news.example/other/' }];
  return new TextEncoder().encode(JSON.stringify({ ...data, links }));
};

describe('the keys a reader gives the plan', () => {
  it('covers many formats', () => expect(readable.length).toBeGreaterThan(15));

  it.each(readable)('%s: each key is the item’s own', (name) => {
    const { items, keys = [] } = parseImportFile(fixtureBytes(name));
    expect(keys).toHaveLength(items.length);
    items.forEach((item, i) => {
      if (keys[i] !== null) expect([item.url, keys[i]]).toEqual([item.url, itemKey(item.url)]);
    });
  });

  it('a backup with links: the links’ keys follow the articles', () => {
    const { items, keys = [] } = parseImportFile(backupWithLinks());
    expect(items.length).toBeGreaterThan(2);
    expect(keys.filter((k) => k !== null).length).toBe(2);
    items.forEach((item, i) => {
      if (keys[i] !== null) expect(keys[i]).toBe(itemKey(item.url));
    });
  });

  it('plans the same with and without them', () => {
    for (const bytes of [...readable.map(fixtureBytes), backupWithLinks()]) {
      const { items, keys } = parseImportFile(bytes);
      const library = items.filter((_, i) => i % 2 === 0).map((item, i) => ({ id: `r${i}`, url: item.url }));
      expect(planImport(library, items, keys)).toEqual(planImport(library, items));
    }
  });
});
