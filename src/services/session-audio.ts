import { AudioUnavailableError, sharedAudioContext } from '../audio/audio-context';
import { AudioLoadError, loadEncodedAudio } from '../audio/load-audio';
import { WebAudioPort, type SessionSounds } from '../audio/web-audio-port';
import { ambiencesUsed, recordingSlotsUsed } from '../engine/script-inventory';
import type { AmbienceKind, RecordingSlot } from '../engine/script-model';
import { loadDataServices } from './data-context';
import { codecPreference } from './pack-codec';
import type { SessionPack } from './session-pack';

/** The rate the compiler renders narration at: decoded at it, speech costs a third of the memory. */
const narrationSampleRate = 16_000;

export interface SessionAudio {
  readonly context: AudioContext;
  readonly port: WebAudioPort;
  /** One sentence per sound that could not be loaded; the session plays on without it. */
  readonly problems: readonly string[];
}

/**
 * Decodes what a session needs (its narration, the shared cues, the ambience loops its script
 * uses) onto the shared audio context. A part that fails is reported and left out.
 */
export async function loadSessionAudio(pack: SessionPack): Promise<SessionAudio> {
  const { context, master } = sharedAudioContext();
  const codecs = codecPreference();
  const problems: string[] = [];
  const attempt = async <T>(what: string, load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (error) {
      // The file's name and the browser's words are for developers: the person reads which sound, and why in plain words.
      problems.push(`${what} (${error instanceof AudioLoadError && error.code === 'missing' ? 'its file is missing' : 'its file could not be played'})`);
      return undefined;
    }
  };
  const kinds = ambiencesUsed(pack.script);
  const { narration: voice } = pack;
  const [narration, cues, ...beds] = await Promise.all([
    voice ? attempt('The voice', () => loadEncodedAudio(context, voice.audio, voice.base, codecs, { decodeRate: narrationSampleRate })) : undefined,
    attempt('The bells and breath cues', () => loadEncodedAudio(context, pack.common.cues.audio, pack.commonUrl, codecs)),
    ...kinds.map((kind) => attempt(`The ${kind} ambience`, () => loadEncodedAudio(context, pack.common.ambience[kind].audio, pack.commonUrl, codecs))),
  ]);
  const ambience: Partial<Record<AmbienceKind, { buffer: AudioBuffer; loopSeconds: number }>> = {};
  kinds.forEach((kind, index) => {
    const buffer = beds[index];
    if (buffer) ambience[kind] = { buffer, loopSeconds: pack.common.ambience[kind].loopSeconds };
  });
  const sounds: SessionSounds = {
    ...(narration ? { narration: { buffer: narration, lines: pack.lines } } : {}),
    ...(cues ? { cues: { buffer: cues, clips: pack.common.cues.clips } } : {}),
    ambience,
    recordings: await loadPersonRecordings(context, recordingSlotsUsed(pack.script), problems),
  };
  return { context, port: new WebAudioPort(context, master, sounds), problems };
}

export { AudioUnavailableError };

/**
 * The person's own recordings for the slots a session plays (their letter, in their voice),
 * decoded from the bytes kept on the device. A slot with nothing recorded is simply absent: the
 * session speaks its fallback line there.
 */
async function loadPersonRecordings(context: AudioContext, slots: readonly RecordingSlot[], problems: string[]): Promise<Partial<Record<RecordingSlot, AudioBuffer>>> {
  const buffers: Partial<Record<RecordingSlot, AudioBuffer>> = {};
  if (slots.length === 0) return buffers;
  try {
    const services = await loadDataServices();
    for (const slot of slots) {
      const recording = await services.recordings.find(slot);
      if (!recording) continue;
      const blob = await services.recordings.audio(recording);
      buffers[slot] = await context.decodeAudioData(await blob.arrayBuffer());
    }
  } catch {
    problems.push('Your own recording could not be played here, so the session speaks its words instead.');
  }
  return buffers;
}
