import { type ListenState, SpeechController } from '../../../../src/ui/tts/controller';
import { FakeSpeechSynthesis, asSpeech, settle, voice } from '../../../helpers/fake-speech';

const SENTENCES = ['One.', 'Two.', 'Three.'];

function setup(rate = 1) {
  const synth = new FakeSpeechSynthesis([voice('en-US')]);
  const log: Array<[ListenState, number]> = [];
  const errors: string[] = [];
  const controller = new SpeechController(
    asSpeech(synth),
    SENTENCES,
    { voice: synth.voices[0]!, lang: 'en', rate },
    { onChange: (s, i) => log.push([s, i]), onError: (e) => errors.push(e) },
  );
  return { synth, controller, log, errors };
}

describe('SpeechController', () => {
  it('reads sentence by sentence with the chosen voice and speed, then stops', async () => {
    const { synth, controller, log } = setup(1.25);
    controller.play();
    expect(synth.current?.text).toBe('One.');
    expect(synth.current).toMatchObject({ rate: 1.25, lang: 'en-US', voice: synth.voices[0] });
    await synth.finishCurrent();
    expect(synth.current?.text).toBe('Two.');
    await synth.finishCurrent();
    await synth.finishCurrent();
    expect(synth.current).toBeNull();
    expect(controller.state).toBe('idle');
    expect(log).toEqual([['playing', 0], ['playing', 0], ['playing', 1], ['playing', 2], ['idle', -1]]);
  });

  it('pauses, and resumes at the start of the same sentence', async () => {
    const { synth, controller } = setup();
    controller.play();
    await synth.finishCurrent();
    controller.pause();
    await settle(); // the 'interrupted' error of the cancelled utterance arrives: it must not skip ahead
    expect(synth.current).toBeNull();
    expect(controller.state).toBe('paused');
    controller.toggle();
    expect(synth.current?.text).toBe('Two.');
    expect(synth.started.map((u) => u.text)).toEqual(['One.', 'Two.', 'Two.']);
  });

  it('stop goes back to the beginning', async () => {
    const { synth, controller } = setup();
    controller.play();
    await synth.finishCurrent();
    controller.stop();
    await settle();
    expect(controller.state).toBe('idle');
    controller.play();
    expect(synth.current?.text).toBe('One.');
  });

  it('a new speed restarts the current sentence at that speed', async () => {
    const { synth, controller } = setup();
    controller.play();
    await synth.finishCurrent();
    controller.setRate(2);
    await settle();
    expect(synth.current).toMatchObject({ text: 'Two.', rate: 2 });
    await synth.finishCurrent();
    expect(synth.current).toMatchObject({ text: 'Three.', rate: 2 });
  });

  it('a new voice restarts the current sentence with that voice', async () => {
    const { synth, controller } = setup();
    controller.play();
    const other = voice('en-GB', 'Other');
    controller.setVoice(other);
    await settle();
    expect(synth.current).toMatchObject({ text: 'One.', voice: other, lang: 'en-GB' });
  });

  it('an engine error stops reading and is reported', async () => {
    const { synth, controller, errors } = setup();
    controller.play();
    await synth.failCurrent('audio-busy');
    expect(controller.state).toBe('idle');
    expect(errors).toEqual(['audio-busy']);
    expect(synth.current).toBeNull();
  });
});
