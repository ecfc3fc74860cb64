import type { EnginePage } from '../harness/engines/driver';
import { eventually } from '../harness/eventually';

/** The audio clock of the page's one AudioContext (Howler's, which it also exposes as `window.Howler`). */
export const audioClock = (page: EnginePage): Promise<{ state: string; time: number }> =>
  page.evaluate(() => {
    const context = (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx;
    return { state: context?.state ?? 'none', time: context?.currentTime ?? -1 };
  });

/** Waits until the audio clock runs and has moved on by at least `seconds`. */
export async function untilClockAdvances(page: EnginePage, seconds: number): Promise<void> {
  const before = (await audioClock(page)).time;
  await eventually(async () => {
    const clock = await audioClock(page);
    return clock.state === 'running' && clock.time >= before + seconds;
  }, 15_000).toBe(true);
}

/** Moves the player's position slider as a person would, ending with its `change` event. */
export const seekTo = (page: EnginePage, seconds: number): Promise<void> =>
  page.evaluateOn({ css: '#position' }, (input, at) => {
    (input as HTMLInputElement).value = String(at);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, seconds);

/** Waits until a service worker controls the page (the first one claims it as soon as it activates). */
export const untilControlled = (page: EnginePage): Promise<void> =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });

/** Waits until the button is there and can be pressed (a session's Start waits for its sounds). */
export const untilEnabled = (page: EnginePage, name: string): Promise<void> =>
  eventually(() => page.evaluateOn({ role: 'button', name }, (button) => !(button as HTMLButtonElement).disabled), 15_000).toBe(true);
