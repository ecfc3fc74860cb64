import { AudioUnavailableError, sharedAudioContext } from '../audio/audio-context';
import { AudioLoadError } from '../audio/load-audio';
import { WebAudioPort, type AmbienceSound, type PersonTake, type SessionSounds } from '../audio/web-audio-port';
import type { EncodedAudio } from '../engine/pack-manifest';
import { templateRecordingSlots, templateTakeLines } from '../engine/plan-template';
import { takeGainDb } from '../engine/take-shape';
import { decodeTake, shapeOfBuffer } from './narration-takes';
import type { AmbienceKind, RecordingSlot } from '../engine/script-model';
import { loadDataServices } from './data-context';
import { loadIntactAudio } from './intact-audio';
import { codecPreference } from './pack-codec';
import { defaultNarrator, narratorNames, type NarratorId } from '../engine/narrators';
import { narrationOf, type SessionPack } from './session-pack';

/** The rate the compiler renders narration at: decoded at it, speech costs half the memory of 48 kHz. */
const narrationSampleRate = 24_000;
/**
 * Ambience is filtered noise and soft sounds with little above 6 kHz: decoded at 16 kHz, a
 * one-minute bed with its sounds takes about 8–12 MB, not 25–36.
 */
const ambienceSampleRate = 16_000;
/** The narrators' speech level (as `takeShape` measures it: −18 dB in the shipped packs) if the narration itself could not be loaded. */
const defaultNarrationLevelDb = -18;

export interface SessionAudio {
  readonly context: AudioContext;
  readonly port: WebAudioPort;
  /** One sentence per sound that could not be loaded; the session plays on without it. */
  readonly problems: readonly string[];
  /** A downloaded file was found damaged: it is dropped from the device and the session should be downloaded again. */
  readonly damagedDownload: boolean;
  /** The narrator whose voice was loaded (the default one when the chosen one could not be). */
  readonly narrator: NarratorId;
}

/** What the person reads for a sound that could not be loaded: which sound, and why in plain words (file names and the browser's words are for developers). */
function problemOf(what: string, error: unknown): string {
  if (error instanceof AudioLoadError && error.damaged) return `${what} arrived damaged, even when fetched again.`;
  return `${what} (${error instanceof AudioLoadError && error.code === 'missing' ? 'its file is missing' : 'its file could not be played'})`;
}

type Attempt = (what: string, audio: EncodedAudio, base: URL, decodeRate?: number) => Promise<AudioBuffer | undefined>;

/** Loads one sound at a time for a session: a failure becomes a sentence in `problems`, a damaged download is noted. */
function attempter(context: BaseAudioContext): { attempt: Attempt; problems: string[]; damaged: () => boolean } {
  const codecs = codecPreference();
  const problems: string[] = [];
  let damagedDownload = false;
  const attempt: Attempt = async (what, audio, base, decodeRate) => {
    try {
      return await loadIntactAudio(context, audio, base, codecs, {
        decodeRate,
        onDamagedDownload: () => {
          damagedDownload = true;
        },
      });
    } catch (error) {
      problems.push(problemOf(what, error));
      return undefined;
    }
  };
  return { attempt, problems, damaged: () => damagedDownload };
}

/**
 * Decodes what a session needs (its narration, the shared cues, the ambience of the choices made
 * so far) onto the shared audio context, each file checked against its manifest first. A part
 * that fails is reported and left out.
 */
export async function loadSessionAudio(pack: SessionPack, narrator: NarratorId = defaultNarrator, ambienceKinds: readonly AmbienceKind[] = []): Promise<SessionAudio> {
  const { context, master } = sharedAudioContext();
  const { attempt, problems, damaged } = attempter(context);
  const chosen = narrationOf(pack, narrator) ? narrator : defaultNarrator;
  const loadVoice = async (): Promise<{ narrator: NarratorId; buffer: AudioBuffer | undefined }> => {
    const voice = narrationOf(pack, chosen);
    if (!voice) return { narrator: chosen, buffer: undefined };
    if (chosen === defaultNarrator) return { narrator: chosen, buffer: await attempt('The voice', voice.audio, voice.base, narrationSampleRate) };
    // Only the default narrator is kept for offline use: without a connection the other one may be missing.
    const other = await loadNarration(context, voice.audio, voice.base).catch(() => undefined);
    if (other) return { narrator: chosen, buffer: other };
    problems.push(`${narratorNames[chosen]} could not be loaded here, so the session uses ${narratorNames[defaultNarrator].toLowerCase()}.`);
    const fallback = narrationOf(pack, defaultNarrator);
    return { narrator: defaultNarrator, buffer: fallback && (await attempt('The voice', fallback.audio, fallback.base, narrationSampleRate)) };
  };
  const [voice, cues, ambience] = await Promise.all([
    loadVoice(),
    attempt('The bells and breath cues', pack.common.cues.audio, pack.commonUrl),
    decodeAmbience(pack, ambienceKinds, {}, attempt),
  ]);
  const sounds: SessionSounds = {
    ...(voice.buffer ? { narration: { buffer: voice.buffer, lines: narrationOf(pack, voice.narrator)?.lines ?? {} } } : {}),
    ...(cues ? { cues: { buffer: cues, clips: pack.common.cues.clips } } : {}),
    ambience,
    recordings: await loadPersonRecordings(context, templateRecordingSlots(pack.template), problems),
    takes: await loadPersonTakes(context, pack, voice.buffer, problems),
  };
  return { context, port: new WebAudioPort(context, master, sounds), problems, damagedDownload: damaged(), narrator: voice.narrator };
}

/**
 * The ambience for `kinds` (the choices the person has made): what is already decoded in `held`
 * is kept, the rest decoded now; kinds not asked for are let go, so only the chosen places are held.
 */
export async function loadAmbience(
  context: BaseAudioContext,
  pack: SessionPack,
  kinds: readonly AmbienceKind[],
  held: SessionSounds['ambience'],
): Promise<{ ambience: SessionSounds['ambience']; problems: string[]; damagedDownload: boolean }> {
  const { attempt, problems, damaged } = attempter(context);
  const ambience = await decodeAmbience(pack, kinds, held, attempt);
  return { ambience, problems, damagedDownload: damaged() };
}

async function decodeAmbience(pack: SessionPack, kinds: readonly AmbienceKind[], held: SessionSounds['ambience'], attempt: Attempt): Promise<SessionSounds['ambience']> {
  const beds = await Promise.all(
    kinds.map(async (kind) => held[kind]?.buffer ?? attempt(`The ${kind} ambience`, pack.common.ambience[kind].audio, pack.commonUrl, ambienceSampleRate)),
  );
  const ambience: Partial<Record<AmbienceKind, AmbienceSound>> = {};
  kinds.forEach((kind, index) => {
    const buffer = beds[index];
    const { loopSeconds, events } = pack.common.ambience[kind];
    // Shared sounds made by an earlier version have no separate events: the bed plays alone.
    if (buffer) ambience[kind] = { buffer, loopSeconds, events: events ?? [] };
  });
  return ambience;
}

/** Decodes one narrator's sprite, checked against its manifest, at the narration's own rate. */
export function loadNarration(context: BaseAudioContext, audio: EncodedAudio, base: URL): Promise<AudioBuffer> {
  return loadIntactAudio(context, audio, base, codecPreference(), { decodeRate: narrationSampleRate, onDamagedDownload: () => undefined });
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

/**
 * The lines the person read in their own voice for this session, decoded at the narration's rate,
 * trimmed to their speech and brought to the narration's loudness (its speech level, measured the
 * same way). A line without a take, or whose take cannot be decoded, is read by the narrator.
 */
async function loadPersonTakes(context: AudioContext, pack: SessionPack, narration: AudioBuffer | undefined, problems: string[]): Promise<Record<string, PersonTake>> {
  const takes: Record<string, PersonTake> = {};
  const lines = new Set(templateTakeLines(pack.template).map((line) => line.key));
  try {
    const services = await loadDataServices();
    const recorded = (await services.takes.of(pack.id)).filter((take) => take.line && lines.has(take.line.key));
    if (recorded.length === 0) return takes;
    const narrationLevel = (narration && shapeOfBuffer(narration)?.levelDb) ?? defaultNarrationLevelDb;
    let unreadable = 0;
    for (const take of recorded) {
      const { line, shape } = take;
      if (!line || !shape) continue;
      try {
        const buffer = await decodeTake(await services.takes.bytes(take), context);
        const end = Math.min(shape.end, buffer.duration);
        if (end > shape.start) takes[line.key] = { buffer, start: shape.start, duration: end - shape.start, gain: 10 ** (takeGainDb(shape, narrationLevel) / 20) };
      } catch {
        unreadable += 1;
      }
    }
    if (unreadable > 0) problems.push(`${String(unreadable)} of the lines you read could not be played here, so the narrator reads them.`);
  } catch {
    problems.push('The lines you read in your own voice could not be played here, so the narrator reads them.');
  }
  return takes;
}
