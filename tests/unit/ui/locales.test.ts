/**
 * @jest-environment node
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FONTS, THEMES } from '../../../src/shared/settings';
import { SHORTCUT_LIST } from '../../../src/ui/keyboard/shortcuts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const LOCALES = path.join(__dirname, '../../../src/_locales');
const load = (locale: string): Record<string, Entry> => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, Entry>;
const locales = readdirSync(LOCALES).sort();
const en = load('en');

/** What a translation must keep: the placeholders it declares and the ones its message uses. */
function shape(entry: Entry) {
  const declared = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort();
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
  return { declared, used };
}

describe('locales', () => {
  it('ship English and at least one more language', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThanOrEqual(2);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the keys of en, each with the same placeholders', (locale) => {
    const other = load(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect({ key, ...shape(other[key]!) }).toEqual({ key, ...shape(en[key]!) });
      expect({ key, empty: other[key]!.message.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it.each(locales)('%s uses only placeholders it declares', (locale) => {
    for (const [key, entry] of Object.entries(load(locale))) {
      const { declared, used } = shape(entry);
      const names = declared.map((d) => d.split('=')[0]);
      expect({ key, undeclared: used.filter((u) => !names.includes(u)) }).toEqual({ key, undeclared: [] });
    }
  });

  it.each(locales)('%s names its own language in uiLocale', (locale) => {
    expect(load(locale).uiLocale?.message).toBe(locale.replace('_', '-'));
  });

  it('has every key the code asks for', () => {
    const dynamic = [...THEMES.map((x) => `theme_${x}`), ...FONTS.map((x) => `font_${x}`), ...SHORTCUT_LIST.map((s) => s.label)];
    const literal = new Set<string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, f.name);
        if (f.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(f.name)) for (const m of readFileSync(full, 'utf8').matchAll(/\bt\('([A-Za-z0-9_@-]+)'/g)) literal.add(m[1]!);
      }
    };
    walk(path.join(__dirname, '../../../src'));
    expect(literal.size).toBeGreaterThan(20);
    expect([...literal, ...dynamic].filter((k) => !(k in en))).toEqual([]);
  });
});
