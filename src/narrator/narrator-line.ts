import type { Respelling } from '../engine/pack-manifest';
import { speakFliteLine, type FliteRun } from '../speech/flite-line';
import { linePaceOf } from '../speech/line-pace';
import { shapeNarration } from '../speech/narration-shape';
import type { Pcm } from '../speech/pcm';
import { spokenForm } from '../speech/respell';

/**
 * One line in the built-in man's voice (Flite's rms), as the compiler renders it: read through the
 * respellings, paced from the line as written, shaped and levelled, at the narration's rate.
 */
export async function narratorLine(run: FliteRun, text: string, respellings: readonly Respelling[]): Promise<Pcm> {
  const form = spokenForm(text, { entries: respellings }, false);
  return shapeNarration(await speakFliteLine(run, 'rms', form.text, linePaceOf(text)));
}
