import { applyImagePolicy } from '../../../src/offline-images/web-images';
import { sanitizeToFragment } from '../../../src/sanitize/sanitize';
import { DEFAULT_WEB_IMAGE_POLICY, toWebImagePolicy } from '../../../src/shared/web-images';

// An offline copy of one image; a tracking pixel; a picture; a responsive image; a video poster; an inline image.
const HTML = [
  '<p><img src="a.png" srcset="a-2x.png 2x" alt="A"></p>',
  '<p><img src="https://track.example/pixel.gif?u=1" alt=""></p>',
  '<picture><source srcset="https://cdn.example/b.webp 1x, https://cdn.example/b@2.webp 2x"><img src="https://cdn.example/b.jpg" alt="B"></picture>',
  '<p><img srcset="https://cdn.example/c-1.jpg 1x, https://cdn.example/c-2.jpg 2x" alt="C"></p>',
  '<video src="https://v.example/talk.mp4" poster="https://v.example/poster.jpg" controls></video>',
  '<p><img src="data:image/png;base64,AAAA" alt="inline"></p>',
].join('');
const LOCAL: Record<string, string> = { 'https://x.example/post/a.png': 'blob:chrome-extension://id/1' };

/** The sanitized article after the policy: every URL it would still load, and the count it reports. */
function apply(policy: Parameters<typeof applyImagePolicy>[1]) {
  const fragment = sanitizeToFragment(HTML, 'https://x.example/post/');
  const blocked = applyImagePolicy(fragment, policy, (url) => LOCAL[url]);
  const urls = Array.from(fragment.querySelectorAll('img, source, video'), (el) =>
    ['src', 'srcset', 'poster'].map((name) => el.getAttribute(name)).filter((v): v is string => v !== null)).flat();
  const web = urls.filter((u) => /https?:/.test(u));
  return { fragment, blocked, web };
}

describe('web images in saved articles', () => {
  it('never: only offline copies and inline images; every other image, source and poster is removed and counted', () => {
    const { fragment, blocked, web } = apply('never');
    expect(web).toEqual(['https://v.example/talk.mp4']); // the video itself loads nothing until played (preload="none")
    expect(fragment.querySelector('video')?.getAttribute('preload')).toBe('none');
    // The pixel, the picture, the responsive image, the poster.
    expect(blocked).toBe(4);
    const imgs = Array.from(fragment.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('alt'))).toEqual(['A', '', 'B', 'C', 'inline']); // alt text stays for what is not shown
    expect(imgs[0]?.getAttribute('src')).toBe('blob:chrome-extension://id/1');
    expect(imgs[4]?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
  });

  it('only without an offline copy (the default): the copy where there is one, the web for the rest', () => {
    expect(DEFAULT_WEB_IMAGE_POLICY).toBe('withoutCopy');
    const { fragment, blocked, web } = apply('withoutCopy');
    expect(blocked).toBe(0);
    expect(fragment.querySelector('img')?.getAttribute('src')).toBe('blob:chrome-extension://id/1');
    expect(web).not.toContain('https://x.example/post/a-2x.png'); // a remote candidate would win over the copy
    expect(web).toEqual(expect.arrayContaining(['https://track.example/pixel.gif?u=1', 'https://cdn.example/b.jpg', 'https://v.example/poster.jpg']));
  });

  it('always: the images as the page had them', () => {
    const { fragment, blocked, web } = apply('always');
    expect(blocked).toBe(0);
    expect(fragment.querySelector('img')?.getAttribute('src')).toBe('https://x.example/post/a.png');
    expect(web).toContain('https://x.example/post/a-2x.png 2x');
  });

  it('reads unknown stored values as the default', () => {
    for (const raw of [undefined, null, 'sometimes', 1, ['never']]) expect(toWebImagePolicy(raw)).toBe('withoutCopy');
    expect(toWebImagePolicy('never')).toBe('never');
  });
});
