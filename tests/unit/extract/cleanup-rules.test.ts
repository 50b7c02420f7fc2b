/**
 * @jest-environment node
 */
import { removeBoilerplate } from '../../../src/extract/boilerplate';
import { findStandfirst, restoreStandfirst } from '../../../src/extract/standfirst';
import { pageDocument } from '../../helpers/dom';

describe('removeBoilerplate', () => {
  it('removes ad slots and their labels, whatever the language', () => {
    const doc = pageDocument('<article><p>Story text.</p><div class="ad-wrap"><span class="ad-label">Anzeige</span><div id="ad-mid"></div></div><div class="advertisement">Advertisement</div></article>');
    removeBoilerplate(doc);
    expect(doc.querySelector('article')!.textContent).toBe('Story text.');
  });

  it('removes a newsletter box, found by its e-mail form or its name', () => {
    const doc = pageDocument(`<article><p>Story text.</p>
      <div class="box"><h4>Morning briefing</h4><form><input type="email"><button>Go</button></form></div>
      <aside class="newsletter-promo"><p>Get our newsletter</p></aside></article>`);
    removeBoilerplate(doc);
    expect(doc.querySelector('article')!.textContent.trim()).toBe('Story text.');
  });

  it('keeps long blocks even when their names look like furniture', () => {
    const long = 'A long paragraph about the subscription economy. '.repeat(12);
    const doc = pageDocument(`<article><div class="subscription-story"><p>${long}</p></div><div class="header-ad-free"><p>Headline kept</p></div></article>`);
    removeBoilerplate(doc);
    expect(doc.body.textContent).toContain('subscription economy');
  });

  it('does not mistake words that merely contain "ad" for ads', () => {
    const doc = pageDocument('<article><div class="headline">Heading</div><div class="read-more-about">Text</div><div class="upload">Up</div></article>');
    removeBoilerplate(doc);
    expect(doc.querySelectorAll('article > div')).toHaveLength(3);
  });
});

describe('standfirst', () => {
  const DEK = 'The river path reopens next week after two years of repairs, the council said on Tuesday.';

  it('finds a dek by its class under the headline and puts it back when Readability dropped it', () => {
    const doc = pageDocument(`<article><h1>Path reopens</h1><p class="story-dek">${DEK}</p><p>Body.</p></article>`);
    const dek = findStandfirst(doc, null);
    expect(dek).toBe(DEK);
    const content = pageDocument('<div id="readability-page-1"><p>Body.</p></div>').querySelector('div')!;
    restoreStandfirst(content, dek);
    expect(content.querySelector('p')!.textContent).toBe(DEK);
  });

  it('finds a paragraph repeating the page description', () => {
    const doc = pageDocument(`<header><h1>Path reopens</h1><p>${DEK}</p></header>`);
    expect(findStandfirst(doc, `  ${DEK} `)).toBe(DEK);
  });

  it('finds an intro block in the article header, and the only paragraph of a block named "teaser"', () => {
    expect(findStandfirst(pageDocument(`<article><header><h1>Path reopens</h1><div class="content__intro">${DEK}</div></header><p>Body.</p></article>`), null)).toBe(DEK);
    expect(findStandfirst(pageDocument(`<main><header><h1>Path reopens</h1><div class="artikel-teaser"><p>${DEK}</p></div></header></main>`), null)).toBe(DEK);
  });

  it('does not take one paragraph of a teaser list for the dek', () => {
    const doc = pageDocument(`<header><h1>Path reopens</h1><div class="teaser"><p>${DEK}</p><p>${DEK} Again.</p></div></header>`);
    expect(findStandfirst(doc, null)).toBeNull();
  });

  it('does not add it twice', () => {
    const content = pageDocument(`<div><p>${DEK}</p><p>Body.</p></div>`).querySelector('div')!;
    restoreStandfirst(content, DEK);
    expect(content.querySelectorAll('p')).toHaveLength(2);
  });

  it('ignores furniture and short teasers', () => {
    const doc = pageDocument(`<h1>T</h1><nav><p class="summary">${DEK}</p></nav><p class="intro">Too short.</p>`);
    expect(findStandfirst(doc, null)).toBeNull();
  });
});
