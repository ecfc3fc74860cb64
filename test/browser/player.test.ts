import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommonManifest, SpriteClip } from '../../src/engine/pack-manifest';
import type { SessionPlan } from '../../src/engine/timeline';
import { breathCueThinning } from '../../src/engine/plan-template';
import { compilerPlan, shippedManifest } from '../helpers/shipped-plan';
import { audioStarts, recordAudioStarts, type StartCall } from './harness/audio-starts';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

const sessionId = 'breathe-long-exhale';
const manifest = shippedManifest(sessionId);
const common = JSON.parse(readFileSync('public/packs/common/common.json', 'utf8')) as CommonManifest;
const spriteEnd = (clips: readonly SpriteClip[]) => Math.max(...clips.map((clip) => clip.start + clip.duration));
const narrationLength = spriteEnd(Object.values(manifest.lines));
const cuesLength = spriteEnd(Object.values(common.cues.clips));

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function openSession(query = 'minutes=5', before?: (page: Page) => Promise<unknown>): Promise<OpenedApp> {
  const opened = await openApp(`/session/${sessionId}?${query}`, undefined, async (page) => {
    await recordAudioStarts(page);
    await before?.(page);
  });
  await opened.page.getByRole('button', { name: 'Start' }).waitFor();
  return opened;
}

/** Start calls of the narration sprite (the decoded file is longer than the last clip by its padding). */
const isVoice = (call: StartCall) => !call.loop && Math.abs(call.bufferDuration - narrationLength) < 0.6;
const isCue = (call: StartCall) => !call.loop && Math.abs(call.bufferDuration - cuesLength) < 0.6;
const voiceEvents = (plan: SessionPlan) => plan.events.filter((event) => event.kind === 'voice');

/** Which line a voice start plays, from where in the sprite it starts. */
function lineAt(spriteOffset: number): { key: string; start: number } {
  const entry = Object.entries(manifest.lines).find(([, line]) => spriteOffset >= line.start - 1e-6 && spriteOffset < line.start + line.duration);
  if (!entry) throw new Error(`no line at ${spriteOffset}`);
  return { key: entry[0], start: entry[1].start };
}

async function waitForStarts(page: Page, count: number, predicate: (call: StartCall) => boolean, timeout = 15_000): Promise<StartCall[]> {
  await expect.poll(async () => (await audioStarts(page)).filter(predicate).length, { timeout }).toBeGreaterThanOrEqual(count);
  return (await audioStarts(page)).filter(predicate);
}

describe('the session player', () => {
  it('plays a session with its lines exactly as far apart as planned, and shows their captions', async () => {
    app = await openSession();
    const plan = compilerPlan(sessionId, 5);
    await app.page.getByRole('button', { name: 'Start' }).click();
    const planned = voiceEvents(plan);
    const firstLine = planned[0];
    if (firstLine?.kind !== 'voice') throw new Error('no first line');
    await expect.poll(() => app?.page.locator('.caption').innerText()).toBe(firstLine.text);
    // The engine schedules a few seconds ahead: the third line's start is called before it plays.
    const voices = await waitForStarts(app.page, 3, isVoice, ((planned[2]?.at ?? 0) + 15) * 1000);
    for (let index = 1; index < 3; index += 1) {
      const gap = (voices[index]?.when ?? 0) - (voices[0]?.when ?? 0);
      expect(gap).toBeCloseTo((planned[index]?.at ?? 0) - (planned[0]?.at ?? 0), 6);
      expect(voices[index]?.when).toBeGreaterThan(voices[index]?.calledAt ?? Infinity);
    }
    expect(app.problems).toEqual([]);
  });

  it('pauses and resumes exactly where it was, mid-line', async () => {
    app = await openSession();
    const plan = compilerPlan(sessionId, 5);
    await app.page.getByRole('button', { name: 'Start' }).click();
    await waitForStarts(app.page, 2, isVoice);
    // Three seconds in, the first line (5.5 s long) is half spoken.
    await expect.poll(async () => Number(await app?.page.locator('#position').inputValue()), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await app.page.getByRole('button', { name: 'Pause' }).click();
    const beforeResume = (await audioStarts(app.page)).length;
    await app.page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await audioStarts(app?.page as Page)).slice(beforeResume).filter(isVoice).length).toBeGreaterThanOrEqual(2);
    const resumed = (await audioStarts(app.page)).slice(beforeResume).filter(isVoice);
    const [midLine, nextLine] = resumed;
    if (!midLine || !nextLine) throw new Error('nothing resumed');
    const line = lineAt(midLine.offset);
    const pausedInto = midLine.offset - line.start;
    expect(pausedInto).toBeGreaterThan(0);
    const events = voiceEvents(plan);
    const index = events.findIndex((event) => event.source.kind === 'line' && event.source.key === line.key);
    const current = events[index];
    const following = events[index + 1];
    if (!current || !following) throw new Error('line not in plan');
    expect(nextLine.when - midLine.when).toBeCloseTo(following.at - (current.at + pausedInto), 6);
  });

  it('seeks to a time and schedules every cue after it at its planned distance', async () => {
    app = await openSession('minutes=10');
    const plan = compilerPlan(sessionId, 10);
    await app.page.getByRole('button', { name: 'Start' }).click();
    await waitForStarts(app.page, 1, isVoice);
    const before = (await audioStarts(app.page)).length;
    await seekTo(app.page, 200);
    await expect.poll(async () => (await audioStarts(app?.page as Page)).slice(before).filter(isCue).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const after = (await audioStarts(app.page)).slice(before);
    const bed = after.find((call) => call.loop);
    const cues = after.filter(isCue);
    const planned = plan.events.filter((event) => event.kind === 'cue' && event.at >= 200);
    if (!bed) throw new Error('the ambience did not come back');
    cues.slice(0, 2).forEach((call, index) => {
      expect(call.when - bed.when).toBeCloseTo((planned[index]?.at ?? 0) - 200, 6);
    });
  });

  it('skips to the next and the previous step', async () => {
    app = await openSession();
    const plan = compilerPlan(sessionId, 5);
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByText('Step 1 of').waitFor();
    await app.page.getByRole('button', { name: 'Next step' }).click();
    await app.page.getByText(`Step 2 of ${String(plan.steps.length)}`).waitFor();
    const secondLine = voiceEvents(plan)[1];
    await expect.poll(() => app?.page.locator('.caption').innerText()).toBe(secondLine?.kind === 'voice' ? secondLine.text : '');
    await app.page.getByRole('button', { name: 'Next step' }).click();
    await app.page.getByText(`Step 3 of ${String(plan.steps.length)}`).waitFor();
    await app.page.getByRole('button', { name: 'Previous step' }).click();
    await app.page.getByText(`Step 2 of ${String(plan.steps.length)}`).waitFor();
  });

  it('changes the length before the start: the silences stretch, the voice does not', async () => {
    app = await openSession('minutes=5');
    await expect.poll(() => app?.page.locator('#length-value').innerText()).toBe('5 min');
    await app.page.locator('#length').evaluate((input: HTMLInputElement) => {
      input.value = '12';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => app?.page.locator('#length-value').innerText()).toBe('12 min');
    await app.page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => app?.page.locator('.times').innerText()).toMatch(/−(12:00|11:5\d)/u);
  });

  it('tells which sound is missing when a file is not there, and plays on without it', async () => {
    app = await openSession('minutes=5', (page) => page.route('**/narration.*', (route) => route.fulfill({ status: 404, body: 'not here' })));
    await expect.poll(() => app?.page.locator('lull-session-view').getByRole('status').innerText()).toContain('The voice (its file is missing)');
    await app.page.getByRole('button', { name: 'Start' }).click();
    // The ambience bed, a sound of another file, still plays.
    await waitForStarts(app.page, 1, (call) => call.loop);
    await expect.poll(() => app?.page.locator('.caption').innerText()).toBe(voiceEvents(compilerPlan(sessionId, 5))[0]?.kind === 'voice' ? manifest.lines[Object.keys(manifest.lines)[0] ?? '']?.text : '');
    expect((await audioStarts(app.page)).filter(isVoice)).toEqual([]);
  });

  it('tells which sound is damaged when a file is not the one its manifest names, and plays on without it', async () => {
    app = await openSession('minutes=5', (page) => page.route('**/narration.*', (route) => route.fulfill({ status: 200, contentType: 'audio/webm', body: Buffer.from('this is not audio at all') })));
    // Checked against the manifest before decoding (and fetched once more, in vain), it never reaches the decoder.
    await expect.poll(() => app?.page.locator('lull-session-view').getByRole('status').innerText()).toContain('The voice arrived damaged, even when fetched again.');
    await app.page.getByRole('button', { name: 'Start' }).click();
    await waitForStarts(app.page, 1, (call) => call.loop);
    await expect.poll(() => app?.page.locator('.times').innerText()).toMatch(/^0:0[1-9]/u);
  });

  it('answers the lock-screen controls: pause, play, seek, next', async () => {
    app = await openSession('minutes=5', (page) =>
      page.addInitScript(() => {
        const handlers = new Map<string, MediaSessionActionHandler | null>();
        (window as unknown as { lullMediaHandlers: typeof handlers }).lullMediaHandlers = handlers;
        const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
        navigator.mediaSession.setActionHandler = (action, handler) => {
          handlers.set(action, handler);
          original(action, handler);
        };
      }),
    );
    const press = (action: string, details: Record<string, unknown> = {}) =>
      app?.page.evaluate(
        ([name, extra]) => {
          const handler = (window as unknown as { lullMediaHandlers: Map<string, ((details: object) => void) | null> }).lullMediaHandlers.get(name);
          handler?.({ action: name, ...extra });
        },
        [action, details] as const,
      );
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await app.page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(manifest.title);
    await press('pause');
    await app.page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await app.page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
    await press('play');
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    await press('seekto', { seekTime: 120 });
    await expect.poll(() => app?.page.locator('.times').innerText()).toMatch(/^2:0\d/u);
    const step = await app.page.locator('.times').innerText();
    await press('nexttrack');
    await expect.poll(() => app?.page.locator('.times').innerText()).not.toBe(step);
  });

  it('has no serious accessibility violations before and while playing, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openSession();
      await app.page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.page.getByRole('button', { name: 'Start' }).click();
      await app.page.getByRole('button', { name: 'Pause' }).waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      expect(app.problems).toEqual([]);
      await app.close();
      app = undefined;
    }
  });

  it('says so when a session does not exist', async () => {
    app = await openApp('/session/no-such-session');
    await expect.poll(() => app?.page.getByRole('alert').innerText()).toBe('There is no session with this name. It may have been renamed or removed.');
  });
});

describe('the session player when the sound is interrupted', () => {
  it('pauses where it was, says so, and goes on when the person presses Resume', async () => {
    app = await openSession('minutes=5', (page) =>
      page.addInitScript(() => {
        const contexts: AudioContext[] = [];
        (window as unknown as { lullContexts: AudioContext[] }).lullContexts = contexts;
        const Original = window.AudioContext;
        window.AudioContext = class extends Original {
          constructor(options?: AudioContextOptions) {
            super(options);
            contexts.push(this);
          }
        };
      }),
    );
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(async () => Number(await app?.page.locator('#position').inputValue()), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // What a phone call or another app taking the audio device does to the context.
    await app.page.evaluate(() => (window as unknown as { lullContexts: AudioContext[] }).lullContexts[0]?.suspend());
    await expect.poll(() => app?.page.getByRole('alert').innerText()).toBe('The sound was interrupted. Press Resume to go on from where you were.');
    const stoppedAt = await app.page.locator('.times').innerText();
    await app.page.getByRole('button', { name: 'Resume' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await app.page.evaluate(() => (window as unknown as { lullContexts: AudioContext[] }).lullContexts[0]?.state)).toBe('running');
    await expect.poll(() => app?.page.locator('.times').innerText(), { timeout: 5000 }).not.toBe(stoppedAt);
    expect(await app.page.getByRole('alert').count()).toBe(0);
  });
});

describe('the narrators', () => {
  const other = manifest.narrators?.rms;
  const otherLength = spriteEnd(Object.values(other?.lines ?? {}));
  const isOtherVoice = (call: StartCall) => !call.loop && Math.abs(call.bufferDuration - otherLength) < 0.6;

  it('plays the narrator the person chooses from the first line, and remembers them for the next session', async () => {
    if (!other) throw new Error(`${sessionId} has no second narrator`);
    expect(Math.abs(otherLength - narrationLength), 'the two sprites can be told apart by length').toBeGreaterThan(1.5);
    app = await openSession();
    const { page } = app;
    const choice = page.getByRole('group', { name: 'Who reads to you' });
    expect(await choice.getByRole('radio', { name: 'A woman' }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: 'A man' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    const firstLine = voiceEvents(compilerPlan(sessionId, 5))[0];
    if (firstLine?.kind !== 'voice' || firstLine.source.kind !== 'line') throw new Error('no first line');
    const [first] = await waitForStarts(page, 1, isOtherVoice);
    expect(first?.offset).toBeCloseTo(other.lines[firstLine.source.key]?.start ?? -1, 3);
    expect((await audioStarts(page)).filter(isVoice)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(new URL('/session/safe-space', page.url()).href);
    await expect.poll(() => page.getByRole('group', { name: 'Who reads to you' }).getByRole('radio', { name: 'A man' }).isChecked()).toBe(true);
    expect(app.problems).toEqual([]);
  });
});

describe('breath cues that fall silent', () => {
  it('lets the person ask the thinning cues to fall silent after the tones, plays the breaths without them, and remembers it', async () => {
    app = await openSession();
    const { page } = app;
    const quiet = page.getByRole('checkbox', { name: 'After a few breaths with words and tones, let the breathing go on in silence' });
    expect(await quiet.isChecked()).toBe(false);
    await quiet.check();
    const asWritten = compilerPlan(sessionId, 5);
    const breaths = asWritten.events.filter((event) => event.kind === 'breath' && event.phase === 'inhale');
    // A breath well past the words and the tones, where the script as written would still give a tone.
    const late = breaths[breathCueThinning.voicedCycles + breathCueThinning.tonedCycles + 2];
    if (!late) throw new Error('the session has too few breaths');
    expect(asWritten.events.some((event) => event.kind === 'cue' && Math.abs(event.at - late.at) < 1e-6)).toBe(true);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const before = (await audioStarts(page)).length;
    await seekTo(page, Math.floor(late.at - 2));
    await expect.poll(async () => Number(await page.locator('#position').inputValue()), { timeout: 10_000 }).toBeGreaterThan(late.at + 0.5);
    expect((await audioStarts(page)).slice(before).filter(isCue)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'After a few breaths with words and tones, let the breathing go on in silence' }).isChecked()).toBe(true);
    expect(app.problems).toEqual([]);
  });
});

describe('the session player’s memory', () => {
  it.each(['safe-space', 'childhood-memories', 'self-compassion'])('keeps the decoded audio of %s under 64 MB', async (id) => {
    app = await openApp(`/session/${id}`, undefined, (page) =>
      page.addInitScript(() => {
        const decoded: number[] = [];
        (window as unknown as { lullDecoded: number[] }).lullDecoded = decoded;
        const original = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'decodeAudioData')?.value as (this: BaseAudioContext, data: ArrayBuffer) => Promise<AudioBuffer>;
        BaseAudioContext.prototype.decodeAudioData = async function decodeAudioData(this: BaseAudioContext, data: ArrayBuffer) {
          const buffer = await original.call(this, data);
          decoded.push(buffer.length * buffer.numberOfChannels * 4);
          return buffer;
        };
      }),
    );
    // The sounds decode while the person looks at the session; all of them are there once it plays.
    await app.page.getByRole('button', { name: 'Start' }).waitFor();
    const consent = app.page.getByRole('checkbox', { name: /I understand/u });
    if ((await consent.count()) > 0) await consent.check();
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    const bytes = await app.page.evaluate(() => (window as unknown as { lullDecoded: number[] }).lullDecoded.reduce((sum, size) => sum + size, 0));
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
