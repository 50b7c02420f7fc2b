/**
 * @jest-environment node
 */
import { elementToText } from '../../../src/extract/text';
import { pageDocument } from '../../helpers/dom';

it('gives one paragraph per block, inline text joined, whitespace folded', () => {
  const doc = pageDocument('<div><h2>Title</h2><p>One <em>two</em>\n   three.</p><ul><li>a</li><li>b</li></ul><blockquote><p>Quote</p></blockquote><p>x<br>y</p></div>');
  expect(elementToText(doc.querySelector('div')!)).toBe('Title\n\nOne two three.\n\na\n\nb\n\nQuote\n\nx y');
});
