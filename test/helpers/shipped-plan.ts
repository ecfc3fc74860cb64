import { planLineSeconds } from '../../src/engine/narrator-lines';
import { readFileSync } from 'node:fs';
import { checkScript } from '../../src/engine/check-script';
import { lineKey } from '../../src/engine/line-key';
import type { SessionManifest } from '../../src/engine/pack-manifest';
import { planSession } from '../../src/engine/plan-session';
import { stretchTemplate } from '../../src/engine/plan-template';
import type { SessionPlan } from '../../src/engine/timeline';

export function shippedManifest(id: string): SessionManifest {
  return JSON.parse(readFileSync(`public/packs/${id}/manifest.json`, 'utf8')) as SessionManifest;
}

/** The plan the app plays for a shipped session: the pack's template, stretched (its ambience placed by `seed`, a listen's). */
export function shippedPlan(id: string, minutes: number, choices: Record<string, string> = {}, seed?: string): SessionPlan {
  return stretchTemplate(shippedManifest(id).template, { minutes, choices, ...(seed === undefined ? {} : { seed }) });
}

/**
 * The compiler's plan for the same session, made from its script in `audio-scripts/` and the
 * rendered line durations: what the app plays must be exactly this.
 */
export function compilerPlan(id: string, minutes: number, choices: Record<string, string> = {}, seed?: string): SessionPlan {
  const manifest = shippedManifest(id);
  const checked = checkScript(manifest.sourceFile, readFileSync(manifest.sourceFile, 'utf8'));
  if (!checked.ok) throw new Error(`${id} does not validate`);
  return planSession(checked.script, {
    minutes,
    choices,
    ...(seed === undefined ? {} : { seed }),
    keyOf: (text) => lineKey(text, manifest.voice),
    speechSeconds: (text) => planLineSeconds([manifest.lines, ...Object.values(manifest.narrators ?? {}).map((other) => other.lines)], lineKey(text, manifest.voice)) ?? Number.NaN,
  });
}
