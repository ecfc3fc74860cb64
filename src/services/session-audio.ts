import { AudioUnavailableError, sharedAudioContext } from '../audio/audio-context';
import { loadEncodedAudio } from '../audio/load-audio';
import { WebAudioPort, type SessionSounds } from '../audio/web-audio-port';
import { ambiencesUsed } from '../engine/script-inventory';
import { codecPreference } from './pack-codec';
import type { AmbienceKind } from '../engine/script-model';
import type { SessionPack } from './session-pack';

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
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const kinds = ambiencesUsed(pack.script);
  const { narration: voice } = pack;
  const [narration, cues, ...beds] = await Promise.all([
    voice ? attempt('The voice', () => loadEncodedAudio(context, voice.audio, voice.base, codecs)) : undefined,
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
    recordings: {},
  };
  return { context, port: new WebAudioPort(context, master, sounds), problems };
}

export { AudioUnavailableError };
