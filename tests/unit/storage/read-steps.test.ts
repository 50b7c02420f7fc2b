/**
 * @jest-environment node
 */
import browser from 'webextension-polyfill';
import { resetFakeBrowser } from '../../helpers/fake-browser';
import { readIndex, saveArticle } from '../../../src/storage';
import { readIndexInSteps } from '../../../src/storage/read';
import { pageOf } from '../../../src/storage/keys';
import { article } from './fixtures';

beforeEach(resetFakeBrowser);

describe('reading the whole index in steps', () => {
  it('gives what one read gives: every row, newest first, damaged rows counted', async () => {
    const saved = [];
    for (let n = 1; n <= 40; n++) saved.push(await saveArticle(article(n), 1000 + n));
    const pages = new Set(saved.map((s) => pageOf(s.id)));
    expect(pages.size).toBeGreaterThan(8); // the rows are spread over many pages, read in several steps
    // One damaged row on one page.
    const page = `index:${pageOf(saved[0]!.id)}`;
    const rows = JSON.parse((await browser.storage.local.get(page))[page] as string) as unknown[];
    await browser.storage.local.set({ [page]: JSON.stringify([...rows, { id: 42 }]) });

    const whole = await readIndex();
    const stepped = await readIndexInSteps(3);
    expect(stepped).toEqual(whole);
    expect(stepped.entries.map((e) => e.savedAt)).toEqual(saved.map((_, i) => 1040 - i));
    expect(stepped.corrupt).toBe(1);
  });

  it('lets other work run between its steps', async () => {
    for (let n = 1; n <= 20; n++) await saveArticle(article(n), 1000 + n);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await readIndexInSteps(4);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(63); // 256 pages in 64 steps: a task ran between each
  });
});
