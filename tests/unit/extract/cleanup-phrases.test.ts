/**
 * @jest-environment node
 */
import { removeAnnouncedBoilerplate } from '../../../src/extract/cleanup/phrases';
import { paragraphs, pageDocument } from '../../helpers/dom';

const clean = (inner: string) => {
  const root = pageDocument(`<div id="root">${paragraphs(4)}${inner}</div>`).getElementById('root')!;
  removeAnnouncedBoilerplate(root);
  return root.textContent.replace(/\s+/g, ' ');
};

describe('removeAnnouncedBoilerplate', () => {
  it.each([
    ['German', '<h3>Mehr zum Thema</h3><ul><li><a href="/1">Ein anderer Artikel</a></li><li><a href="/2">Noch einer</a></li></ul>'],
    ['English', '<h2>Related articles</h2><ul><li><a href="/1">Ein anderer Artikel</a></li><li><a href="/2">Noch einer</a></li></ul>'],
    ['French', '<p><strong>À lire aussi</strong></p><p><a href="/1">Ein anderer Artikel</a></p><p><a href="/2">Noch einer</a></p>'],
    ['Polish', '<h4>Czytaj też</h4><ul><li><a href="/1">Ein anderer Artikel</a> <a href="/2">Noch einer</a></li></ul>'],
    ['"Siehe auch"', '<p><strong>Siehe auch</strong></p><ul><li><a href="/1">Ein anderer Artikel</a></li><li><a href="/2">Noch einer</a></li></ul>'],
    ['"Weiterführende Links"', '<h3>Weiterführende Links</h3><p><a href="/1">Ein anderer Artikel</a></p><p><a href="/2">Noch einer</a></p>'],
  ])('removes a %s "related" heading and the link list after it', (_lang, html) => {
    const text = clean(html);
    expect(text).toContain('Paragraph 4.');
    expect(text).not.toMatch(/Ein anderer Artikel|Noch einer|Mehr zum|Related|lire aussi|Czytaj/);
  });

  it('removes an inline "Auch interessant:" teaser line', () => {
    expect(clean('<p><strong>Auch interessant:</strong> <a href="/x">Wie Bienen überwintern</a></p>')).not.toContain('Bienen');
  });

  it('removes ad labels and share prompts, in any case and with decoration', () => {
    const text = clean('<center>- Anzeige -</center><p>ADVERTISEMENT</p><p><strong>Möchten Sie den Artikel teilen?</strong></p>');
    expect(text).not.toMatch(/Anzeige|ADVERTISEMENT|teilen/);
  });

  it('keeps a paragraph that continues after the phrase with body text, and the text after a related list', () => {
    const body = 'Read more about the council budget in the minutes, which run to forty pages and list every vote cast on the river path since 2019.';
    const text = clean(`<p>${body}</p><h3>Related</h3><ul><li><a href="/1">Other</a></li></ul><p>The story goes on here after the list.</p>`);
    expect(text).toContain(body);
    expect(text).toContain('The story goes on here');
    expect(text).not.toContain('Other');
  });

  it('keeps a link list that does not follow a "related" heading', () => {
    expect(clean('<h3>Sources</h3><ul><li><a href="/1">Council minutes</a></li></ul>')).toContain('Council minutes');
  });
});
