import type { SessionManifest } from '../../../src/engine/pack-manifest';
import { stretchTemplate } from '../../../src/engine/plan-template';
import type { CueSound, SessionPlan } from '../../../src/engine/timeline';
import type { Minutes, Seconds } from '../../../src/engine/units';

export interface PlannedCue {
  readonly at: Seconds;
  readonly sound: CueSound;
  readonly pan: number;
}

/** The plan the app makes for a pack at a length, exactly as `SessionPlayer` makes it: its template stretched, the length clamped to its range. */
export function planLikeThePlayer(manifest: SessionManifest, minutes: Minutes): SessionPlan {
  const { length } = manifest.template;
  return stretchTemplate(manifest.template, { minutes: Math.min(length.max, Math.max(length.min, minutes)) });
}

export function plannedCues(plan: SessionPlan): PlannedCue[] {
  return plan.events.flatMap((event) => (event.kind === 'cue' ? [{ at: event.at, sound: event.sound, pan: event.pan }] : []));
}
