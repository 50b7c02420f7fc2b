import { articleToHtml, EXPORT_CSP } from '../../../src/export/html';
import { cleanText } from '../../../src/export/text';
import { NASTY_TEXT, sampleRecord } from './sample-article';

function parseExport(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('articleToHtml', () => {
  it('is one complete document with inline CSS and no external resource but the images', () => {
    const html = articleToHtml(sampleRecord());
    expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
    const doc = parseExport(html);
    expect(doc.querySelector('style')!.textContent).toMatch(/@media print/);
    expect(doc.querySelectorAll('link, script, iframe, object, embed, base')).toHaveLength(0);
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('https://news.example/img/river.jpg');
  });

  it('puts a CSP that forbids scripts first in <head>', () => {
    const doc = parseExport(articleToHtml(sampleRecord()));
    const csp = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(csp.getAttribute('content')).toBe(EXPORT_CSP);
    expect(EXPORT_CSP).toMatch(/script-src 'none'/);
    expect(EXPORT_CSP).toMatch(/default-src 'none'/);
    // Only the charset may precede it; nothing that loads or runs anything.
    expect(Array.from(doc.head.children).indexOf(csp)).toBeLessThanOrEqual(1);
  });

  it('carries title, author, site, date, language and direction', () => {
    const doc = parseExport(articleToHtml(sampleRecord({ lang: 'ar', dir: 'rtl' })));
    expect(doc.title).toBe('The river path: what the council decided');
    expect(doc.querySelector('h1')!.textContent).toBe(doc.title);
    expect(doc.querySelector('.meta')!.textContent).toBe('Ana Pérez · News Example · 2024-05-02');
    expect(doc.documentElement.lang).toBe('ar');
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.querySelector('footer a')!.getAttribute('href')).toBe('https://news.example/2024/river-path.html');
  });

  it.each(NASTY_TEXT)('renders metadata %j as text, never as markup', (text) => {
    const doc = parseExport(articleToHtml(sampleRecord({ title: text, byline: text, siteName: null, publishedTime: null })));
    expect(doc.querySelectorAll('script, b')).toHaveLength(0);
    expect(doc.querySelector('h1')!.textContent).toBe(cleanText(text));
    expect(doc.querySelector('.meta')!.textContent).toBe(cleanText(text));
  });

  it('drops control characters from metadata', () => {
    const doc = parseExport(articleToHtml(sampleRecord({ title: 'a\u0000b\u0007c\u009fd\r\ne' })));
    expect(doc.title).toBe('abcd e');
    expect(doc.querySelector('h1')!.textContent).toBe('abcd\ne');
  });

  it('sanitizes the body', () => {
    const html = articleToHtml(
      sampleRecord({
        content: '<p>ok</p><script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><style>body{}</style><form><input></form>',
      }),
    );
    const doc = parseExport(html);
    expect(doc.querySelector('main')!.innerHTML).not.toMatch(/script|onerror|javascript|<style|<form|<input/i);
    expect(doc.querySelector('main p')!.textContent).toBe('ok');
  });

  it('shows a non-web source URL as text, not as a link', () => {
    const doc = parseExport(articleToHtml(sampleRecord({ url: 'javascript:alert(1)' })));
    expect(doc.querySelector('footer a')).toBeNull();
    expect(doc.querySelector('footer')!.textContent).toContain('javascript:alert(1)');
  });

  it('uses the given footer label', () => {
    const doc = parseExport(articleToHtml(sampleRecord(), { sourceLabel: 'Quelle:' }));
    expect(doc.querySelector('footer p')!.textContent).toMatch(/^Quelle: https:/);
  });
});
