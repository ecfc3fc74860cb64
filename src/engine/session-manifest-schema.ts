import * as v from 'valibot';
import { narratorIds } from './narrators';
import { legacySessionManifestFormat, sessionManifestFormat, type LegacySessionManifest, type SessionManifest } from './pack-manifest';
import type { TemplateNode } from './plan-template';
import { ambienceKinds, practiceKinds, recordingSlots } from './script-model';
import { cueSounds } from './timeline';

/**
 * What a session manifest must be before the app plays from it: one schema, checked whole, so a
 * damaged or foreign file is refused with a clear message instead of breaking the player.
 */

const seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
/** A repeated cycle (a breath, a tap interval) shorter than this would flood the audio clock. */
const shortestRepeat = 0.1;
const words = v.pipe(v.string(), v.maxLength(20_000));

const packFile = v.object({
  path: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]+$/u)),
  bytes: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/u)),
});
const encodedAudio = v.object({ webm: packFile, mp3: packFile });
const condition = v.object({ choice: v.string(), option: v.string() });
const stretch = v.object({ min: seconds, max: seconds, weight: v.pipe(v.number(), v.finite(), v.minValue(0)), quantum: seconds });

const templateEvent = v.variant('kind', [
  v.object({
    kind: v.literal('voice'),
    offset: seconds,
    duration: seconds,
    text: words,
    source: v.variant('kind', [v.object({ kind: v.literal('line'), key: v.string() }), v.object({ kind: v.literal('recording'), slot: v.picklist(recordingSlots) })]),
  }),
  v.object({ kind: v.literal('cue'), offset: seconds, sound: v.picklist(cueSounds), pan: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)) }),
  v.object({
    kind: v.literal('ambience'),
    offset: seconds,
    ambience: v.nullable(v.picklist(ambienceKinds)),
    volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    fade: seconds,
  }),
  v.object({ kind: v.literal('breath'), offset: seconds, duration: seconds, phase: v.picklist(['inhale', 'hold', 'exhale', 'rest']) }),
  v.object({
    kind: v.literal('prompt'),
    offset: seconds,
    text: words,
    waits: v.boolean(),
    writing: v.nullable(v.picklist(['journal', 'letter'])),
    waitsForWriting: v.optional(v.literal(false)),
  }),
]);

const templateStep = v.object({
  kind: v.picklist(['say', 'pause', 'breathe', 'bell', 'taps', 'ambience', 'prompt', 'recording']),
  when: v.optional(condition),
  label: v.optional(words),
  fixed: seconds,
  stretch: v.optional(stretch),
  events: v.array(templateEvent),
  repeat: v.optional(
    v.object({
      every: v.pipe(v.number(), v.finite(), v.minValue(shortestRepeat)),
      events: v.array(templateEvent),
      alternatePan: v.optional(v.literal(true)),
      later: v.optional(v.array(v.object({ from: v.pipe(v.number(), v.safeInteger(), v.minValue(0)), events: v.array(templateEvent) }))),
    }),
  ),
  recording: v.optional(v.object({ slot: v.picklist(recordingSlots), maxSeconds: seconds })),
});

const templateNode: v.GenericSchema<TemplateNode> = v.lazy(() =>
  v.union([
    templateStep,
    v.object({
      kind: v.literal('choice'),
      name: v.string(),
      question: words,
      defaultOption: v.string(),
      options: v.array(v.object({ id: v.string(), label: words, steps: v.array(templateNode) })),
      when: v.optional(condition),
    }),
  ]),
);

const length = v.object({ default: seconds, min: seconds, max: seconds });

const narrationLines = v.record(v.string(), v.object({ start: seconds, duration: seconds, text: words, take: v.optional(v.string()) }));

const commonFields = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u)),
  title: words,
  description: words,
  practice: v.picklist(practiceKinds),
  length,
  contentNote: v.optional(words),
  voice: v.string(),
  source: v.string(),
  sourceFile: v.string(),
  sourceSha256: v.string(),
  inputsSha256: v.string(),
  narration: encodedAudio,
  lines: narrationLines,
  narrators: v.optional(v.record(v.picklist(narratorIds), v.object({ narration: encodedAudio, lines: narrationLines }))),
  spokenSeconds: seconds,
};

const sessionManifest = v.object({
  ...commonFields,
  format: v.literal(sessionManifestFormat),
  template: v.object({ scriptId: v.string(), title: words, length, steps: v.array(templateNode) }),
});

const legacySessionManifest = v.object({ ...commonFields, format: v.literal(legacySessionManifestFormat) });

export type ManifestReading =
  | { readonly kind: 'current'; readonly manifest: SessionManifest }
  | { readonly kind: 'legacy'; readonly manifest: LegacySessionManifest }
  | { readonly kind: 'other-version' }
  | { readonly kind: 'damaged'; readonly where: string };

function formatOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
}

/** Reads a session manifest: this version's, an earlier version's, or why it cannot be played. */
export function readSessionManifest(value: unknown): ManifestReading {
  const format = formatOf(value);
  if (format !== sessionManifestFormat && format !== legacySessionManifestFormat) return { kind: 'other-version' };
  const schema = format === sessionManifestFormat ? sessionManifest : legacySessionManifest;
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (!result.success) return { kind: 'damaged', where: v.getDotPath(result.issues[0]) ?? 'the manifest' };
  return result.output.format === sessionManifestFormat ? { kind: 'current', manifest: result.output } : { kind: 'legacy', manifest: result.output };
}
