/** The voice fields Lectern uses (SpeechSynthesisVoice has them; tests can give plain objects). */
export type VoiceLike = Pick<SpeechSynthesisVoice, 'voiceURI' | 'name' | 'lang' | 'localService' | 'default'>;

const norm = (lang: string) => lang.replace(/_/g, '-').toLowerCase();
const base = (lang: string) => norm(lang).split('-')[0];

/**
 * Only voices on this computer: a remote voice (Chrome's "Google …" voices) sends the article's text to a
 * server, and Lectern promises that nothing leaves the browser.
 */
export function localVoices<V extends VoiceLike>(voices: readonly V[]): V[] {
  return voices.filter((v) => v.localService);
}

/** True when `voice` speaks `lang` (any region); every voice does when the language is unknown. */
export function speaksLanguage(voice: VoiceLike, lang: string | null): boolean {
  return !lang || base(voice.lang) === base(lang);
}

/**
 * The voice to read an article in `lang` with: the user's chosen voice when it speaks that language,
 * else the best match (same language and region, then same language, then the system default).
 * Null when no voice speaks the language.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string | null, preferredURI?: string): V | null {
  const want = lang ? norm(lang) : null;
  const speaks = (v: V) => speaksLanguage(v, lang);
  const preferred = preferredURI ? voices.find((v) => v.voiceURI === preferredURI && speaks(v)) : undefined;
  if (preferred) return preferred;
  const rank = (v: V) => (want && norm(v.lang) === want ? 2 : 0) + (v.default ? 1 : 0);
  const candidates = voices.filter(speaks).sort((a, b) => rank(b) - rank(a));
  return candidates[0] ?? null;
}
