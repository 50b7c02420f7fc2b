import { unreadableReason } from '../../../src/shared/restricted';

describe('unreadableReason', () => {
  it.each([
    'chrome://settings', 'about:addons', 'about:reader?url=x', 'view-source:https://a.example/', 'chrome-extension://abc/popup.html',
    'moz-extension://abc/popup.html', 'edge://newtab', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-US/firefox/',
    'https://example.com/paper.pdf', 'data:text/html,hi', 'javascript:alert(1)', 'not a url',
  ])('%s is restricted', (url) => expect(unreadableReason(url)).toBe('restricted'));

  it.each(['https://news.example/story', 'http://127.0.0.1:8080/a.html', 'file:///home/me/page.html'])('%s may be read', (url) =>
    expect(unreadableReason(url)).toBeNull());

  it('an unknown URL means the extension has no access to the tab', () => {
    expect(unreadableReason(undefined)).toBe('no-permission');
  });
});
