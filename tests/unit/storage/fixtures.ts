import type { Article } from '../../../src/shared/article';

/** A plausible extracted article; `n` varies the URL and text. */
export function article(n: number, overrides: Partial<Article> = {}): Article {
  return {
    url: `https://news.example/story-${n}`,
    title: `Story ${n}`,
    byline: 'A. Writer',
    siteName: 'News Example',
    lang: 'en',
    dir: 'ltr',
    publishedTime: '2026-01-02T03:04:05Z',
    excerpt: `The excerpt of story ${n}.`,
    leadImage: null,
    content: `<p>Body of story ${n}.</p>`,
    text: `Body of story ${n}.`,
    wordCount: 4,
    readingMinutes: 1,
    ...overrides,
  };
}
