import { checkScript } from '../../../src/engine/check-script';
import { lineKey } from '../../../src/engine/line-key';
import type { SessionManifest } from '../../../src/engine/pack-manifest';
import { planSession } from '../../../src/engine/plan-session';
import { settleChoices } from '../../../src/engine/resolve-path';
import { estimateSpeechSeconds } from '../../../src/engine/speech-estimate';
import type { CueSound, SessionPlan } from '../../../src/engine/timeline';
import type { Minutes, Seconds } from '../../../src/engine/units';

export interface PlannedCue {
  readonly at: Seconds;
  readonly sound: CueSound;
  readonly pan: number;
}

/**
 * The plan the app makes for a pack at a length, exactly as `SessionPlayer` makes it: the
 * script inside the manifest, the length clamped to its range, the rendered line durations.
 */
export function planLikeThePlayer(manifest: SessionManifest, minutes: Minutes): SessionPlan {
  const checked = checkScript(manifest.sourceFile, manifest.source);
  if (!checked.ok) throw new Error(`The pack ${manifest.id} holds a script with problems.`);
  const { script } = checked;
  const length = Math.min(script.length.max, Math.max(script.length.min, minutes));
  return planSession(script, {
    minutes: length,
    choices: settleChoices(script, {}),
    keyOf: (text) => lineKey(text, manifest.voice),
    speechSeconds: (text) => manifest.lines[lineKey(text, manifest.voice)]?.duration ?? estimateSpeechSeconds(text),
  });
}

export function plannedCues(plan: SessionPlan): PlannedCue[] {
  return plan.events.flatMap((event) => (event.kind === 'cue' ? [{ at: event.at, sound: event.sound, pan: event.pan }] : []));
}
