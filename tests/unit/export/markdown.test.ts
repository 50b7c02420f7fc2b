import { parse } from 'yaml';
import { articleToMarkdown, htmlToMarkdown } from '../../../src/export/markdown';
import { frontMatter, yamlString } from '../../../src/export/yaml';
import { NASTY_TEXT, sampleRecord } from './sample-article';

/** Splits a Markdown file into its parsed front matter and its body. */
function split(markdown: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return { meta: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('yamlString', () => {
  it.each(NASTY_TEXT)('parses back to exactly %j', (text) => {
    expect(parse(`key: ${yamlString(text)}`)).toEqual({ key: text });
  });

  it('never lets a value span lines', () => {
    for (const text of NASTY_TEXT) expect(yamlString(text)).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
  });
});

describe('frontMatter', () => {
  it('leaves out missing fields and writes lists', () => {
    expect(parse(frontMatter({ a: 'x', b: null, c: undefined, d: ['p', 'q: r'] }).replace(/---/g, ''))).toEqual({
      a: 'x',
      d: ['p', 'q: r'],
    });
  });
});

describe('articleToMarkdown', () => {
  it('writes the metadata as front matter', () => {
    const { meta } = split(articleToMarkdown(sampleRecord()));
    expect(meta).toEqual({
      title: 'The river path: what the council decided',
      author: 'Ana Pérez',
      site: 'News Example',
      url: 'https://news.example/2024/river-path.html',
      published: '2024-05-02T09:30:00.000Z',
      saved: '2024-05-03T10:00:00.000Z',
      tags: ['city', 'local news'],
    });
  });

  it.each(NASTY_TEXT)('keeps front matter intact with title, author and tag %j', (text) => {
    const markdown = articleToMarkdown(sampleRecord({ title: text, byline: text, siteName: text, tags: [text, 'b'] }));
    const { meta, body } = split(markdown);
    expect(meta).toMatchObject({ title: text, author: text, site: text, tags: [text, 'b'] });
    expect(body).toContain('Background');
  });

  it('omits absent metadata instead of writing null', () => {
    const { meta } = split(articleToMarkdown(sampleRecord({ byline: null, siteName: null, publishedTime: null, tags: [] })));
    expect(Object.keys(meta).sort()).toEqual(['saved', 'title', 'url']);
  });

  it('turns the body into Markdown: headings, links, images as links, fenced code with language, tables', () => {
    const { body } = split(articleToMarkdown(sampleRecord()));
    expect(body).toContain('# The river path: what the council decided');
    expect(body).toContain('## Background');
    expect(body).toContain('**Tuesday**');
    expect(body).toContain('[the budget](https://news.example/budget)');
    expect(body).toContain('![The river at dawn](https://news.example/img/river.jpg)');
    expect(body).toContain('```python\nprint("hello")\n```');
    expect(body).toMatch(/\| Item \| Cost \|\n\| --- \| --- \|\n\| Path \| 100 \|/);
    expect(body).toMatch(/^-\s+one\n-\s+two$/m);
  });

  it('escapes Markdown in the title heading', () => {
    const { body } = split(articleToMarkdown(sampleRecord({ title: '# not *emphasis*\nsecond line' })));
    expect(body.split('\n')[1]).toBe('# \\# not \\*emphasis\\* second line');
  });
});

describe('htmlToMarkdown', () => {
  const base = 'https://news.example/a/';

  it('converts only sanitized HTML: scripts, handlers and javascript: links are gone', () => {
    const md = htmlToMarkdown(
      '<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">click</a><img src=x onerror=alert(1) alt=pic>',
      base,
    );
    expect(md).not.toMatch(/alert|javascript|onerror|onclick|<script/i);
    expect(md).toContain('Hi');
    expect(md).toContain('click');
  });

  it('fences code whose language sits on <pre>, and <pre> without <code>', () => {
    expect(htmlToMarkdown('<pre class="language-js">let a = 1;</pre>', base)).toBe('```js\nlet a = 1;\n```');
    expect(htmlToMarkdown('<pre><code>x = `y`\n```\nz</code></pre>', base)).toMatch(/^````\n/);
  });

  it('resolves relative image URLs against the article URL', () => {
    expect(htmlToMarkdown('<img src="pic.png" alt="A">', base)).toBe('![A](https://news.example/a/pic.png)');
  });
});
