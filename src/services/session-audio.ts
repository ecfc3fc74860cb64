import { AudioUnavailableError, sharedAudioContext } from '../audio/audio-context';
import { AudioLoadError } from '../audio/load-audio';
import { WebAudioOutput } from '../audio/web-audio-output';
import { WebAudioPort, type AmbienceSound, type PersonTake, type SessionSounds } from '../audio/web-audio-port';
import type { SessionOutput, SoundNeeds, SoundsReport } from '../engine/audio-port';
import type { EncodedAudio } from '../engine/pack-manifest';
import { templateRecordingSlots, templateTakeLines } from '../engine/plan-template';
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
 * A session's sound on the shared audio context, opened at once: the person's own recordings and
 * takes (their lengths shape the plan) are decoded now, from the device; the pack's narration,
 * cues and ambience when the player asks for them (`prepare`), so the session's screen is ready
 * while they decode. Throws `AudioUnavailableError` where there is no sound at all.
 */
export async function openSessionOutput(pack: SessionPack): Promise<{ readonly output: SessionOutput; readonly problems: readonly string[] }> {
  const { context, master } = sharedAudioContext();
  const problems: string[] = [];
  const recordings = await loadPersonRecordings(context, templateRecordingSlots(pack.template), problems);
  const takes = await loadPersonTakes(context, pack, problems);
  const port = new WebAudioPort(context, master, { ambience: {}, recordings, takes });
  return { output: new WebAudioOutput(context, port, new PackSounds(context, port, pack)), problems };
}

/**
 * Decodes one pack's sounds into its port as plans need them, one request after another: the
 * shared cues once, the narrator asked for (only the default one is kept for offline use, so
 * another that cannot be loaded gives way to it), and the ambience of the chosen places. A sound
 * that failed is not tried again while the session is open: what the person was told stays true.
 */
class PackSounds {
  private queue: Promise<unknown> = Promise.resolve();
  private narrator: NarratorId | undefined;
  private cuesAsked = false;
  private readonly failedVoices = new Set<NarratorId>();
  private readonly failedAmbience = new Set<AmbienceKind>();

  constructor(
    private readonly context: AudioContext,
    private readonly port: WebAudioPort,
    private readonly pack: SessionPack,
  ) {}

  prepare(needs: SoundNeeds): Promise<SoundsReport> {
    const report = this.queue.then(() => this.load(needs));
    this.queue = report.catch(() => undefined);
    return report;
  }

  private async load(needs: SoundNeeds): Promise<SoundsReport> {
    const { attempt, problems, damaged } = attempter(this.context);
    const [narrator] = await Promise.all([this.loadVoice(needs.narrator ?? defaultNarrator, attempt, problems), this.loadCues(attempt), this.loadAmbience(needs.ambience, attempt)]);
    return { problems, damagedDownload: damaged(), narrator };
  }

  private async loadVoice(asked: NarratorId, attempt: Attempt, problems: string[]): Promise<NarratorId | undefined> {
    const wanted = narrationOf(this.pack, asked) && !this.failedVoices.has(asked) ? asked : defaultNarrator;
    if (wanted === this.narrator || !narrationOf(this.pack, wanted) || this.failedVoices.has(wanted)) return this.narrator;
    const buffer = await this.decodeVoice(wanted, attempt);
    if (buffer) return this.useVoice(wanted, buffer);
    if (wanted === defaultNarrator) return this.narrator;
    const fallback = this.narrator ?? defaultNarrator;
    problems.push(`${narratorNames[wanted]} could not be loaded here, so the session uses ${narratorNames[fallback].toLowerCase()}.`);
    if (this.narrator || this.failedVoices.has(defaultNarrator)) return this.narrator;
    const defaultBuffer = await this.decodeVoice(defaultNarrator, attempt);
    return defaultBuffer ? this.useVoice(defaultNarrator, defaultBuffer) : undefined;
  }

  private async decodeVoice(narrator: NarratorId, attempt: Attempt): Promise<AudioBuffer | undefined> {
    const voice = narrationOf(this.pack, narrator);
    if (!voice) return undefined;
    const buffer =
      narrator === defaultNarrator
        ? await attempt('The voice', voice.audio, voice.base, narrationSampleRate)
        : // Only the default narrator is kept for offline use: without a connection the other one may be missing (said by the caller).
          await loadIntactAudio(this.context, voice.audio, voice.base, codecPreference(), { decodeRate: narrationSampleRate, onDamagedDownload: () => undefined }).catch(() => undefined);
    if (!buffer) this.failedVoices.add(narrator);
    return buffer;
  }

  private useVoice(narrator: NarratorId, buffer: AudioBuffer): NarratorId {
    const lines = narrationOf(this.pack, narrator)?.lines ?? {};
    // The person's takes are matched to the narration's speech level, measured as theirs is (only needed when there are takes).
    const levelDb = Object.keys(this.port.takes).length > 0 ? shapeOfBuffer(buffer)?.levelDb : undefined;
    this.port.useNarration({ buffer, lines, ...(levelDb === undefined ? {} : { levelDb }) });
    this.narrator = narrator;
    return narrator;
  }

  private async loadCues(attempt: Attempt): Promise<void> {
    if (this.cuesAsked) return;
    this.cuesAsked = true;
    const cues = await attempt('The bells and breath cues', this.pack.common.cues.audio, this.pack.commonUrl);
    if (cues) this.port.useCues({ buffer: cues, clips: this.pack.common.cues.clips });
  }

  private async loadAmbience(asked: readonly AmbienceKind[], attempt: Attempt): Promise<void> {
    const held = this.port.ambienceSounds;
    const kinds = asked.filter((kind) => !this.failedAmbience.has(kind));
    if (kinds.length === Object.keys(held).length && kinds.every((kind) => kind in held)) return;
    const ambience = await decodeAmbience(this.pack, kinds, held, attempt);
    for (const kind of kinds) if (!(kind in ambience)) this.failedAmbience.add(kind);
    this.port.useAmbience(ambience);
  }
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
 * with where their speech lies and its level (the port brings it to the narration's). A line without a take, or whose take cannot be decoded, is read by the narrator.
 */
async function loadPersonTakes(context: AudioContext, pack: SessionPack, problems: string[]): Promise<Record<string, PersonTake>> {
  const takes: Record<string, PersonTake> = {};
  const lines = new Set(templateTakeLines(pack.template).map((line) => line.key));
  try {
    const services = await loadDataServices();
    const recorded = (await services.takes.of(pack.id)).filter((take) => take.line && lines.has(take.line.key));
    if (recorded.length === 0) return takes;
    let unreadable = 0;
    for (const take of recorded) {
      const { line, shape } = take;
      if (!line || !shape) continue;
      try {
        const buffer = await decodeTake(await services.takes.bytes(take), context);
        const end = Math.min(shape.end, buffer.duration);
        if (end > shape.start) takes[line.key] = { buffer, start: shape.start, duration: end - shape.start, levelDb: shape.levelDb };
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
