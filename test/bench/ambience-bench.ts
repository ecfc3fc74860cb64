// Ambience figures per session: how far under the voice it sits while the voice speaks (from the
// shipped files, mixed as the plan mixes them), its loop length, its events per minute, and how
// often the breath words are spoken; and per ambience, whether 20 minutes of it repeat at its loop.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { integratedLoudness } from '../../src/compiler/render/loudness-lufs';
import { ambienceEventsOf } from '../../src/engine/ambience-plan';
import type { CommonManifest, SessionManifest, SpriteClip } from '../../src/engine/pack-manifest';
import { stretchTemplate, templateChoices } from '../../src/engine/plan-template';
import type { AmbienceKind } from '../../src/engine/script-model';
import type { SessionPlan, TimelineEvent } from '../../src/engine/timeline';
import { decodeWithFfmpeg, ffmpegLoudness } from './decode-audio';

const packsDir = 'public/packs';
const rate = 24_000;

export interface AmbienceSessionFigures {
  readonly session: string;
  readonly minutes: number;
  /** The ambiences the session can play, on any branch. */
  readonly ambience: string;
  /** ffmpeg ebur128 on the whole narration file (mono), as the voice's reference. */
  readonly voiceFileLufs: number;
  /** The voice's lines (mono) and the ambience under them, each measured in code (BS.1770). */
  readonly voiceLufs: number;
  readonly ambienceLufs: number;
  /** The smallest margin over the session's branches; at the speakers the mono voice is 3 LU louder still. */
  readonly ambienceLuUnderVoice: number;
  readonly loopSeconds: number;
  readonly eventsPerMinute: number;
  /** "Breathe in" / "Hold" / "And out" clips at the default length, and at 20 minutes. */
  readonly breathWords: number;
  readonly breathWordsAt20Minutes: number | null;
}

export interface AmbienceRepeatFigures {
  readonly ambience: AmbienceKind;
  readonly loopSeconds: number;
  readonly eventsPerMinute: number;
  /** Correlation of 20 minutes of the ambience with itself one loop later: the samples, then the 100 ms level (dB). */
  readonly sampleCorrelationAtLoop: number;
  readonly levelCorrelationAtLoop: number;
}

interface AmbienceFile {
  readonly channels: Float32Array[];
  readonly loopFrames: number;
  readonly events: readonly SpriteClip[];
}


export function benchAmbience(): { sessions: AmbienceSessionFigures[]; repeats: AmbienceRepeatFigures[] } {
  // The shipped packs, written by this repository's compiler.
  const common = JSON.parse(readFileSync(join(packsDir, 'common', 'common.json'), 'utf8')) as CommonManifest;
  const files = new Map<AmbienceKind, AmbienceFile>();
  const fileOf = (kind: AmbienceKind): AmbienceFile => {
    const known = files.get(kind);
    if (known) return known;
    const loop = common.ambience[kind];
    const decoded = { channels: decodeWithFfmpeg(join(packsDir, 'common', loop.audio.webm.path), rate, 2), loopFrames: Math.round(loop.loopSeconds * rate), events: loop.events ?? [] };
    files.set(kind, decoded);
    return decoded;
  };
  const ids = readdirSync(packsDir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() && entry.name !== 'common' ? [entry.name] : []));
  const sessions = ids.flatMap((id) => {
    const manifest = JSON.parse(readFileSync(join(packsDir, id, 'manifest.json'), 'utf8')) as SessionManifest;
    const plans = branchPlans(manifest);
    const kinds = [...new Set(plans.flatMap((plan) => plan.events.flatMap((event) => (event.kind === 'ambience' && event.ambience ? [event.ambience] : []))))];
    if (kinds.length === 0) return [];
    const narrationPath = join(packsDir, id, manifest.narration.webm.path);
    const [narration = new Float32Array(0)] = decodeWithFfmpeg(narrationPath, rate, 1);
    const measured = plans.map((plan) => speechMix(plan, manifest, narration, fileOf));
    const worst = measured.reduce((low, figures) => (figures.voice - figures.ambience < low.voice - low.ambience ? figures : low));
    const ambienceMinutes = plans.map((plan) => ambienceSeconds(plan) / 60);
    const events = plans.map((plan) => plan.events.filter((event) => event.kind === 'ambience-event').length);
    const twenty = manifest.template.length.max >= 20 ? stretchTemplate(manifest.template, { minutes: 20 }) : undefined;
    return [
      {
        session: id,
        minutes: manifest.template.length.default,
        ambience: kinds.join(' / '),
        voiceFileLufs: ffmpegLoudness(narrationPath),
        voiceLufs: round(worst.voice),
        ambienceLufs: round(worst.ambience),
        ambienceLuUnderVoice: round(worst.voice - worst.ambience),
        loopSeconds: Math.max(...kinds.map((kind) => common.ambience[kind].loopSeconds)),
        eventsPerMinute: round(events.reduce((sum, count) => sum + count, 0) / ambienceMinutes.reduce((sum, minutes) => sum + minutes, 0)),
        breathWords: wordCues(plans[0]),
        breathWordsAt20Minutes: twenty ? wordCues(twenty) : null,
      },
    ];
  });
  const repeats = (Object.keys(common.ambience) as AmbienceKind[]).map((kind) => repeatFigures(kind, fileOf(kind)));
  return { sessions, repeats };
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** The plan at its default length, and once for each option of each choice. */
function branchPlans(manifest: SessionManifest): SessionPlan[] {
  const minutes = manifest.template.length.default;
  const options = templateChoices(manifest.template).flatMap((choice) => choice.options.map((option) => ({ [choice.name]: option.id })));
  return (options.length > 0 ? options : [{}]).map((choices) => stretchTemplate(manifest.template, { minutes, choices }));
}

const wordCues = (plan: SessionPlan | undefined): number => plan?.events.filter((event) => event.kind === 'cue' && event.sound.startsWith('word-')).length ?? 0;

function ambienceSeconds(plan: SessionPlan): number {
  const changes = plan.events.filter((event) => event.kind === 'ambience');
  return changes.reduce((sum, change, index) => sum + (change.ambience ? (changes[index + 1]?.at ?? plan.duration) - change.at : 0), 0);
}

type AmbienceChange = Extract<TimelineEvent, { kind: 'ambience' }>;
type AmbienceEvent = Extract<TimelineEvent, { kind: 'ambience-event' }>;

/**
 * The voice's lines joined (mono) and what the ambience plays under them (stereo), at the plan's
 * volumes, fades and event times, the ambience bus at full: their loudness in LUFS.
 */
function speechMix(plan: SessionPlan, manifest: SessionManifest, narration: Float32Array, fileOf: (kind: AmbienceKind) => AmbienceFile): { voice: number; ambience: number } {
  const voices = plan.events.filter((event) => event.kind === 'voice');
  const changes = plan.events.filter((event): event is AmbienceChange => event.kind === 'ambience');
  const events = plan.events.filter((event): event is AmbienceEvent => event.kind === 'ambience-event');
  const frames = voices.reduce((sum, voice) => sum + Math.round(voice.duration * rate), 0);
  const voice = new Float32Array(frames);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  let cursor = 0;
  for (const line of voices) {
    const clip = line.source.kind === 'line' ? manifest.lines[line.source.key] : undefined;
    const length = Math.round(line.duration * rate);
    if (clip) voice.set(narration.subarray(Math.round(clip.start * rate), Math.round(clip.start * rate) + length), cursor);
    for (let index = 0; index < length; index += 1) {
      const [l, r] = bedAt(line.at + index / rate, changes, fileOf);
      left[cursor + index] = l;
      right[cursor + index] = r;
    }
    for (const event of events) {
      const file = fileOf(event.ambience);
      const clip = file.events[event.variant];
      if (!clip || event.at >= line.at + line.duration || event.at + clip.duration <= line.at) continue;
      for (let index = 0; index < length; index += 1) {
        const into = line.at + index / rate - event.at;
        if (into < 0 || into >= clip.duration) continue;
        const source = Math.round((clip.start + into) * rate);
        const [pl, pr] = panned(file.channels[0]?.[source] ?? 0, file.channels[1]?.[source] ?? 0, event.pan);
        left[cursor + index] = (left[cursor + index] ?? 0) + event.volume * pl;
        right[cursor + index] = (right[cursor + index] ?? 0) + event.volume * pr;
      }
    }
    cursor += length;
  }
  return { voice: integratedLoudness({ sampleRate: rate, channels: [voice] }), ambience: integratedLoudness({ sampleRate: rate, channels: [left, right] }) };
}

/**
 * The ambience beds at plan time `at`, as the Web Audio port plays them: a change to the same kind
 * glides its volume; to another kind (or none) the old bed fades out while the new one fades in;
 * a bed loops from where its run began.
 */
function bedAt(at: number, changes: readonly AmbienceChange[], fileOf: (kind: AmbienceKind) => AmbienceFile): [number, number] {
  const index = changes.findLastIndex((change) => change.at <= at);
  const change = changes[index];
  if (!change) return [0, 0];
  const previous = changes[index - 1];
  const progress = Math.min(1, (at - change.at) / Math.max(change.fade, 0.015));
  const beds: { run: number; gain: number }[] = [];
  if (change.ambience) {
    const continues = previous?.ambience === change.ambience;
    beds.push({ run: index, gain: continues ? previous.volume + (change.volume - previous.volume) * progress : change.volume * progress });
  }
  if (previous?.ambience && previous.ambience !== change.ambience) beds.push({ run: index - 1, gain: previous.volume * (1 - progress) });
  let l = 0;
  let r = 0;
  for (const bed of beds) {
    let started = bed.run;
    const kind = changes[bed.run]?.ambience;
    if (!kind) continue;
    while (started > 0 && changes[started - 1]?.ambience === kind) started -= 1;
    const file = fileOf(kind);
    const frame = Math.round((at - (changes[started]?.at ?? 0)) * rate) % file.loopFrames;
    l += bed.gain * (file.channels[0]?.[frame] ?? 0);
    r += bed.gain * (file.channels[1]?.[frame] ?? 0);
  }
  return [l, r];
}

/** Web Audio's StereoPannerNode on a stereo input. */
function panned(l: number, r: number, pan: number): [number, number] {
  const angle = ((pan <= 0 ? pan + 1 : pan) * Math.PI) / 2;
  return pan <= 0 ? [l + r * Math.cos(angle), r * Math.sin(angle)] : [l * Math.cos(angle), r + l * Math.sin(angle)];
}

/**
 * Twenty minutes of one ambience at volume 1, mono, as a plan plays it: the bed under the engine's
 * level drift, with its events where the engine scatters them; how alike it is one loop apart.
 */
function repeatFigures(kind: AmbienceKind, file: AmbienceFile): AmbienceRepeatFigures {
  const seconds = 20 * 60;
  const frames = seconds * rate;
  const start: AmbienceChange = { kind: 'ambience', at: 0, ambience: kind, volume: 1, fade: 3 };
  const added = ambienceEventsOf([start], seconds, `repeat/${kind}`);
  const glides = [start, ...added.filter((event): event is AmbienceChange => event.kind === 'ambience')];
  const events = added.filter((event): event is AmbienceEvent => event.kind === 'ambience-event');
  const mix = new Float32Array(frames);
  const [bedLeft, bedRight] = file.channels;
  let glide = 0;
  for (let frame = 0; frame < frames; frame += 1) {
    const at = frame / rate;
    while ((glides[glide + 1]?.at ?? Infinity) <= at) glide += 1;
    const current = glides[glide] ?? start;
    const before = glide === 0 ? 0 : (glides[glide - 1]?.volume ?? 1);
    const gain = before + (current.volume - before) * Math.min(1, (at - current.at) / current.fade);
    mix[frame] = (gain * ((bedLeft?.[frame % file.loopFrames] ?? 0) + (bedRight?.[frame % file.loopFrames] ?? 0))) / 2;
  }
  for (const event of events) {
    const clip = file.events[event.variant];
    if (!clip) continue;
    const first = Math.round(event.at * rate);
    const from = Math.round(clip.start * rate);
    for (let index = 0; index < Math.round(clip.duration * rate) && first + index < frames; index += 1) {
      mix[first + index] = (mix[first + index] ?? 0) + (event.volume * ((bedLeft?.[from + index] ?? 0) + (bedRight?.[from + index] ?? 0))) / 2;
    }
  }
  const lag = file.loopFrames;
  const window = Math.round(0.1 * rate);
  const levels = Float64Array.from({ length: Math.floor(frames / window) }, (_, block) => {
    let sum = 0;
    for (let index = block * window; index < (block + 1) * window; index += 1) sum += (mix[index] ?? 0) ** 2;
    return 10 * Math.log10(sum / window + 1e-12);
  });
  return {
    ambience: kind,
    loopSeconds: file.loopFrames / rate,
    eventsPerMinute: round(events.length / 20),
    sampleCorrelationAtLoop: Math.round(correlation(mix, lag) * 1000) / 1000,
    levelCorrelationAtLoop: Math.round(correlation(levels, Math.round(lag / window)) * 1000) / 1000,
  };
}

/** Pearson correlation of a signal with itself `lag` samples later. */
function correlation(signal: Float32Array | Float64Array, lag: number): number {
  const count = signal.length - lag;
  let meanA = 0;
  let meanB = 0;
  for (let index = 0; index < count; index += 1) {
    meanA += signal[index] ?? 0;
    meanB += signal[index + lag] ?? 0;
  }
  meanA /= count;
  meanB /= count;
  let product = 0;
  let squareA = 0;
  let squareB = 0;
  for (let index = 0; index < count; index += 1) {
    const a = (signal[index] ?? 0) - meanA;
    const b = (signal[index + lag] ?? 0) - meanB;
    product += a * b;
    squareA += a * a;
    squareB += b * b;
  }
  return product / Math.sqrt(squareA * squareB);
}
