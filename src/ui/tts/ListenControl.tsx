import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { RANGES } from '../../shared/settings';
import { ReaderContext } from '../settings/context';
import { type ListenState, SpeechController } from './controller';
import { type DomSentence, collectSentences, sentenceRange } from './dom-sentences';
import { highlightRange, keepInView } from './sentence-highlight';
import { speechSynth, useVoices } from './useVoices';
import type { VoiceLike } from './voices';
import { pickVoice, speaksLanguage } from './voices';

/** Offered only when more than one voice speaks the language; the choice is remembered (and synced). */
function VoiceChoice({ voices, current, onChoose }: { voices: VoiceLike[]; current: string; onChoose: (uri: string) => void }) {
  if (voices.length < 2) return null;
  return (
    <label class="listen-voice">
      {t('listenVoice')}{' '}
      <select value={current} onChange={(e) => onChoose(e.currentTarget.value)}>
        {voices.map((v) => <option key={v.voiceURI} value={v.voiceURI}>{v.name}</option>)}
      </select>
    </label>
  );
}

const RATES: number[] = [];
for (let r: number = RANGES.ttsRate.min; r <= RANGES.ttsRate.max; r += RANGES.ttsRate.step) RATES.push(r);

/** Listen: reads the article aloud with a local voice for its language, highlighting each sentence. */
export function ListenControl({ lang }: { lang: string | null }) {
  const ctx = useContext(ReaderContext)!;
  const synth = speechSynth();
  const voices = useVoices(synth);
  const voice = voices ? pickVoice(voices, lang, ctx.settings.ttsVoice) : null;
  const [state, setState] = useState<ListenState>('idle');
  const [failed, setFailed] = useState(false);
  const controller = useRef<SpeechController | null>(null);
  const self = useRef<HTMLDivElement>(null);

  const start = () => {
    const body = self.current?.closest('article')?.querySelector('.reader-content');
    if (!synth || !voice || !body) return;
    const sentences: DomSentence[] = collectSentences(body, lang);
    setFailed(false);
    controller.current = new SpeechController({ synth, Utterance: window.SpeechSynthesisUtterance }, sentences.map((s) => s.text), { voice, lang, rate: ctx.settings.ttsRate }, {
      onChange: (next, index) => {
        setState(next);
        const s = sentences[index];
        keepInView(highlightRange(() => (s ? sentenceRange(s) : null), s?.block ?? null));
      },
      onError: () => setFailed(true),
    });
    controller.current.play();
  };
  const toggle = () => (controller.current && controller.current.state !== 'idle' ? controller.current.toggle() : start());

  ctx.listenToggle.current = voice ? toggle : null;
  // Closing the reader stops the voice; pagehide too, in case the engine would outlive the page.
  useEffect(() => {
    const stop = () => controller.current?.stop();
    window.addEventListener('pagehide', stop);
    return () => (window.removeEventListener('pagehide', stop), stop());
  }, []);
  useEffect(() => controller.current?.setRate(ctx.settings.ttsRate), [ctx.settings.ttsRate]);
  useEffect(() => controller.current?.setVoice(voice), [voice?.voiceURI]);

  let unavailable: string | null = null;
  if (!synth) unavailable = 'listenUnsupported';
  else if (voices && voices.length === 0) unavailable = 'listenNoVoices';
  else if (voices && !voice) unavailable = 'listenNoVoiceForLanguage';
  if (unavailable) return <button type="button" class="listen-unavailable" aria-disabled="true">{t(unavailable)}</button>;

  const label = state === 'playing' ? 'listenPause' : state === 'paused' ? 'listenResume' : 'listen';
  return (
    <div class="listen" ref={self} role="group" aria-label={t('listen')}>
      <button type="button" aria-disabled={!voice} onClick={toggle}>{t(label)}</button>
      {state !== 'idle' && <button type="button" onClick={() => controller.current?.stop()}>{t('listenStop')}</button>}
      {state !== 'idle' && (
        <label class="listen-speed">
          {t('listenSpeed')}{' '}
          <select value={String(ctx.settings.ttsRate)} onChange={(e) => ctx.update({ ttsRate: Number(e.currentTarget.value) })}>
            {RATES.map((r) => <option key={r} value={String(r)}>{t('listenSpeedValue', String(r))}</option>)}
          </select>
        </label>
      )}
      {state !== 'idle' && voices && voice && (
        <VoiceChoice voices={voices.filter((v) => speaksLanguage(v, lang))} current={voice.voiceURI} onChoose={(ttsVoice) => ctx.update({ ttsVoice })} />
      )}
      {failed && <span class="listen-note" role="status">{t('listenFailed')}</span>}
    </div>
  );
}
