import type { Article } from '../../src/shared/article';

/** A small, complete article for component tests of the reader view. */
export function sampleArticle(over: Partial<Article> = {}): Article {
  const content = '<p>The council met on Tuesday. It voted to reopen the library! Work starts in May.</p><p>Residents welcomed the news.</p>';
  return {
    url: 'https://courier.example/library',
    title: 'Library to reopen',
    byline: 'Ana Lima',
    siteName: 'Riverside Courier',
    lang: 'en',
    dir: 'ltr',
    publishedTime: '2024-03-05T09:00:00Z',
    excerpt: null,
    leadImage: null,
    content,
    text: 'The council met on Tuesday. It voted to reopen the library! Work starts in May.\n\nResidents welcomed the news.',
    wordCount: 20,
    readingMinutes: 1,
    ...over,
  };
}
