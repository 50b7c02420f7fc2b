/**
 * A small, honest stand-in for the Web Speech API (jsdom has none): utterances queue and play one at a
 * time, events arrive asynchronously as in browsers, cancel() interrupts the current utterance with an
 * 'interrupted' error and drops the queue, and voices can arrive late with a 'voiceschanged' event.
 * The test plays the clock: `finishCurrent()` ends the utterance being spoken.
 */
import type { Speech } from '../../src/ui/tts/controller';
import type { VoiceLike } from '../../src/ui/tts/voices';

export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: VoiceLike | null = null;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

const later = (fn: () => void) => queueMicrotask(fn);

export class FakeSpeechSynthesis extends EventTarget {
  queue: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  /** Every utterance that started, in order. */
  started: FakeUtterance[] = [];
  constructor(public voices: VoiceLike[] = []) {
    super();
  }
  get speaking() {
    return this.current !== null;
  }
  getVoices() {
    return [...this.voices];
  }
  speak(u: FakeUtterance) {
    this.queue.push(u);
    if (!this.current) this.next();
  }
  cancel() {
    const interrupted = this.current;
    this.queue = [];
    this.current = null;
    if (interrupted) later(() => interrupted.onerror?.({ error: 'interrupted' }));
  }
  /** The utterance being spoken reaches its end; the next one in the queue starts. */
  async finishCurrent() {
    const done = this.current;
    if (!done) throw new Error('nothing is being spoken');
    this.current = null;
    await new Promise<void>((r) => later(() => (done.onend?.(), r())));
    if (!this.current) this.next();
    await settle();
  }
  /** The engine fails on the current utterance (a voice that crashed, say). */
  async failCurrent(error = 'synthesis-failed') {
    const failed = this.current!;
    this.current = null;
    await new Promise<void>((r) => later(() => (failed.onerror?.({ error }), r())));
    await settle();
  }
  /** Voices arrive after the page loaded, as in Chrome. */
  setVoices(voices: VoiceLike[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
  private next() {
    const u = this.queue.shift();
    if (!u) return;
    this.current = u;
    this.started.push(u);
    later(() => u.onstart?.());
  }
}

/** Let queued microtasks and promise callbacks run. */
export const settle = () => new Promise<void>((r) => setTimeout(r, 0));

export function voice(lang: string, name = `Voice ${lang}`, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { voiceURI: name, name, lang, localService: true, default: false, ...extra };
}

/** Put a fake speechSynthesis on window for a component test; returns it. */
export function installFakeSpeech(voices: VoiceLike[] = []): FakeSpeechSynthesis {
  const synth = new FakeSpeechSynthesis(voices);
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance });
  return synth;
}

export function uninstallFakeSpeech() {
  const w = window as unknown as Record<string, unknown>;
  delete w.speechSynthesis;
  delete w.SpeechSynthesisUtterance;
}

/** The fake in the shape SpeechController takes (the DOM types' event handler signatures are wider). */
export function asSpeech(synth: FakeSpeechSynthesis): Speech {
  return { synth: synth as unknown as Speech['synth'], Utterance: FakeUtterance as unknown as Speech['Utterance'] };
}
