/**
 * @jest-environment node
 */
import { absoluteSrcset, documentBase, makeUrlsAbsolute } from '../../../src/extract/urls';
import { pageDocument } from '../../helpers/dom';

describe('makeUrlsAbsolute', () => {
  it('resolves links and images against the base and leaves in-page anchors alone', () => {
    const doc = pageDocument('<div><a href="../about">About</a><a href="#note-1">1</a><img src="img/x.png" srcset="img/x.png 1x, img/x2.png 2x"></div>');
    const root = doc.querySelector('div')!;
    makeUrlsAbsolute(root, 'https://news.example/world/story.html');
    const [about, note] = root.querySelectorAll('a');
    expect(about?.getAttribute('href')).toBe('https://news.example/about');
    expect(note?.getAttribute('href')).toBe('#note-1');
    expect(root.querySelector('img')!.getAttribute('src')).toBe('https://news.example/world/img/x.png');
    expect(root.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example/world/img/x.png 1x, https://news.example/world/img/x2.png 2x');
  });

  it('handles srcset URLs that contain commas', () => {
    expect(absoluteSrcset('/i/a,b.jpg 1x, /i/c.jpg 2x', 'https://s.example/')).toBe('https://s.example/i/a,b.jpg 1x, https://s.example/i/c.jpg 2x');
  });
});

describe('documentBase', () => {
  it('uses an http(s) <base href> and ignores other schemes', () => {
    expect(documentBase(pageDocument('<base href="https://cdn.example/x/">'), 'https://a.example/')).toBe('https://cdn.example/x/');
    expect(documentBase(pageDocument('<base href="javascript:alert(1)//">'), 'https://a.example/p')).toBe('https://a.example/p');
  });
});
