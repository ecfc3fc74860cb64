import { describe, expect, it } from 'vitest';
import { shippedPlan } from '../../helpers/shipped-plan';
import { eventually } from '../harness/eventually';
import type { EngineSuite } from './engine-suite';
import { seekTo, untilClockAdvances, untilEnabled } from './page-steps';

/**
 * Runs in the page: records how the browser answers the app's own Screen Wake Lock requests.
 * It wraps the prototype's method: WebKit may drop a property set on `navigator.wakeLock` itself
 * when it collects that object's wrapper and makes a new one.
 */
const watchWakeLock = (): void => {
  const answers: string[] = [];
  (window as unknown as { lullWakeLock: string[] }).lullWakeLock = answers;
  if (!('wakeLock' in navigator)) return;
  const request = Reflect.get<WakeLock, 'request'>(WakeLock.prototype, 'request');
  WakeLock.prototype.request = async function (this: WakeLock, type?: WakeLockType) {
    try {
      const sentinel = await request.call(this, type);
      answers.push('granted');
      return sentinel;
    } catch (error) {
      answers.push('refused');
      throw error;
    }
  };
};

/**
 * Media Session, Screen Wake Lock, vibration and the Audio Session API differ by engine: where
 * an engine has one the app uses it, and where it has not the app's fallback is what is tested.
 */
export function deviceScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: device features and their fallbacks`, () => {
    it('shows the session on the lock screen (Media Session) and asks for media playback (Audio Session) where the engine has them, and plays on without them', async () => {
      const { page } = await suite.open('/session/breathe-long-exhale?minutes=3');
      const has = await page.evaluate(() => ({ mediaSession: 'mediaSession' in navigator, audioSession: 'audioSession' in navigator }));
      await untilEnabled(page, 'Start');
      await page.click({ role: 'button', name: 'Start' });
      await untilClockAdvances(page, 0.5);
      const session = () =>
        page.evaluate(() => ({
          title: navigator.mediaSession.metadata?.title ?? null,
          state: navigator.mediaSession.playbackState,
        }));
      if (has.mediaSession) await eventually(session).toEqual({ title: 'Long exhale breathing', state: 'playing' });
      if (has.audioSession) expect(await page.evaluate(() => (navigator as unknown as { audioSession: { type: string } }).audioSession.type)).toBe('playback');
      await page.click({ role: 'button', name: 'Pause' });
      await page.text({ role: 'button', name: 'Resume' });
      if (has.mediaSession) await eventually(session).toEqual({ title: 'Long exhale breathing', state: 'paused' });
      await page.click({ role: 'button', name: 'Resume' });
      await untilClockAdvances(page, 0.5);
      expect(await page.problems()).toEqual([]);
    });

    it('keeps the screen on while the pacer plays where the browser grants a wake lock, says nothing where it does not, and offers vibration only where the device can vibrate', async () => {
      const { page } = await suite.open('/breathe?pattern=box&minutes=1&cue=tone');
      await page.evaluate(watchWakeLock);
      const canVibrate = await page.evaluate(() => 'vibrate' in navigator);
      await untilEnabled(page, 'Start');
      if (canVibrate) expect(await page.count({ role: 'checkbox', name: 'Vibrate gently at each change of breath' })).toBe(1);
      else expect(await page.text({ css: 'p.vibration', within: 'lull-breathe-view' })).toBe('This device cannot vibrate, so the pacer keeps time with sound, the circle and the words.');
      await page.click({ role: 'button', name: 'Start' });
      await eventually(() => page.text({ css: '.phase .words', within: 'lull-breathe-view' }), 15_000).toBe('Breathe in');
      const hasWakeLock = await page.evaluate(() => 'wakeLock' in navigator);
      const answers = () => page.evaluate(() => (window as unknown as { lullWakeLock: string[] }).lullWakeLock);
      if (hasWakeLock) await eventually(async () => (await answers()).length).toBeGreaterThan(0);
      const granted = (await answers()).includes('granted');
      const kept = { css: 'p', within: 'lull-breathe-view', text: 'The screen stays on while the pacer plays.' } as const;
      await eventually(() => page.count(kept)).toBe(granted ? 1 : 0);
      await untilClockAdvances(page, 1);
      expect(await page.count(kept)).toBe(granted ? 1 : 0);
      expect(await page.problems()).toEqual([]);
    });

    it('lights the left and right side in turn in the butterfly hug, and says when the device cannot vibrate with the taps', async () => {
      const plan = shippedPlan('butterfly-hug', 5);
      const taps = plan.steps.find((step) => step.kind === 'taps');
      if (!taps) throw new Error('The butterfly hug has no taps.');
      const { page } = await suite.open('/butterfly-hug?minutes=5');
      const canVibrate = await page.evaluate(() => 'vibrate' in navigator);
      await untilEnabled(page, 'Start');
      await page.click({ role: 'button', name: 'Start' });
      // The vibration choice sits with the volumes and captions, in the player's small panel.
      await page.click({ css: 'details.sound summary', text: 'Sound and captions' });
      if (canVibrate) expect(await page.count({ role: 'checkbox', name: 'Vibrate with each tap' })).toBe(1);
      else await page.text({ css: 'p', text: 'This device cannot vibrate, so the taps are sound and light only.' });
      await seekTo(page, Math.ceil(taps.at));
      const sides = new Set<string>();
      const lit = { css: 'svg.sides circle.lit' } as const;
      await eventually(async () => {
        if ((await page.count(lit)) > 0) sides.add(await page.evaluateOn(lit, (circle) => circle.getAttribute('data-side') ?? ''));
        return [...sides].sort();
      }, 15_000).toEqual(['left', 'right']);
      expect(await page.problems()).toEqual([]);
    });
  });
}
