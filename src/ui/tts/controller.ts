import type { VoiceLike } from './voices';

export type ListenState = 'idle' | 'playing' | 'paused';

/** The parts of the Web Speech API the controller uses; the page's own, or a fake in tests. */
export interface Speech {
  synth: Pick<SpeechSynthesis, 'speak' | 'cancel'>;
  Utterance: new (text: string) => SpeechSynthesisUtterance;
}

export interface ControllerEvents {
  /** The sentence now being read (-1: none), and the state. */
  onChange(state: ListenState, index: number): void;
  /** The voice failed (not our own cancel): reading stopped. */
  onError(error: string): void;
}

/**
 * Reads a list of sentences one utterance at a time, so the current sentence is known (to highlight it),
 * speed changes take effect at once, and Chrome's cut-off of long utterances never applies. Pausing
 * cancels and remembers the sentence, because speechSynthesis.pause() is unreliable across engines.
 */
export class SpeechController {
  state: ListenState = 'idle';
  index = 0;
  /** Bumped on every start and cancel: events from a cancelled utterance carry an old number and are ignored. */
  private generation = 0;

  constructor(
    private speech: Speech,
    private sentences: readonly string[],
    private options: { voice: VoiceLike | null; lang: string | null; rate: number },
    private events: ControllerEvents,
  ) {}

  play() {
    if (this.state === 'playing') return;
    this.set('playing');
    this.speakCurrent();
  }

  pause() {
    if (this.state !== 'playing') return;
    this.cancel();
    this.set('paused');
  }

  toggle() {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  stop() {
    this.cancel();
    this.index = 0;
    this.set('idle');
  }

  /** A new speed or voice restarts the current sentence with it. */
  setRate(rate: number) {
    this.options.rate = rate;
    this.restartSentence();
  }

  setVoice(voice: VoiceLike | null) {
    this.options.voice = voice;
    this.restartSentence();
  }

  private restartSentence() {
    if (this.state !== 'playing') return;
    this.cancel();
    this.speakCurrent();
  }

  private cancel() {
    this.generation++;
    this.speech.synth.cancel();
  }

  private set(state: ListenState) {
    this.state = state;
    this.events.onChange(state, state === 'idle' ? -1 : this.index);
  }

  private speakCurrent() {
    const sentence = this.sentences[this.index];
    if (sentence === undefined) return this.stop();
    const generation = ++this.generation;
    const u = new this.speech.Utterance(sentence);
    u.rate = this.options.rate;
    if (this.options.voice) u.voice = this.options.voice;
    u.lang = this.options.voice?.lang ?? this.options.lang ?? '';
    u.onend = () => {
      if (generation !== this.generation) return;
      this.index++;
      this.speakCurrent();
    };
    u.onerror = (e: SpeechSynthesisErrorEvent) => {
      // 'interrupted'/'canceled' follow our own cancel(); those carry an old generation anyway.
      if (generation !== this.generation || e.error === 'interrupted' || e.error === 'canceled') return;
      this.stop();
      this.events.onError(e.error);
    };
    this.events.onChange(this.state, this.index);
    this.speech.synth.speak(u);
  }
}
