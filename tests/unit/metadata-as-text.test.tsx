/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// ^ jsdom's default "browser" export condition resolves preact to its ESM build, which jest's
// CommonJS runtime cannot load; the "require" condition picks preact's CJS build. (If more component
// tests appear, move this to testEnvironmentOptions in jest.config.cjs.)
/** Metadata (title, byline, site name) is text: rendered as Preact children it can never become markup. */
import { render } from 'preact';
import type { Article } from '../../src/shared/article';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The shape every reader header must have: metadata as {children}, never dangerouslySetInnerHTML. */
function Header({ article }: { article: Pick<Article, 'title' | 'byline' | 'siteName'> }) {
  return (
    <header>
      <h1>{article.title}</h1>
      <p>{article.byline}</p>
      <p>{article.siteName}</p>
    </header>
  );
}

test('a title, byline and site name full of HTML render as text', () => {
  const root = document.createElement('div');
  render(<Header article={{ title: HOSTILE, byline: `<script>alert(1)</script>`, siteName: '"><svg onload=alert(1)>' }} />, root);
  expect(root.querySelector('img, script, svg')).toBeNull();
  expect(root.querySelector('h1')!.textContent).toBe(HOSTILE);
  expect(root.querySelector('h1')!.childNodes).toHaveLength(1);
  expect(root.querySelector('h1')!.firstChild!.nodeType).toBe(Node.TEXT_NODE);
});
