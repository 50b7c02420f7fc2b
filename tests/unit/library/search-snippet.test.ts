import { parseQuery } from '../../../src/shared/search-options';
import { snippet } from '../../../src/library/search-snippet';

const show = (parts: ReturnType<typeof snippet>) => parts?.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('') ?? null;

describe('search snippets', () => {
  const body = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The old Fähre crossed the harbour at dawn, and the harbour master waved. ${'Filler text follows here. '.repeat(20)}`;

  it('cuts the text around the match, at word boundaries, and marks the words', () => {
    const out = show(snippet([body], parseQuery('fahre harbour')))!;
    expect(out).toMatch(/^….*The old \[Fähre\] crossed the \[harbour\] at dawn, and the \[harbour\] master waved\..*…$/);
    expect(out.length).toBeLessThan(260);
    expect(['Lorem', 'ipsum', 'dolor', 'sit', 'amet.']).toContain(out.slice(1).split(' ')[0]); // a whole word, not "…rem"
  });

  it('marks the typed prefix of the last word and whole phrases', () => {
    expect(show(snippet([body], parseQuery('harb')))).toContain('[harb]our');
    expect(show(snippet([body], parseQuery('"the harbour master"')))).toContain('[the harbour master]');
  });

  it('prefers the text where most words of the query match: a highlight note over the body', () => {
    const out = show(snippet([body, 'My note on the quokka and the harbour'], parseQuery('quokka harbour')));
    expect(out).toBe('My note on the [quokka] and the [harbour]');
  });

  it('is null when nothing in the texts matches (the title or site did)', () => {
    expect(snippet([body], parseQuery('zebracorn'))).toBeNull();
    expect(snippet([], parseQuery('harbour'))).toBeNull();
  });

  it('keeps markup in the text as text: the renderer shows it, never parses it', () => {
    const out = snippet(['<img src=x onerror=alert(1)> harbour'], parseQuery('harbour'))!;
    expect(out.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> harbour');
  });
});
