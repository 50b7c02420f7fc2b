import { describeRange } from '../../../src/highlights/describe';
import { anchorIn, placeAll } from '../../../src/highlights/anchor';
import { paint, unpaint, MARK_ATTRIBUTE } from '../../../src/highlights/marks';
import { articleText, rangeOfOffsets } from '../../../src/highlights/text-model';
import type { Highlight } from '../../../src/shared/highlight';

const para = (i: number) => `<p>Paragraph ${i}. The harbour committee met again on Tuesday to discuss plans, costs and the timetable.</p>`;
const SENTENCE = 'Though Ecuador has provided Assange with asylum since 2012, it drew a line in its support this week.';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

/** A highlight of `exact` as the reader would make it by selecting it in `root`. */
function highlightOf(root: HTMLElement, exact: string, occurrence = 0): Highlight {
  const text = articleText(root);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  const range = rangeOfOffsets(root, start, start + exact.length)!;
  const selectors = describeRange(root, range)!;
  return { id: `h${start}`, ...selectors, color: 'yellow', note: '', createdAt: 1, updatedAt: 1 };
}

const placedText = (root: HTMLElement, h: Highlight) => {
  const a = anchorIn(articleText(root), h);
  return a && articleText(root).slice(a.start, a.end);
};

describe('anchoring a highlight in a re-extracted article', () => {
  const original = `${para(1)}${para(2)}<p>${SENTENCE}</p>${para(3)}${para(4)}`;
  const quote = 'Ecuador has provided Assange with asylum since 2012';

  test('the same text: placed by its position', () => {
    const root = body(original);
    const h = highlightOf(root, quote);
    expect(h.quote.exact).toBe(quote);
    expect(h.quote.prefix).toMatch(/timetable\.Though $/);
    expect(h.quote.suffix).toBe(', it drew a line in its support ');
    expect(anchorIn(articleText(root), h)).toEqual({ start: h.position!.start, end: h.position!.end, how: 'position' });
  });

  test('paragraphs added before it: found by its quote', () => {
    const h = highlightOf(body(original), quote);
    const root = body(`<p>An editor's note added later.</p>${para(0)}${original}`);
    expect(anchorIn(articleText(root), h)?.how).toBe('quote');
    expect(placedText(root, h)).toBe(quote);
  });

  test('paragraphs removed around it', () => {
    const h = highlightOf(body(original), quote);
    const root = body(`<p>${SENTENCE}</p>${para(4)}`);
    expect(placedText(root, h)).toBe(quote);
  });

  test('the highlighted words reworded a little: found fuzzily, as Hypothesis does', () => {
    const h = highlightOf(body(original), quote);
    const root = body(`${para(1)}<p>Though Ecuador has given Assange asylum since 2012, it drew a line in its support this week.</p>${para(3)}`);
    expect(placedText(root, h)).toBe('Ecuador has given Assange asylum since 2012');
  });

  test('its paragraph gone: not placed (the panel lists it as orphaned), never placed on unrelated text', () => {
    const h = highlightOf(body(original), quote);
    const root = body(`${para(1)}${para(2)}${para(3)}<p>Entirely different words about gardening, weather and football results.</p>`);
    expect(anchorIn(articleText(root), h)).toBeNull();
  });

  test('the quote appearing twice: the one that was highlighted, by position and then by context', () => {
    const twice = `<p>The vote was close. Members said the vote was close again.</p>${para(1)}<p>In March, the result: the vote was close and the chair resigned.</p>`;
    const root = body(twice);
    const second = highlightOf(root, 'the vote was close', 1);
    expect(placedText(root, second)).toBe('the vote was close');
    expect(anchorIn(articleText(root), second)?.start).toBe(articleText(root).lastIndexOf('the vote was close'));
    // Re-extracted with a paragraph added at the top: the position no longer holds, the context does.
    const moved = body(`<p>Updated on Friday.</p>${twice}`);
    expect(anchorIn(articleText(moved), second)).toEqual(expect.objectContaining({ how: 'quote', start: articleText(moved).lastIndexOf('the vote was close') }));
  });

  test('an imported highlight (only the quote, no context or position) is found by its quote', () => {
    const root = body(original);
    const imported = { quote: { exact: quote, prefix: '', suffix: '' }, position: null };
    expect(placedText(root, imported as Highlight)).toBe(quote);
  });

  test('highlights come in reading order, orphans last', () => {
    const root = body(original);
    const late = highlightOf(root, 'Paragraph 4');
    const early = highlightOf(root, 'Paragraph 1');
    const lost = { ...early, id: 'lost', quote: { exact: 'Nothing of the sort appears anywhere here at all', prefix: '', suffix: '' }, position: null };
    expect(placeAll(articleText(root), [lost, late, early]).map((p) => p.highlight.id)).toEqual([early.id, late.id, 'lost']);
  });
});

describe('painting highlights into the rendered article', () => {
  const html = '<p>First <em>emphasised</em> words and <a href="https://example.com/">a link</a> end.</p>\n<ul>\n<li>One item</li>\n<li>Two items</li>\n</ul>';
  const decorate = (mark: Element, _h: Highlight, first: boolean) => first && mark.setAttribute('tabindex', '0');

  test('across emphasis, links and paragraphs: one <mark> per text piece, the text and elements unchanged', () => {
    const root = body(html);
    const before = articleText(root);
    const h = highlightOf(root, 'emphasised words and a link end.\n\nOne item');
    paint(root, [h], decorate);
    const marks = [...root.querySelectorAll(`mark[${MARK_ATTRIBUTE}="${h.id}"]`)];
    expect(marks.map((m) => m.textContent)).toEqual(['emphasised', ' words and ', 'a link', ' end.', 'One item']);
    expect(marks.map((m) => m.parentElement!.nodeName)).toEqual(['EM', 'P', 'A', 'P', 'LI']);
    expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(root.querySelector('ul > mark')).toBeNull(); // white space between list items is not wrapped
    expect(articleText(root)).toBe(before);
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://example.com/');
  });

  test('painting again (a re-render) and unpainting leave the article exactly as it was', () => {
    const root = body(html);
    const original = root.innerHTML;
    const h = highlightOf(root, 'words and a link');
    paint(root, [h], decorate);
    paint(root, [h], decorate);
    expect(root.querySelectorAll('mark')).toHaveLength(2);
    unpaint(root);
    expect(root.innerHTML).toBe(original);
  });

  test('overlapping highlights nest, and each keeps its own text', () => {
    const root = body(html);
    const a = highlightOf(root, 'First emphasised');
    const b = highlightOf(root, 'emphasised words');
    const placed = paint(root, [a, b], decorate);
    expect(placed.every((p) => p.anchor)).toBe(true);
    const text = (id: string) => [...root.querySelectorAll(`mark[${MARK_ATTRIBUTE}="${id}"]`)].map((m) => m.textContent).join('');
    expect(text(a.id)).toBe('First emphasised');
    expect(text(b.id)).toBe('emphasised words');
  });

  test('right-to-left text: offsets are in logical order, the marks hold the selected words', () => {
    const root = body('<p dir="rtl">قطعت حكومة الإكوادور الاتصال بالإنترنت عن <strong>جوليان أسانج</strong> في سفارتها بلندن.</p><p dir="rtl">שלום עולם, זה מאמר בעברית.</p>');
    const h = highlightOf(root, 'الإكوادور الاتصال بالإنترنت عن جوليان');
    expect(h.quote.prefix).toBe('قطعت حكومة ');
    const moved = body(`<p dir="rtl">تحديث: أضيفت فقرة.</p>${root.innerHTML}`);
    paint(moved, [h], decorate);
    expect([...moved.querySelectorAll('mark')].map((m) => m.textContent).join('')).toBe('الإكوادور الاتصال بالإنترنت عن جوليان');
    const hebrew = highlightOf(moved, 'זה מאמר');
    expect(placedText(moved, hebrew)).toBe('זה מאמר');
  });

  test('a selection with white space at its ends is trimmed to the words', () => {
    const root = body('<p>One.</p>\n<p>Two words.</p>');
    const text = articleText(root);
    const range = rangeOfOffsets(root, text.indexOf('\n'), text.length)!;
    expect(describeRange(root, range)!.quote.exact).toBe('Two words.');
  });
});

test('a short quote whose paragraph is gone is not placed on some other short text', () => {
  const h = highlightOf(body(`${para(1)}<p>Mair shouted headlines.</p>${para(2)}`), 'shouted headlines');
  const root = body(`${para(1)}${para(2)}${para(3)}`);
  expect(anchorIn(articleText(root), h)).toBeNull();
});
