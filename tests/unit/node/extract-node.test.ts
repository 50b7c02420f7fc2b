/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, extractResult, sanitizedContent } from '../../../src/node/extract';

const page = (slug: string) => readFileSync(join(__dirname, '../../fixtures/pages', slug, 'source.html'), 'utf8');
const URL_ = 'https://www.dailylantern.example/tech/2016/10/18/ecuador-assange-internet';

describe('the Node entry (dist/node/extract.mjs)', () => {
  it('returns the same article object the extension shows', () => {
    const article = extract(page('news-ecuador'), URL_);
    expect(article).not.toBeNull();
    expect(article!.url).toBe(URL_);
    expect(article!.text).toContain('Julian Assange’s Personal Internet Service');
    expect(article!.wordCount).toBeGreaterThan(400);
  });

  it('returns null, and extractResult says why', () => {
    expect(extract(page('not-an-article'), 'https://search.example/q')).toBeNull();
    expect(extractResult(page('not-an-article'), 'https://search.example/q')).toMatchObject({ ok: false, reason: 'no-article' });
  });

  it('sanitizes the body as the reader does', () => {
    const article = extract(page('news-ecuador'), URL_)!;
    const html = sanitizedContent({ ...article, content: `${article.content}<img src=x onerror=alert(1)><script>alert(2)</script>` });
    expect(html).not.toMatch(/onerror|<script/i);
    expect(html).toContain('Bobby Mair');
  });
});
