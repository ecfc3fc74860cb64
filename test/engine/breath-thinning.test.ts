import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pacerScript } from '../../src/engine/pacer-script';
import { planSession } from '../../src/engine/plan-session';
import { breathCueThinning, stretchTemplate, templateThinsBreathCues } from '../../src/engine/plan-template';
import type { BreathCue } from '../../src/engine/script-model';
import { readSessionManifest } from '../../src/engine/session-manifest-schema';
import type { SessionPlan } from '../../src/engine/timeline';

const longExhale = { inhale: 4, hold: 0, exhale: 6, rest: 0 };
const inputs = { speechSeconds: () => 0, keyOf: (text: string) => text };
const planOf = (cue: BreathCue, cycles = 30): SessionPlan => {
  const script = pacerScript({ patternName: 'Long exhale', pattern: longExhale, length: { cycles }, cue });
  return planSession(script, { ...inputs, minutes: script.length.default });
};

/** What each breath sounds like, breath by breath: its inhale cue, or silence. */
function cuePerBreath(plan: SessionPlan): string[] {
  const inhales = plan.events.filter((event) => event.kind === 'breath' && event.phase === 'inhale');
  return inhales.map((breath) => {
    const cue = plan.events.find((event) => event.kind === 'cue' && event.at === breath.at && event.sound !== 'bell');
    return cue?.kind === 'cue' ? cue.sound : 'silence';
  });
}

const { voicedCycles, tonedCycles } = breathCueThinning;

describe('breath cues that thin out', () => {
  it('speak the words for the first breaths, then give soft tones for every breath after', () => {
    const breaths = cuePerBreath(planOf('voice-then-tone'));
    expect(breaths).toHaveLength(30);
    expect(breaths.slice(0, voicedCycles)).toEqual(Array<string>(voicedCycles).fill('word-inhale'));
    expect(breaths.slice(voicedCycles)).toEqual(Array<string>(30 - voicedCycles).fill('tone-inhale'));
  });

  it('fall silent after the tones when the person wants silence, while the breathing visual goes on', () => {
    const plan = planOf('voice-then-quiet');
    const breaths = cuePerBreath(plan);
    expect(breaths.slice(0, voicedCycles)).toEqual(Array<string>(voicedCycles).fill('word-inhale'));
    expect(breaths.slice(voicedCycles, voicedCycles + tonedCycles)).toEqual(Array<string>(tonedCycles).fill('tone-inhale'));
    expect(breaths.slice(voicedCycles + tonedCycles)).toEqual(Array<string>(30 - voicedCycles - tonedCycles).fill('silence'));
    expect(plan.events.filter((event) => event.kind === 'breath')).toHaveLength(60);
    expect(plan.events.filter((event) => event.kind === 'cue' && event.sound === 'word-exhale')).toHaveLength(voicedCycles);
  });

  it('keeps the words every breath for a person who asks for the voice', () => {
    expect(cuePerBreath(planOf('voice'))).toEqual(Array<string>(30).fill('word-inhale'));
  });

  it('thins the same way in a shorter session than the stages: three breaths are all spoken', () => {
    expect(cuePerBreath(planOf('voice-then-quiet', 3))).toEqual(['word-inhale', 'word-inhale', 'word-inhale']);
  });

  it('travels in the shipped pack’s plan template: the long-exhale session, read as the app reads it, thins its cues', () => {
    const reading = readSessionManifest(JSON.parse(readFileSync('public/packs/breathe-long-exhale/manifest.json', 'utf8')) as unknown);
    if (reading.kind !== 'current') throw new Error(`the shipped pack reads as ${reading.kind}`);
    const breaths = cuePerBreath(stretchTemplate(reading.manifest.template, { minutes: 20 }));
    expect(breaths.length).toBeGreaterThan(100);
    expect(breaths.filter((cue) => cue === 'word-inhale')).toHaveLength(voicedCycles);
    expect(breaths.slice(voicedCycles).every((cue) => cue === 'tone-inhale')).toBe(true);
  });

  it('fall silent after the tones in a session whose script thins them to tones, when the person asks, with the same breaths and length', () => {
    const reading = readSessionManifest(JSON.parse(readFileSync('public/packs/breathe-long-exhale/manifest.json', 'utf8')) as unknown);
    if (reading.kind !== 'current') throw new Error(`the shipped pack reads as ${reading.kind}`);
    const { template } = reading.manifest;
    expect(templateThinsBreathCues(template)).toBe(true);
    const asWritten = stretchTemplate(template, { minutes: 10 });
    const quiet = stretchTemplate(template, { minutes: 10, quietBreaths: true });
    const breaths = cuePerBreath(quiet);
    expect(breaths.slice(0, voicedCycles)).toEqual(Array<string>(voicedCycles).fill('word-inhale'));
    expect(breaths.slice(voicedCycles, voicedCycles + tonedCycles)).toEqual(Array<string>(tonedCycles).fill('tone-inhale'));
    expect(breaths.slice(voicedCycles + tonedCycles).every((cue) => cue === 'silence')).toBe(true);
    expect(quiet.duration).toBe(asWritten.duration);
    const phases = (plan: SessionPlan) => plan.events.filter((event) => event.kind === 'breath');
    expect(phases(quiet)).toEqual(phases(asWritten));
    // The bells and the voice are not breath cues: they stay.
    const others = (plan: SessionPlan) => plan.events.filter((event) => event.kind === 'voice' || (event.kind === 'cue' && event.sound === 'bell'));
    expect(others(quiet)).toEqual(others(asWritten));
  });

  it('leave a session without thinning cues as it is, whatever the person asked', () => {
    const reading = readSessionManifest(JSON.parse(readFileSync('public/packs/butterfly-hug/manifest.json', 'utf8')) as unknown);
    if (reading.kind !== 'current') throw new Error(`the shipped pack reads as ${reading.kind}`);
    expect(templateThinsBreathCues(reading.manifest.template)).toBe(false);
    expect(stretchTemplate(reading.manifest.template, { minutes: 6, quietBreaths: true })).toEqual(stretchTemplate(reading.manifest.template, { minutes: 6 }));
  });
});
