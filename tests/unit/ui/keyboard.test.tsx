import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import browser, { openTab, resetFakeBrowser, setCurrentTab, tabs } from '../../helpers/fake-browser';
import { Popup } from '../../../src/popup/Popup';
import { Reader } from '../../../src/reader/Reader';
import { sampleArticle } from '../../helpers/article';
import { ArticleView } from '../../../src/ui/ArticleView';
import { ReaderRoot, SAVE_EVENT } from '../../../src/ui/ReaderRoot';
import { shortcutFor } from '../../../src/ui/keyboard/shortcuts';
import { loadSettings } from '../../../src/storage/reader-settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const root = document.documentElement;
const key = (k: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget = document.body) =>
  shortcutFor({ key: k, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, defaultPrevented: false, isComposing: false, target, ...extra });

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', ' ', '+', '=', '-', 't', 's', 'l', 'Escape', '?'].map((k) => key(k, k === '+' || k === '?' ? { shiftKey: true } : {})))
      .toEqual(['scrollDown', 'scrollDown', 'scrollUp', 'scrollUp', 'pageDown', 'bigger', 'bigger', 'smaller', 'theme', 'save', 'listen', 'close', 'help']);
    expect(key(' ', { shiftKey: true })).toBe('pageUp');
    expect(key('T')).toBe('theme'); // caps lock
  });

  it('ignores modified keys and unknown keys', () => {
    expect(key('t', { ctrlKey: true })).toBeNull();
    expect(key('s', { metaKey: true })).toBeNull();
    expect(key('l', { altKey: true })).toBeNull();
    expect(key('T', { shiftKey: true })).toBeNull();
    expect(key('x')).toBeNull();
    expect(key('t', { isComposing: true })).toBeNull();
  });

  it('never fires while typing or in a control that uses the key', () => {
    document.body.innerHTML = '<input id="i"><textarea id="a"></textarea><select id="s"></select><div contenteditable="true"><p id="p">x</p></div><button id="b">b</button>';
    for (const id of ['i', 'a', 's', 'p']) expect(key('t', {}, document.getElementById(id)!)).toBeNull();
    expect(key(' ', {}, document.getElementById('b')!)).toBeNull(); // Space presses the button
    expect(key('t', {}, document.getElementById('b')!)).toBe('theme');
    document.body.innerHTML = '';
  });
});

describe('reader shortcuts', () => {
  const onClose = jest.fn();
  const onSave = jest.fn();
  beforeEach(async () => {
    resetFakeBrowser();
    onClose.mockClear();
    onSave.mockClear();
    root.removeAttribute('data-theme');
    render(<ReaderRoot onClose={onClose} onSave={onSave}><ArticleView article={sampleArticle()} /></ReaderRoot>);
    await waitFor(() => expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme));
  });

  it('+ and - change the text size and save it', async () => {
    fireEvent.keyDown(document.body, { key: '+', shiftKey: true });
    fireEvent.keyDown(document.body, { key: '+', shiftKey: true });
    fireEvent.keyDown(document.body, { key: '-' });
    expect(root.style.getPropertyValue('--reader-size')).toBe(`${DEFAULT_SETTINGS.size + 1}px`);
    await waitFor(async () => expect((await loadSettings()).size).toBe(DEFAULT_SETTINGS.size + 1));
  });

  it('t cycles the theme', () => {
    fireEvent.keyDown(document.body, { key: 't' });
    expect(root.dataset.theme).toBe('contrast');
    fireEvent.keyDown(document.body, { key: 't' });
    expect(root.dataset.theme).toBe('light');
  });

  it('s asks for a save through the event and the prop', () => {
    const heard = jest.fn();
    window.addEventListener(SAVE_EVENT, heard);
    fireEvent.keyDown(document.body, { key: 's' });
    window.removeEventListener(SAVE_EVENT, heard);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('does nothing while the font list has focus', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Text and theme' }));
    const select = screen.getByRole('combobox', { name: 'Font' });
    fireEvent.keyDown(select, { key: 't' });
    fireEvent.keyDown(select, { key: 'Escape' }); // closes the panel, not the reader
    expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('? opens the shortcut list as a modal dialog; Escape closes it and returns focus; Escape again closes the reader', () => {
    const title = screen.getByRole('heading', { level: 1 });
    title.focus();
    fireEvent.keyDown(title, { key: '?', shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText('Start or stop listening')).toBeTruthy();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 't' }); // keys in the dialog do not reach the reader
    expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme);
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(title);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(title, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('the ? button opens the same list', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('j and Space scroll the page', () => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const calls: unknown[] = [];
    (scroller as HTMLElement).scrollBy = ((opts: ScrollToOptions) => calls.push(opts.top)) as never;
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: ' ' });
    fireEvent.keyDown(document.body, { key: ' ', shiftKey: true });
    expect(calls).toEqual([48, window.innerHeight - 96, -(window.innerHeight - 96)]);
  });
});

describe('Escape closes the reader', () => {
  beforeEach(resetFakeBrowser);

  it('closes a reader tab that has no history to go back to', async () => {
    const page = openTab({ url: 'https://courier.example/library', active: true });
    const readerTab = openTab({ url: `reader.html?tab=${page.id}` });
    setCurrentTab(readerTab.id);
    render(<Reader search={`?tab=${page.id}`} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(tabs.has(readerTab.id)).toBe(false));
    expect(tabs.has(page.id)).toBe(true);
  });

  it('closes the popup window', () => {
    const close = jest.spyOn(window, 'close').mockImplementation(() => {});
    render(<Popup />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });
});

describe('quick changes', () => {
  beforeEach(resetFakeBrowser);

  it('two shortcuts in a row both stick, with no step back in between', async () => {
    root.removeAttribute('data-theme');
    render(<ReaderRoot onClose={() => {}}><ArticleView article={sampleArticle()} /></ReaderRoot>);
    await waitFor(() => expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme));
    const sizes: string[] = [];
    const watch = new MutationObserver(() => sizes.push(root.style.getPropertyValue('--reader-size')));
    watch.observe(root, { attributes: true, attributeFilter: ['style'] });
    fireEvent.keyDown(document.body, { key: 't' });
    fireEvent.keyDown(document.body, { key: '+', shiftKey: true });
    await waitFor(async () => expect(await loadSettings()).toMatchObject({ theme: 'contrast', size: DEFAULT_SETTINGS.size + 1 }));
    await new Promise((r) => setTimeout(r, 10));
    watch.disconnect();
    expect(root.dataset.theme).toBe('contrast');
    expect(sizes.at(-1)).toBe(`${DEFAULT_SETTINGS.size + 1}px`);
    expect(sizes.slice(sizes.indexOf(`${DEFAULT_SETTINGS.size + 1}px`))).not.toContain(`${DEFAULT_SETTINGS.size}px`);
  });
});

describe('storage.sync quotas', () => {
  beforeEach(resetFakeBrowser);

  it('holding + down saves once, not once per key repeat', async () => {
    root.removeAttribute('data-theme');
    const { unmount } = render(<ReaderRoot onClose={() => {}}><ArticleView article={sampleArticle()} /></ReaderRoot>);
    await waitFor(() => expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme));
    let writes = 0;
    const count = () => void writes++;
    browser.storage.sync.onChanged.addListener(count);
    for (let i = 0; i < 10; i++) fireEvent.keyDown(document.body, { key: '+', shiftKey: true, repeat: i > 0 });
    expect(root.style.getPropertyValue('--reader-size')).toBe(`${DEFAULT_SETTINGS.size + 10}px`);
    await waitFor(async () => expect((await loadSettings()).size).toBe(DEFAULT_SETTINGS.size + 10));
    expect(writes).toBe(1);
    fireEvent.keyDown(document.body, { key: '-' });
    unmount(); // closing the reader saves what was waiting
    await waitFor(async () => expect((await loadSettings()).size).toBe(DEFAULT_SETTINGS.size + 9));
    browser.storage.sync.onChanged.removeListener(count);
    expect(writes).toBe(2);
  });
});
