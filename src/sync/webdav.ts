/**
 * A small WebDAV client over an injected `fetch` (the worker's own in the extension, Node's in tests and
 * the benchmark): the six requests sync needs, with ETags and conditional writes. It was measured against
 * the `webdav` npm package 5.11.0 (BENCHMARKS.md, docs/sync.md): the same five operations bundle to
 * 153 KB minified with it (an XML parser, path, URL and auth helpers), 3.9 KB with this; sync needs none of it.
 *
 * `credentials: 'omit'` keeps the browser's own cookies and login prompts out of it: the user name and
 * password go in the Authorization header, and a 401 is an answer, not a dialog.
 */
import { httpError, SyncError } from './errors';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface DavOptions {
  /** The WebDAV folder; a missing trailing slash is added. */
  baseUrl: string;
  username: string;
  password: string;
  fetch: Fetch;
}

export interface DavEntry { name: string; collection: boolean; etag: string | null }

/** What sync counts about its traffic (the benchmark reports it). */
export interface Traffic { requests: number; sent: number; received: number }

const utf8 = new TextEncoder();

function basicAuth(username: string, password: string): string {
  const bytes = utf8.encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export class WebDav {
  readonly traffic: Traffic = { requests: 0, sent: 0, received: 0 };
  private readonly base: string;
  private readonly auth: string;

  constructor(private readonly options: DavOptions) {
    this.base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.auth = basicAuth(options.username, options.password);
  }

  /** The address of a path inside the folder; each segment percent-encoded. */
  url(path: string): string {
    return this.base + path.split('/').map(encodeURIComponent).join('/');
  }

  private async send(method: string, path: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { Authorization: this.auth, ...init.headers };
    this.traffic.requests++;
    this.traffic.sent += init.body?.byteLength ?? 0;
    try {
      return await this.options.fetch(this.url(path), {
        method, headers, credentials: 'omit', cache: 'no-store', redirect: 'follow',
        ...(init.body ? { body: init.body as BodyInit } : {}),
      });
    } catch (error) {
      throw new SyncError('unreachable', error instanceof Error ? error.message : String(error));
    }
  }

  private async body(response: Response): Promise<Uint8Array> {
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.traffic.received += bytes.byteLength;
      return bytes;
    } catch (error) {
      throw new SyncError('unreachable', error instanceof Error ? error.message : String(error));
    }
  }

  /** A file's bytes and ETag; null when it does not exist. */
  async get(path: string): Promise<{ bytes: Uint8Array; etag: string | null } | null> {
    const response = await this.send('GET', path);
    if (response.status === 404) return void (await response.body?.cancel()), null;
    if (!response.ok) throw httpError(response.status, `GET ${path}`);
    return { bytes: await this.body(response), etag: response.headers.get('ETag') };
  }

  /**
   * Write a file. `ifMatch`: only over that version; `ifNoneMatch: '*'`: only if it does not exist. A
   * server that honours them answers 412 when another writer won (SyncError 'conflict').
   */
  async put(path: string, bytes: Uint8Array, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string | null> {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (condition.ifMatch) headers['If-Match'] = condition.ifMatch;
    if (condition.ifNoneMatch) headers['If-None-Match'] = condition.ifNoneMatch;
    const response = await this.send('PUT', path, { body: bytes, headers });
    await response.body?.cancel();
    if (!response.ok) throw httpError(response.status, `PUT ${path}`);
    return response.headers.get('ETag');
  }

  /**
   * Make a folder; one that exists already (405) is fine. 423 (Locked) is another device making the same
   * folder at this moment (rclone answers so to concurrent MKCOLs): asked again after a moment.
   */
  async mkcol(path: string, attempt = 1): Promise<void> {
    const response = await this.send('MKCOL', path.endsWith('/') ? path : `${path}/`);
    await response.body?.cancel();
    if (response.ok || response.status === 405) return;
    if (response.status === 423 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      return this.mkcol(path, attempt + 1);
    }
    if (response.status === 409) throw new SyncError('notWebdav', `MKCOL ${path}: the parent folder does not exist`);
    throw httpError(response.status, `MKCOL ${path}`);
  }

  /** Delete a file; one that is gone already is fine. */
  async delete(path: string): Promise<void> {
    const response = await this.send('DELETE', path);
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw httpError(response.status, `DELETE ${path}`);
  }

  /** A folder's entries (PROPFIND, Depth 1), without the folder itself; null when it does not exist. */
  async list(path: string): Promise<DavEntry[] | null> {
    const folder = path === '' || path.endsWith('/') ? path : `${path}/`;
    const response = await this.send('PROPFIND', folder, { headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY });
    if (response.status === 404) return void (await response.body?.cancel()), null;
    if (response.status !== 207) {
      await response.body?.cancel();
      // An ordinary web server answers PROPFIND with 200 or 405: the address is not a WebDAV folder.
      if (response.ok || response.status === 405 || response.status === 501) throw new SyncError('notWebdav', `PROPFIND answered ${response.status}`);
      throw httpError(response.status, `PROPFIND ${folder}`);
    }
    const xml = new TextDecoder().decode(await this.body(response));
    const self = new URL(this.url(folder)).pathname;
    return parseMultistatus(xml).filter((e) => decodePath(e.href).replace(/\/$/, '') !== decodePath(self).replace(/\/$/, '')).map((e) => ({
      name: decodePath(e.href).replace(/\/$/, '').split('/').pop() ?? '', collection: e.collection, etag: e.etag,
    }));
  }
}

const PROPFIND_BODY = utf8.encode('<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>');

const decodePath = (href: string) => {
  const path = href.startsWith('http') ? new URL(href).pathname : href;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');

/**
 * The responses of a 207 multistatus (RFC 4918 §14.16). A pattern, not a DOM: Chrome's service worker has
 * no DOMParser. Servers use any namespace prefix (`d:`, `D:`, `lp1:`), or none.
 */
export function parseMultistatus(xml: string): Array<{ href: string; collection: boolean; etag: string | null }> {
  const tag = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`, 'i');
  const responses = xml.match(/<(?:[\w.-]+:)?response(?:\s[^>]*)?>[\s\S]*?<\/(?:[\w.-]+:)?response>/gi) ?? [];
  return responses.map((block) => ({
    href: unescapeXml(tag('href').exec(block)?.[1]?.trim() ?? ''),
    collection: /<(?:[\w.-]+:)?collection(?:\s[^>]*)?\/?>/i.test(block),
    etag: unescapeXml(tag('getetag').exec(block)?.[1]?.trim() ?? '') || null,
  })).filter((e) => e.href !== '');
}
