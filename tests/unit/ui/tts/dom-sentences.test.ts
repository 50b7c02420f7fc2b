import { collectSentences, sentenceRange } from '../../../../src/ui/tts/dom-sentences';
import { highlightRange } from '../../../../src/ui/tts/sentence-highlight';

function body(html: string) {
  document.body.innerHTML = `<div class="reader-content">${html}</div>`;
  return document.querySelector('.reader-content')!;
}

describe('sentences of the rendered article', () => {
  it('reads each block once, in order, including nested lists and quotes', () => {
    const root = body('<h2>Plans.</h2><p>First <a href="#">linked part</a> here. Second.</p><ul><li>Item one.<ul><li>Nested.</li></ul></li></ul><blockquote><p>Quoted.</p></blockquote>');
    const sentences = collectSentences(root, 'en');
    expect(sentences.map((s) => s.text)).toEqual(['Plans.', 'First linked part here.', 'Second.', 'Nested.', 'Quoted.']);
  });

  it('gives a range that spans inline elements exactly', () => {
    const root = body('<p>Intro. The <em>library</em> reopens <a href="#">today</a>. End.</p>');
    const [, middle] = collectSentences(root, 'en');
    expect(sentenceRange(middle!)!.toString()).toBe('The library reopens today.');
  });

  it('without the Highlight API: wraps a plain sentence in a span, marks the block for one with markup, and undoes both', () => {
    const root = body('<p>One two. Three <b>four</b>.</p>');
    const html = root.innerHTML;
    const [first, second] = collectSentences(root, 'en');
    expect(highlightRange(() => sentenceRange(first!), first!.block)!.outerHTML).toBe('<span class="tts-span tts-current">One two.</span>');
    expect(highlightRange(() => sentenceRange(second!), second!.block)).toBe(second!.block);
    expect(root.querySelectorAll('.tts-current')).toHaveLength(1);
    expect(root.querySelector('span')).toBeNull();
    highlightRange(() => null, null);
    expect(root.innerHTML).toBe(html);
  });
});
