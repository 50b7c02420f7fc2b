/**
 * @jest-environment node
 */
import { removeCreditLines } from '../../../src/extract/cleanup/credits';
import { elementToText } from '../../../src/extract/text';
import { paragraphs, pageDocument } from '../../helpers/dom';

const cleaned = (html: string) => {
  const root = pageDocument(`<div id="root">${paragraphs(2)}${html}${paragraphs(1)}</div>`).getElementById('root')!;
  removeCreditLines(root);
  return elementToText(root);
};

it.each([
  ['a labelled credit', '<p>Foto: unsplash/Bill Mead</p>'],
  ['a copyright credit', '<p>© AFP / MARCO BERTORELLO</p>'],
  ['an agency credit without label', '<div>Judy Eddy/WENN.com</div>'],
  ['a credit in parentheses', '<p>(mlharing / iStock.com)</p>'],
  ['a credit span after a caption sentence', '<p>Erdölpumpen im Abendrot und ein langer Satz, der die Szene beschreibt. <span>Bild: TebNad/Shutterstock.com</span></p>'],
])('removes %s', (_, html) => {
  expect(cleaned(html)).not.toMatch(/unsplash|AFP|WENN|iStock|Shutterstock/);
});

it.each([
  ['a sentence that names an agency', '<p>Reuters reported on Monday. The ministry denied it.</p>'],
  ['a long paragraph quoting dpa', `<p>${'Nach Angaben der dpa sagte der Sprecher, die Arbeiten dauerten an. '.repeat(3)}</p>`],
  ['a short paragraph that is not a credit', '<p>Bilder sagen mehr als Worte.</p>'],
])('keeps %s', (_, html) => {
  const text = cleaned(html);
  expect(text).toContain(pageDocument(html).body.textContent.trim().slice(0, 20));
});
