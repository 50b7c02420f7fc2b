/**
 * @jest-environment node
 */
import { parseMultistatus, WebDav, type Fetch } from '../../../src/sync/webdav';

interface Sent { url: string; method: string; headers: Record<string, string>; body: string | null; credentials?: string }

/** A server answering each request with the next of `answers`, recording what was sent. */
function recording(answers: Array<() => Response>): { dav: WebDav; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: Fetch = async (url, init) => {
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body ? new TextDecoder().decode(init.body as Uint8Array) : null, credentials: init.credentials });
    const answer = answers.shift();
    if (!answer) throw new TypeError('fetch failed');
    return answer();
  };
  return { dav: new WebDav({ baseUrl: 'https://dav.example.org/files/ana/Lectern', username: 'ana', password: 'pä:ss', fetch }), sent };
}

test('requests carry basic auth (UTF-8), no cookies, and paths inside the folder, each segment encoded', async () => {
  const { dav, sent } = recording([() => new Response('{}', { headers: { ETag: '"e1"' } })]);
  expect(await dav.get('devices/a b/head')).toEqual({ bytes: new TextEncoder().encode('{}'), etag: '"e1"' });
  expect(sent[0]).toMatchObject({ url: 'https://dav.example.org/files/ana/Lectern/devices/a%20b/head', method: 'GET', credentials: 'omit' });
  expect(Buffer.from(sent[0]!.headers.Authorization!.slice(6), 'base64').toString('utf8')).toBe('ana:pä:ss');
});

test('conditional writes send If-Match / If-None-Match, and a 412 is a conflict', async () => {
  const { dav, sent } = recording([() => new Response(null, { status: 201, headers: { ETag: '"e2"' } }), () => new Response(null, { status: 412 })]);
  expect(await dav.put('x', new Uint8Array([1]), { ifNoneMatch: '*' })).toBe('"e2"');
  await expect(dav.put('x', new Uint8Array([2]), { ifMatch: '"e2"' })).rejects.toMatchObject({ code: 'conflict' });
  expect(sent[0]!.headers['If-None-Match']).toBe('*');
  expect(sent[1]!.headers['If-Match']).toBe('"e2"');
  expect(sent[1]!.headers['If-None-Match']).toBeUndefined();
});

test.each([
  [401, 'auth'], [403, 'auth'], [507, 'quota'], [500, 'server'], [503, 'unreachable'],
])('HTTP %i becomes the error code %s', async (status, code) => {
  const { dav } = recording([() => new Response('nope', { status })]);
  await expect(dav.get('lectern-sync.json')).rejects.toMatchObject({ name: 'SyncError', code });
});

test('a network failure is unreachable; a missing file is null; a missing folder is null', async () => {
  const { dav } = recording([() => new Response(null, { status: 404 }), () => new Response(null, { status: 404 })]);
  expect(await dav.get('nothing')).toBeNull();
  expect(await dav.list('devices/')).toBeNull();
  await expect(dav.get('x')).rejects.toMatchObject({ code: 'unreachable' });
});

test('PROPFIND asks Depth 1 and lists the entries without the folder itself; a plain web server is notWebdav', async () => {
  const xml = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">
    <d:response><d:href>/files/ana/Lectern/devices/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
    <d:response><d:href>/files/ana/Lectern/devices/0123456789abcdef/</d:href><d:propstat><d:prop><d:resourcetype><d:collection xmlns:d="DAV:"/></d:resourcetype><d:getetag>&quot;f1&quot;</d:getetag></d:prop></d:propstat></d:response>
    <d:response><d:href>https://dav.example.org/files/ana/Lectern/devices/notes%20here.txt</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>"f2"</d:getetag></d:prop></d:propstat></d:response>
  </d:multistatus>`;
  const { dav, sent } = recording([() => new Response(xml, { status: 207 }), () => new Response('<html>', { status: 200 })]);
  expect(await dav.list('devices')).toEqual([
    { name: '0123456789abcdef', collection: true, etag: '"f1"' },
    { name: 'notes here.txt', collection: false, etag: '"f2"' },
  ]);
  expect(sent[0]).toMatchObject({ method: 'PROPFIND', url: 'https://dav.example.org/files/ana/Lectern/devices/' });
  expect(sent[0]!.headers.Depth).toBe('1');
  await expect(dav.list('')).rejects.toMatchObject({ code: 'notWebdav' });
});

test('multistatus from servers with other prefixes (rclone D:, Apache lp1:) or none', () => {
  const rclone = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a/</D:href><D:propstat><D:prop><D:resourcetype><D:collection xmlns:D="DAV:"/></D:resourcetype></D:prop></D:propstat></D:response></D:multistatus>';
  const plain = '<multistatus xmlns="DAV:"><response><href>/a/b</href><propstat><prop><lp1:getetag xmlns:lp1="DAV:">"x"</lp1:getetag><resourcetype/></prop></propstat></response></multistatus>';
  expect(parseMultistatus(rclone)).toEqual([{ href: '/a/', collection: true, etag: null }]);
  expect(parseMultistatus(plain)).toEqual([{ href: '/a/b', collection: false, etag: '"x"' }]);
});

test('MKCOL of a folder that exists (405) is fine; one whose parent is missing says so', async () => {
  const { dav } = recording([() => new Response(null, { status: 405 }), () => new Response(null, { status: 409 })]);
  await expect(dav.mkcol('devices/')).resolves.toBeUndefined();
  await expect(dav.mkcol('a/b/')).rejects.toMatchObject({ code: 'notWebdav' });
});

test('traffic is counted: requests, bytes sent and received', async () => {
  const { dav } = recording([() => new Response('abcd'), () => new Response(null, { status: 201 })]);
  await dav.get('f');
  await dav.put('g', new Uint8Array(10));
  expect(dav.traffic).toEqual({ requests: 2, sent: 10, received: 4 });
});
