/** The sanitizer keeps a good article intact and applies the URL and link rules. */
import { sanitize, sanitizeToFragment } from '../../src/sanitize/sanitize';

const BASE = 'https://news.example/world/2024/story.html?utm_source=x';

const GOOD_ARTICLE = `
<h2>Harbour reopens</h2>
<p>The <em>old</em> harbour reopened on <time datetime="2024-05-01">Wednesday</time>, <a href="https://city.example/notice">the city said</a>.</p>
<figure><picture><source srcset="https://cdn.example/h.avif 1x, https://cdn.example/h@2x.avif 2x" type="image/avif"><img src="https://cdn.example/h.jpg" alt="Boats in the harbour" width="800" height="450"></picture><figcaption>Boats returned at dawn.</figcaption></figure>
<h3>Figures</h3>
<table><caption>Arrivals</caption><thead><tr><th scope="col">Day</th><th scope="col">Boats</th></tr></thead><tbody><tr><td>Mon</td><td rowspan="2">12</td></tr><tr><td colspan="1">Tue</td></tr></tbody></table>
<pre class="language-python wide"><code class="language-python">print("hello")</code></pre>
<ul><li>One</li><li>Two</li></ul><ol start="3"><li>Three</li></ol>
<blockquote><p>We are open again.</p></blockquote>
<dl><dt>Term</dt><dd>Definition</dd></dl>
<p><strong>Bold</strong> <abbr title="Harbour Authority">HA</abbr> <sub>2</sub><sup>3</sup> <mark>m</mark> <kbd>K</kbd> <q>q</q></p>`;

function parse(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = html;
  return doc.body;
}

describe('a good article', () => {
  const before = parse(GOOD_ARTICLE);
  const after = parse(sanitize(GOOD_ARTICLE, BASE));

  test('keeps all text', () => {
    expect(after.textContent).toBe(before.textContent);
  });

  test('keeps the structure', () => {
    const tags = (el: HTMLElement) => Array.from(el.querySelectorAll('*'), (e) => e.localName);
    expect(tags(after)).toEqual(tags(before));
  });

  test('keeps image, table and code attributes that matter', () => {
    const img = after.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://cdn.example/h.jpg');
    expect(img.getAttribute('alt')).toBe('Boats in the harbour');
    expect(img.getAttribute('width')).toBe('800');
    expect(after.querySelector('source')!.getAttribute('srcset')).toBe('https://cdn.example/h.avif 1x, https://cdn.example/h@2x.avif 2x');
    expect(after.querySelector('td[rowspan="2"]')).not.toBeNull();
    expect(after.querySelector('code')!.className).toBe('language-python');
    expect(after.querySelector('pre')!.className).toBe('language-python'); // "wide" is page styling
    expect(after.querySelector('time')!.getAttribute('datetime')).toBe('2024-05-01');
    expect(after.querySelector('ol')!.getAttribute('start')).toBe('3');
  });
});

describe('URLs', () => {
  test('relative URLs become absolute against the base', () => {
    const out = parse(sanitize('<a href="../other.html#x">a</a><img src="/img/a.png" srcset="b.jpg 2x, /c.jpg 640w">', BASE));
    expect(out.querySelector('a')!.getAttribute('href')).toBe('https://news.example/world/other.html#x');
    expect(out.querySelector('img')!.getAttribute('src')).toBe('https://news.example/img/a.png');
    expect(out.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example/world/2024/b.jpg 2x, https://news.example/c.jpg 640w');
  });

  test('relative URLs are dropped without a base', () => {
    const out = parse(sanitize('<a href="other.html">a</a><img src="/img/a.png" alt="x">'));
    expect(out.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(out.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(out.textContent).toBe('a');
  });

  test('mailto links and raster data images are kept', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const out = parse(sanitize(`<a href="mailto:desk@news.example">mail</a><img src="${png}">`));
    expect(out.querySelector('a')!.getAttribute('href')).toBe('mailto:desk@news.example');
    expect(out.querySelector('img')!.getAttribute('src')).toBe(png);
  });

  test('srcset keeps the safe candidates of a mixed list', () => {
    const out = parse(sanitize('<img srcset="javascript:alert(1) 1x, https://ok.example/a.jpg 2x">'));
    expect(out.querySelector('img')!.getAttribute('srcset')).toBe('https://ok.example/a.jpg 2x');
  });
});

describe('links and media', () => {
  test('every link opens in a new tab without opener or referrer', () => {
    const out = parse(sanitize('<a href="https://a.example/" target="_self" rel="opener">a</a><a>no href</a>'));
    const [withHref, without] = Array.from(out.querySelectorAll('a'));
    expect(withHref?.getAttribute('target')).toBe('_blank');
    expect(withHref?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(without?.hasAttribute('target')).toBe(false);
  });

  test('video keeps a web source, gets controls, never autoplays or preloads', () => {
    const video = parse(sanitize('<video autoplay src="https://v.example/a.mp4" poster="https://v.example/p.jpg"></video>')).querySelector('video')!;
    expect(video.getAttribute('src')).toBe('https://v.example/a.mp4');
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.hasAttribute('autoplay')).toBe(false);
  });
});

describe('hooks do not leak between calls', () => {
  test('a base URL from one call is not used by the next', () => {
    sanitize('<a href="x.html">a</a>', 'https://first.example/');
    expect(sanitize('<a href="x.html">a</a>')).toBe('<a>a</a>');
    expect(sanitize('<a href="x.html">a</a>', 'https://second.example/')).toContain('https://second.example/x.html');
  });

  test('sanitizeToFragment applies the same rules', () => {
    const frag = sanitizeToFragment('<p onclick="x()">t<img src="a.png"></p>', 'https://f.example/');
    const p = frag.querySelector('p')!;
    expect(p.hasAttribute('onclick')).toBe(false);
    expect(p.querySelector('img')!.getAttribute('src')).toBe('https://f.example/a.png');
  });
});
