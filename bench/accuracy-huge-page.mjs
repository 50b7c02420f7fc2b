// The generated huge page shared by accuracy-huge.mjs (jsdom) and accuracy-huge-browser.mjs (Chromium).

/** A news-like page: an article of paragraphs inside a sea of nested teaser blocks, about `n` elements. */
export function hugePage(n) {
  const article = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of the story, with enough words to count as text for the scorer, and a <a href="/l${i}">link</a>.</p>`).join('');
  const teaser = (i) => `<div class="teaser"><div class="media"><a href="/t${i}"><img src="/i${i}.jpg" alt=""></a></div><div class="body"><h3><a href="/t${i}">Teaser ${i}</a></h3><p>Short teaser text ${i}.</p></div></div>`;
  const teasers = Array.from({ length: Math.max(0, Math.round((n - 100) / 9)) }, (_, i) => teaser(i)).join('');
  return `<!doctype html><html><head><title>Huge</title></head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Huge page</h1>${article}</article><section class="more">${teasers}</section></main></body></html>`;
}
