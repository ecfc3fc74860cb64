/** The voices a person can choose to narrate the sessions (see "The voice" in the README). */
export const narratorIds = ['slt', 'rms'] as const;
export type NarratorId = (typeof narratorIds)[number];

/** The narrator every pack carries in its main narration, and the one kept for offline use. */
export const defaultNarrator: NarratorId = 'slt';

/** How the player names each narrator. */
export const narratorNames: Readonly<Record<NarratorId, string>> = {
  slt: 'A woman’s voice',
  rms: 'A man’s voice',
};

/** The same narrators as a choice under "Who reads to you": short enough for one line on a phone. */
export const narratorShortNames: Readonly<Record<NarratorId, string>> = {
  slt: 'A woman',
  rms: 'A man',
};

export function isNarratorId(value: unknown): value is NarratorId {
  return typeof value === 'string' && (narratorIds as readonly string[]).includes(value);
}
