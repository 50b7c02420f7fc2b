/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import fake from '../../helpers/fake-browser';
import { paragraphs } from '../../helpers/dom';
import { imageUrlsIn } from '../../../src/background/offline-images';
import { sendMessage } from '../../../src/shared/messages';
import * as storage from '../../../src/storage';

Object.assign(globalThis, { DOMParser: new JSDOM('', { virtualConsole: new VirtualConsole() }).window.DOMParser });

import '../../../src/background/background';

const JPEG = readFileSync(path.join(__dirname, '../../fixtures/pages/news-ecuador/images/assange-640.jpg'));
const page = (n: number, images: string) =>
  `<html lang="en"><head><title>Pictured ${n}</title></head><body><article><h1>Pictured ${n}</h1>${paragraphs(3)}${images}${paragraphs(3)}</article></body></html>`;
const routes: Record<string, { type: string; body: string | Buffer }> = {};
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const route = routes[req.url ?? ''];
    res.writeHead(route ? 200 : 404, { 'content-type': route?.type ?? 'text/plain' });
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes['/photo.jpg'] = { type: 'image/jpeg', body: JPEG };
  routes['/same-photo.jpg'] = { type: 'image/jpeg', body: JPEG };
  routes['/fake.png'] = { type: 'image/png', body: '<svg onload="alert(1)"/>' };
  routes['/1'] = { type: 'text/html', body: page(1, '<p><img src="/photo.jpg" alt="a"><img src="/fake.png" alt="b"></p>') };
  routes['/2'] = { type: 'text/html', body: page(2, '<p><img src="/same-photo.jpg" alt="c"></p>') };
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function importPages(urls: string[]): Promise<string[]> {
  await sendMessage('startImport', { source: 'pocket', items: urls.map((url) => ({ url, tags: [] })) });
  for (;;) {
    await storage.whenWritten();
    const job = await storage.readImportJob();
    if (job && job.state !== 'running') return job.items.map((i) => i.articleId!);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const imageKeys = () => [...fake.storage.local.data.keys()].filter((k) => k.startsWith('image:'));

describe('offline images', () => {
  it('finds image URLs in serialized article HTML, entities decoded, only http(s)', () => {
    expect(imageUrlsIn('<p><img alt="x" src="https://a.example/i.jpg?a=1&amp;b=2"><img src="data:image/png;base64,xx"><IMG class="c" src="http://b.example/j.png"></p>'))
      .toEqual(['https://a.example/i.jpg?a=1&b=2', 'http://b.example/j.png']);
  });

  it('keeps nothing while the setting is off', async () => {
    await importPages([`${origin}/1`]);
    expect(imageKeys()).toEqual([]);
  });

  it('stores each image once by content, refuses bytes that are not an image, and releases them with the last article', async () => {
    fake.storage.local.data.clear();
    await storage.setOfflineImages(true);
    const [one = '', two = ''] = await importPages([`${origin}/1`, `${origin}/2`]);
    expect(imageKeys()).toHaveLength(1);
    const images = await storage.readArticleImages(one);
    expect(Object.keys(images)).toEqual([`${origin}/photo.jpg`]);
    expect(Buffer.from(images[`${origin}/photo.jpg`]!.data, 'base64').equals(JPEG)).toBe(true);
    expect(Object.keys(await storage.readArticleImages(two))).toEqual([`${origin}/same-photo.jpg`]);
    expect(await storage.imageBytes()).toBe(JPEG.length);
    await sendMessage('deleteArticle', { id: one });
    expect(imageKeys()).toHaveLength(1);
    await sendMessage('deleteArticle', { id: two });
    expect(imageKeys()).toEqual([]);
    expect(await storage.imageBytes()).toBe(0);
  });
});
