import { splitSentences, splitSentencesByPunctuation } from '../../../../src/ui/tts/sentences';
import { pickVoice, localVoices } from '../../../../src/ui/tts/voices';
import { voice } from '../../../helpers/fake-speech';

const texts = (spans: { text: string }[]) => spans.map((s) => s.text);

describe.each([
  ['Intl.Segmenter', (text: string, lang: string | null) => splitSentences(text, lang)],
  ['punctuation fallback', (text: string) => splitSentencesByPunctuation(text)],
])('sentence splitting (%s)', (_name, split) => {
  it('splits English prose and trims the spaces between sentences', () => {
    const text = '  The council met on Tuesday. It voted to reopen the library! Will it open in May?  Yes. ';
    const spans = split(text, 'en');
    expect(texts(spans)).toEqual(['The council met on Tuesday.', 'It voted to reopen the library!', 'Will it open in May?', 'Yes.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text); // offsets point back into the text
  });

  it('splits Arabic and Japanese at their own sentence marks', () => {
    expect(texts(split('أعيد افتتاح المكتبة. هل زرتها؟ نعم.', 'ar'))).toEqual(['أعيد افتتاح المكتبة.', 'هل زرتها؟', 'نعم.']);
    expect(texts(split('図書館が再開した。とても嬉しい！', 'ja'))).toEqual(['図書館が再開した。', 'とても嬉しい！']);
  });

  it('keeps a closing quote with its sentence and drops punctuation-only pieces', () => {
    expect(texts(split('“We are back.” She smiled. … ', 'en'))).toEqual(['“We are back.”', 'She smiled.']);
    expect(split('   ', 'en')).toEqual([]);
    expect(texts(split('No full stop at the end', 'en'))).toEqual(['No full stop at the end']);
  });
});

it('survives a malformed language tag from the page', () => {
  expect(texts(splitSentences('One. Two.', 'not a language!!'))).toEqual(['One.', 'Two.']);
});

describe('voice choice', () => {
  const voices = [voice('en-US', 'US', { default: true }), voice('en-GB', 'UK'), voice('de-DE', 'DE'), voice('fr-FR', 'FR remote', { localService: false })];

  it('prefers the exact language and region, then the language', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('UK');
    expect(pickVoice(voices, 'en')?.name).toBe('US');
    expect(pickVoice(voices, 'de-AT')?.name).toBe('DE');
    expect(pickVoice(voices, 'DE_de')?.name).toBe('DE');
  });

  it("honours the user's voice only when it speaks the article's language", () => {
    expect(pickVoice(voices, 'en-US', 'UK')?.name).toBe('UK');
    expect(pickVoice(voices, 'de', 'UK')?.name).toBe('DE');
  });

  it('has no voice for a language nobody speaks; remote voices are never used', () => {
    expect(pickVoice(voices, 'ar')).toBeNull();
    expect(pickVoice(localVoices(voices), 'fr')).toBeNull();
    expect(pickVoice(voices, null)?.name).toBe('US'); // no language given: the default voice
  });
});
