import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { sampleArticle } from '../../helpers/article';
import { ArticleView } from '../../../src/ui/ArticleView';
import { ReaderRoot } from '../../../src/ui/ReaderRoot';
import { LEGACY_SETTINGS_KEY, loadSettings, saveSettings } from '../../../src/storage/reader-settings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const root = document.documentElement;

function renderReader(article = sampleArticle()) {
  return render(
    <ReaderRoot onClose={() => {}}>
      <ArticleView article={article} />
    </ReaderRoot>,
  );
}

/** The stored settings arrive asynchronously; the page root carries them once they have. */
async function loaded() {
  await waitFor(() => expect(root.dataset.theme).toBeDefined());
}

async function openPanel() {
  await loaded();
  fireEvent.click(screen.getByRole('button', { name: 'Text and theme' }));
  return screen.getByRole('group', { name: 'Text and theme settings' });
}

beforeEach(() => {
  resetFakeBrowser();
  for (const attr of ['data-theme', 'data-font', 'data-justify', 'style']) root.removeAttribute(attr);
});

describe('reader settings toolbar', () => {
  it('applies the stored settings (here as an earlier version stored them) to the page root when the reader opens', async () => {
    await browser.storage.sync.set({ [LEGACY_SETTINGS_KEY]: { theme: 'sepia', font: 'sans', size: 24, width: 50, lineHeight: 1.8, justify: true } });
    renderReader();
    await waitFor(() => expect(root.dataset.theme).toBe('sepia'));
    expect(root.dataset.font).toBe('sans');
    expect(root.dataset.justify).toBe('true');
    expect(root.style.getPropertyValue('--reader-size')).toBe('24px');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('50ch');
    expect(root.style.getPropertyValue('--reader-line-height')).toBe('1.8');
  });

  it('is a closed disclosure until asked, and Escape closes it back onto its button', async () => {
    renderReader();
    const toggle = screen.getByRole('button', { name: 'Text and theme' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('group', { name: 'Text and theme settings' })).toBeNull();
    const panel = await openPanel();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(within(panel).getByRole('combobox', { name: 'Font' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Text and theme settings' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('changes the theme at once and saves it to sync', async () => {
    renderReader();
    const panel = await openPanel();
    const themes = within(panel).getByRole('group', { name: 'Theme' });
    expect(within(themes).getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(['Light', 'Sepia', 'Dark', 'Auto (like the system)', 'High contrast']);
    fireEvent.click(within(themes).getByRole('radio', { name: 'Dark' }));
    expect(root.dataset.theme).toBe('dark');
    await waitFor(async () => expect((await loadSettings()).theme).toBe('dark'));
  });

  it('steps size, width and line height, stopping at their limits', async () => {
    await saveSettings({ size: 31 });
    renderReader();
    await waitFor(() => expect(root.style.getPropertyValue('--reader-size')).toBe('31px'));
    const panel = await openPanel();
    const bigger = within(panel).getByRole('button', { name: 'Bigger text' });
    fireEvent.click(bigger);
    fireEvent.click(bigger);
    expect(root.style.getPropertyValue('--reader-size')).toBe('32px');
    expect(bigger).toHaveAttribute('aria-disabled', 'true');
    expect(within(panel).getByRole('group', { name: 'Text size' })).toHaveTextContent('32 px');
    fireEvent.click(within(panel).getByRole('button', { name: 'Narrower lines' }));
    expect(root.style.getPropertyValue('--reader-measure')).toBe('60ch');
    fireEvent.click(within(panel).getByRole('button', { name: 'More line spacing' }));
    expect(root.style.getPropertyValue('--reader-line-height')).toBe('1.7');
    await waitFor(async () => expect(await loadSettings()).toMatchObject({ size: 32, width: 60, lineHeight: 1.7 }));
  });

  it('changes font and justification', async () => {
    renderReader();
    const panel = await openPanel();
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Font' }), { target: { value: 'dyslexic' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Justify text' }));
    expect(root.dataset.font).toBe('dyslexic');
    expect(root.dataset.justify).toBe('true');
    await waitFor(async () => expect(await loadSettings()).toMatchObject({ font: 'dyslexic', justify: true }));
  });

  it('persists: a reader opened later shows the same settings', async () => {
    const first = renderReader();
    fireEvent.click(within(await openPanel()).getByRole('radio', { name: 'High contrast' }));
    await waitFor(async () => expect((await loadSettings()).theme).toBe('contrast'));
    first.unmount();
    root.removeAttribute('data-theme');
    renderReader();
    await waitFor(() => expect(root.dataset.theme).toBe('contrast'));
  });

  it('follows a change made in another reader or synced from another computer', async () => {
    renderReader();
    await waitFor(() => expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme));
    await act(async () => {
      await saveSettings({ theme: 'sepia', size: 26 });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(root.dataset.theme).toBe('sepia');
    expect(root.style.getPropertyValue('--reader-size')).toBe('26px');
  });

  it('keeps the controls in the UI language and direction inside a right-to-left article', async () => {
    renderReader(sampleArticle({ lang: 'ar', dir: 'rtl', title: 'عنوان' }));
    const article = screen.getByRole('article');
    expect(article).toHaveAttribute('dir', 'rtl');
    expect(article).toHaveAttribute('lang', 'ar');
    const bar = screen.getByRole('group', { name: 'Reader controls' }).parentElement!;
    expect(bar).toHaveAttribute('lang', 'en-US');
    expect(bar).toHaveAttribute('dir', 'ltr');
  });

  it('prints the source address as text under the article', () => {
    renderReader(sampleArticle({ url: 'https://courier.example/a?b=<c>' }));
    expect(screen.getByText('Source: https://courier.example/a?b=<c>')).toHaveClass('reader-print-source');
  });
});
