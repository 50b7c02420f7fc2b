import { useEffect, useState } from 'preact/hooks';
import { type VoiceLike, localVoices } from './voices';

/** How long to wait for voices to load before saying there are none (Chrome loads them after page load). */
export const VOICES_WAIT_MS = 2000;

type Synth = Pick<SpeechSynthesis, 'getVoices' | 'addEventListener' | 'removeEventListener'>;

/** The page's speechSynthesis, or null where the browser has none. */
export function speechSynth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
}

/** The local voices: null while they may still be loading, [] once we know there are none. */
export function useVoices(synth: Synth | null): VoiceLike[] | null {
  const [voices, setVoices] = useState<VoiceLike[] | null>(() => {
    const now = synth ? localVoices(synth.getVoices()) : [];
    return now.length > 0 || !synth ? now : null;
  });
  useEffect(() => {
    if (!synth) return;
    const update = () => {
      const now = localVoices(synth.getVoices());
      if (now.length > 0) setVoices(now);
    };
    synth.addEventListener('voiceschanged', update);
    const timer = setTimeout(() => setVoices((v) => v ?? localVoices(synth.getVoices())), VOICES_WAIT_MS);
    return () => {
      synth.removeEventListener('voiceschanged', update);
      clearTimeout(timer);
    };
  }, [synth]);
  return voices;
}
