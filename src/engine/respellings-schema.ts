import * as v from 'valibot';
import type { Respelling } from './pack-manifest';

/** A phrase or its respelling: a few words of text, never a whole paragraph. */
const phrase = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const schema = v.object({ respellings: v.optional(v.array(v.object({ say: phrase, respell: phrase }))) });

/**
 * The respellings in the shared sounds' manifest, checked before a narrator reads through them. A
 * manifest from before they were written has none; a damaged list is `undefined`, so the caller
 * can tell it from an empty one.
 */
export function readRespellings(common: unknown): readonly Respelling[] | undefined {
  const result = v.safeParse(schema, common);
  if (!result.success) return undefined;
  return result.output.respellings ?? [];
}
