import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { EXTENSION_BASE, createdTabs, onInjection, openTab, resetFakeBrowser } from '../../helpers/fake-browser';
import { paragraphs } from '../../helpers/dom-parser';
import { extractArticle } from '../../../src/extract/extract';
import { Popup } from '../../../src/popup/Popup';
import { Reader, parseReaderQuery } from '../../../src/reader/Reader';
import { Welcome } from '../../../src/welcome/Welcome';
import '../../../src/background/background';

const HOSTILE_TITLE = '<img src=x onerror="window.pwned=1">Budget <b>vote</b>';

function page(title: string, byline: string) {
  return `<html lang="en"><head><title>${title.replace(/</g, '&lt;')}</title>
  <meta property="og:site_name" content="Riverside Courier"><meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
  <body><header><nav><a href="/">Home</a><a href="/sport">Sport</a></nav></header>
  <article><h1>${title.replace(/</g, '&lt;')}</h1><p class="byline">By ${byline.replace(/</g, '&lt;')}</p>${paragraphs(10)}
  <p>Closing paragraph <a href="https://council.example/minutes">with the minutes</a>.</p></article>
  <aside><h3>Trending now</h3><ul><li><a href="/x">Celebrity chef opens diner</a></li></ul></aside></body></html>`;
}

function serve(url: string, html: string) {
  const tab = openTab({ url, active: true });
  onInjection((t, injection) => {
    if (injection.files) return undefined;
    return extractArticle(new DOMParser().parseFromString(html, 'text/html'), t.url!);
  });
  return tab;
}

beforeEach(resetFakeBrowser);

describe('popup', () => {
  it('shows the reader view of the active tab: title, byline, site, date, reading time and body', async () => {
    serve('https://courier.example/budget', page('Budget vote passes', 'Ana Lima'));
    render(<Popup />);
    expect(screen.getByRole('status')).toHaveTextContent('Reading the page…'); // never a blank panel
    const title = await screen.findByRole('heading', { level: 1, name: 'Budget vote passes' });
    expect(title).toBeTruthy();
    expect(screen.getByText('Riverside Courier')).toBeTruthy();
    expect(screen.getByText('March 5, 2024')).toBeTruthy();
    expect(screen.getByText(/min read$/)).toBeTruthy();
    expect(screen.getByText(/Closing paragraph/)).toBeTruthy();
    expect(screen.queryByText('Celebrity chef opens diner')).toBeNull();
    expect(screen.getByText('By Ana Lima')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(title)); // keyboard users start at the article
  });

  it('renders a hostile title as text, never as markup', async () => {
    serve('https://courier.example/hostile', page(HOSTILE_TITLE, '<script>alert(1)</script>Eve'));
    render(<Popup />);
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.textContent).toBe(HOSTILE_TITLE);
    expect(title.querySelector('img, b')).toBeNull();
    expect(document.querySelector('.reader-header script, .reader-header img')).toBeNull();
  });

  it('opens the same view in a tab', async () => {
    const tab = serve('https://courier.example/budget', page('Budget vote passes', 'Ana Lima'));
    const close = jest.spyOn(window, 'close').mockImplementation(() => {});
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in tab' }));
    await waitFor(() => expect(createdTabs.map((t) => t.url)).toEqual([`${EXTENSION_BASE}reader.html?tab=${tab.id}`]));
    expect(close).toHaveBeenCalled();
  });

  it('explains a browser page instead of showing a blank panel', async () => {
    openTab({ url: 'chrome://extensions/', active: true });
    render(<Popup />);
    expect(await screen.findByRole('alert')).toHaveTextContent("Lectern can't read this page");
  });
});

describe('reader page', () => {
  it('parses its address', () => {
    expect(parseReaderQuery('?tab=12')).toEqual({ tabId: 12 });
    expect(parseReaderQuery('?id=abc')).toEqual({ articleId: 'abc' });
    expect(parseReaderQuery('?tab=1e3')).toBeNull();
    expect(parseReaderQuery('')).toBeNull();
  });

  it('renders the live extraction of ?tab=', async () => {
    const tab = serve('https://courier.example/budget', page('Budget vote passes', 'Ana Lima'));
    render(<Reader search={`?tab=${tab.id}`} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Budget vote passes' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Budget vote passes'));
  });

  it('says when the page has no article', async () => {
    const tab = serve('https://courier.example/', '<html><body><nav><a href="/a">A</a></nav><p>Welcome!</p></body></html>');
    render(<Reader search={`?tab=${tab.id}`} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No article found on this page');
  });

  it('says when the address names nothing', () => {
    render(<Reader search="" />);
    expect(screen.getByRole('alert')).toHaveTextContent('does not name a tab or a saved article');
  });
});

describe('welcome page', () => {
  it('explains the button and shows the current shortcut with how to change it', async () => {
    render(<Welcome />);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Lectern' })).toBeTruthy();
    expect(await screen.findByText('Alt+Shift+R')).toBeTruthy();
    expect(screen.getByText(/chrome:\/\/extensions\/shortcuts/)).toBeTruthy();
  });
});
