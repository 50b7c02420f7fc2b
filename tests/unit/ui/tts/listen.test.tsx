import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { resetFakeBrowser } from '../../../helpers/fake-browser';
import { sampleArticle } from '../../../helpers/article';
import { type FakeSpeechSynthesis, installFakeSpeech, settle, uninstallFakeSpeech, voice } from '../../../helpers/fake-speech';
import { ArticleView } from '../../../../src/ui/ArticleView';
import { ReaderRoot } from '../../../../src/ui/ReaderRoot';
import { VOICES_WAIT_MS } from '../../../../src/ui/tts/useVoices';
import { loadSettings } from '../../../../src/storage/reader-settings';

function renderReader(article = sampleArticle()) {
  render(<ReaderRoot onClose={() => {}}><ArticleView article={article} /></ReaderRoot>);
}

const current = () => document.querySelector('.tts-current')?.textContent;

beforeEach(resetFakeBrowser);
afterEach(uninstallFakeSpeech);

describe('Listen', () => {
  let synth: FakeSpeechSynthesis;

  it('reads the article sentence by sentence, highlighting the one being read', async () => {
    synth = installFakeSpeech([voice('de-DE'), voice('en-GB', 'Local English')]);
    renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    expect(synth.current).toMatchObject({ text: 'The council met on Tuesday.', lang: 'en-GB' });
    expect(current()).toBe('The council met on Tuesday.');
    await act(() => synth.finishCurrent());
    expect(current()).toBe('It voted to reopen the library!');
    expect(screen.getByText(/Residents welcomed/).textContent).toBe('Residents welcomed the news.'); // text untouched
    await act(() => synth.finishCurrent());
    await act(() => synth.finishCurrent());
    expect(synth.current?.text).toBe('Residents welcomed the news.');
    expect(current()).toBe('Residents welcomed the news.');
  });

  it('pauses, resumes and stops from its buttons and the l key', async () => {
    synth = installFakeSpeech([voice('en-US')]);
    renderReader();
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(synth.current?.text).toBe('The council met on Tuesday.');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await act(settle);
    expect(synth.current).toBeNull();
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(synth.current?.text).toBe('The council met on Tuesday.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '1.5' } });
    await act(settle);
    expect(synth.current).toMatchObject({ text: 'The council met on Tuesday.', rate: 1.5 });
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await act(settle);
    expect(synth.current).toBeNull();
    expect(current()).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Listen' })).toBeTruthy();
  });

  it('offers the voices that speak the language, and remembers the one chosen', async () => {
    synth = installFakeSpeech([voice('en-US', 'Ava'), voice('en-GB', 'Daniel'), voice('de-DE', 'Anna')]);
    renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    const list = screen.getByRole('combobox', { name: 'Voice' });
    expect([...list.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Ava', 'Daniel']);
    fireEvent.change(list, { target: { value: 'Daniel' } });
    await act(settle);
    expect(synth.current).toMatchObject({ text: 'The council met on Tuesday.', lang: 'en-GB' });
    expect(synth.current?.voice?.name).toBe('Daniel');
    await waitFor(async () => expect((await loadSettings()).ttsVoice).toBe('Daniel'));
  });

  it('has no voice list when only one voice speaks the language', () => {
    installFakeSpeech([voice('en-US', 'Ava'), voice('de-DE', 'Anna')]);
    renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    expect(screen.queryByRole('combobox', { name: 'Voice' })).toBeNull();
  });

  it('stops speaking when the reader closes', () => {
    synth = installFakeSpeech([voice('en-US')]);
    const { unmount } = render(<ReaderRoot onClose={() => {}}><ArticleView article={sampleArticle()} /></ReaderRoot>);
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    unmount();
    expect(synth.current).toBeNull();
  });

  it('stops speaking when the page goes away', async () => {
    synth = installFakeSpeech([voice('en-US')]);
    renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    expect(synth.current).not.toBeNull();
    await act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(synth.current).toBeNull();
  });

  it('says when a voice fails instead of stopping silently', async () => {
    synth = installFakeSpeech([voice('en-US')]);
    renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    await act(() => synth.failCurrent());
    expect(screen.getByRole('status')).toHaveTextContent('Listening stopped');
  });

  it('waits for voices that load late', async () => {
    synth = installFakeSpeech([]);
    renderReader();
    await act(() => synth.setVoices([voice('en-US')]));
    fireEvent.click(await screen.findByRole('button', { name: 'Listen' }));
    expect(synth.current?.text).toBe('The council met on Tuesday.');
  });

  it('says so when there are no voices, no local voices, or none for the language', async () => {
    jest.useFakeTimers();
    try {
      installFakeSpeech([voice('en-US', 'Google US English', { localService: false })]);
      renderReader();
      await act(() => void jest.advanceTimersByTime(VOICES_WAIT_MS));
      expect(screen.getByRole('button', { name: 'Listen: no voices installed' })).toHaveAttribute('aria-disabled', 'true');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when no voice speaks the article language', () => {
    installFakeSpeech([voice('de-DE')]);
    renderReader(sampleArticle({ lang: 'ar', dir: 'rtl' }));
    expect(screen.getByRole('button', { name: 'Listen: no voice for this language' })).toBeTruthy();
  });

  it('says when the browser has no speech at all', async () => {
    renderReader();
    expect(screen.getByRole('button', { name: 'Listen: not available in this browser' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'l' }); // and the shortcut does nothing rather than throw
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toBeTruthy());
  });
});
