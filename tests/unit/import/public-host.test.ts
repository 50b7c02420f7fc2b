/** @jest-environment node */
import { checkPublicUrl } from '../../../src/import/public-host';

describe('checkPublicUrl', () => {
  it.each([
    'http://localhost/', 'http://a.localhost:8080/', 'http://127.0.0.1/', 'http://127.1/', 'http://0x7f000001/', 'http://2130706433/',
    'http://0177.0.0.1/', 'http://10.0.0.8/', 'http://172.16.4.1/', 'http://192.168.1.1/admin', 'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/', 'http://0.0.0.0/', 'http://[::1]/', 'http://[::]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:192.168.0.1]/', 'http://intranet/', 'http://router/', 'http://nas.local/', 'http://printer.lan/', 'http://x.internal/',
    'http://home.arpa/', 'http://224.0.0.1/', 'file:///etc/passwd', 'ftp://files.example/', 'not a url',
  ])('refuses %s', (url) => {
    expect(checkPublicUrl(url).ok).toBe(false);
  });

  it.each(['https://news.example/a', 'http://93.184.216.34/', 'https://[2606:4700::1111]/', 'https://8.8.8.8/', 'https://xn--caf-dma.example/', 'https://172.32.0.1/'])('accepts %s', (url) => {
    expect(checkPublicUrl(url)).toEqual({ ok: true });
  });

  it('says why', () => {
    expect(checkPublicUrl('http://0x7f000001/')).toEqual({ ok: false, reason: '127.0.0.1 is not a public web address' });
  });

  it('lets a test build reach exactly the origins it lists, nothing else on loopback', () => {
    const g = globalThis as { LECTERN_TEST_FETCH_ORIGINS?: string[] };
    g.LECTERN_TEST_FETCH_ORIGINS = ['http://127.0.0.1:47631'];
    try {
      expect(checkPublicUrl('http://127.0.0.1:47631/page').ok).toBe(true);
      expect(checkPublicUrl('http://127.0.0.1:47632/page').ok).toBe(false);
      expect(checkPublicUrl('http://localhost:47631/page').ok).toBe(false);
    } finally {
      delete g.LECTERN_TEST_FETCH_ORIGINS;
    }
  });
});
