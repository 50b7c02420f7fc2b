/**
 * @jest-environment node
 */
import { fallbackContent } from '../../../src/extract/fallback';
import { pageDocument } from '../../helpers/dom';

const long = (n: number) => `Sentence ${n} of the notice, long enough to be body text and not a caption or a label on a button.`;

it('takes the block whose paragraphs hold the most text, without the page furniture inside it', () => {
  const doc = pageDocument(`<body><nav><p>${long(0)} ${long(0)}</p></nav>
    <div class="teasers"><p>Short one.</p><p>Short two.</p></div>
    <div class="text"><p>${long(1)}</p><p>${long(2)}</p><form><p>Sign in</p></form><script>var x = 1;</script></div></body>`);
  const content = fallbackContent(doc)!;
  expect(content.textContent).toContain('Sentence 1');
  expect(content.textContent).toContain('Sentence 2');
  for (const gone of ['Short one', 'Sentence 0', 'Sign in', 'var x']) expect(content.textContent).not.toContain(gone);
});

it('gives nothing when the page has no paragraph text to speak of', () => {
  expect(fallbackContent(pageDocument('<body><div><a href="/">Home</a></div><p>Hi.</p></body>'))).toBeNull();
});

it('leaves the page itself untouched (it works on a copy)', () => {
  const doc = pageDocument(`<body><div><p>${long(1)}</p><p>${long(2)}</p><script>1</script></div></body>`);
  fallbackContent(doc);
  expect(doc.querySelector('script')).not.toBeNull();
});
