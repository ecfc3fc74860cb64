import { readFileSync } from 'node:fs';
import { checkScript } from '../../src/engine/check-script';
import { lineKey } from '../../src/engine/line-key';
import type { SessionManifest } from '../../src/engine/pack-manifest';
import { planSession } from '../../src/engine/plan-session';
import type { SessionPlan } from '../../src/engine/timeline';

export function shippedManifest(id: string): SessionManifest {
  return JSON.parse(readFileSync(`public/packs/${id}/manifest.json`, 'utf8')) as SessionManifest;
}

/** The plan the app makes for a shipped session: same script, same rendered line durations. */
export function shippedPlan(id: string, minutes: number, choices: Record<string, string> = {}): SessionPlan {
  const manifest = shippedManifest(id);
  const checked = checkScript(manifest.sourceFile, manifest.source);
  if (!checked.ok) throw new Error(`${id} does not validate`);
  return planSession(checked.script, {
    minutes,
    choices,
    keyOf: (text) => lineKey(text, manifest.voice),
    speechSeconds: (text) => manifest.lines[lineKey(text, manifest.voice)]?.duration ?? Number.NaN,
  });
}
