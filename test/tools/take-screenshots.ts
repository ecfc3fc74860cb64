// Renders the screenshots in docs/screens/ from the production build: `npm run build && npm run screenshots`.
// Every screen and state, on a phone (360 × 740) and a desktop (1280 × 800), in light and dark.
// `npm run screenshots -- session-closing break` renders only the shots named.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import type { SessionPlan } from '../../src/engine/timeline';
import { launchChromium } from '../browser/harness/chromium';
import { shippedPlan } from '../helpers/shipped-plan';

interface Shot {
  readonly name: string;
  readonly path: string;
  /** Brings the screen into its state once it is open. */
  readonly prepare: (page: Page) => Promise<void>;
  /** A moment that passes quickly (a tap's light): taken as soon as it is there. */
  readonly fleeting?: true;
}

const heading = (name: string) => async (page: Page) => {
  await page.getByRole('heading', { name, exact: true }).first().waitFor();
};

async function seekTo(page: Page, seconds: number): Promise<void> {
  await page.locator('#position').evaluate((input: HTMLInputElement, at: number) => {
    input.value = String(at);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, seconds);
}

async function start(page: Page): Promise<void> {
  const consent = page.getByRole('checkbox', { name: /I understand/u });
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  if ((await consent.count()) > 0) await consent.check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: /Pause|Continue/u }).waitFor();
}

/** Waits until the screen's elapsed clock ("1:05") shows at least `seconds`: the visual has moved on the audio clock by then. */
async function clockReaches(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction((target) => {
    // The clock sits in a screen's shadow root inside the app's: every root is searched in one loop (a named helper here would need the tool's bundler helpers, which the page lacks).
    const roots: ParentNode[] = [document];
    let clock: Element | null = null;
    while (!clock && roots.length > 0) {
      const root = roots.shift() as ParentNode;
      clock = root.querySelector('.times span');
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    const [minutes = 0, secs = 0] = (clock?.textContent ?? '').trim().split(/\s/u)[0]?.split(':').map(Number) ?? [];
    return minutes * 60 + secs >= target;
  }, seconds);
}

/** Starts a session and moves to `at` seconds, then lets the screen settle on that moment. */
const playingAt = (at: (plan: SessionPlan) => number, plan: SessionPlan, visual: string) => async (page: Page) => {
  await start(page);
  const moment = at(plan);
  await seekTo(page, moment);
  await page.locator(`[data-visual="${visual}"]`).waitFor();
  await clockReaches(page, Math.floor(moment) + 1);
};

const safeSpace = shippedPlan('safe-space', 12);
const breathing = shippedPlan('breathe-long-exhale', 5);
const hug = shippedPlan('butterfly-hug', 6);
const checkIn = shippedPlan('check-in', 3);

const firstLine = (plan: SessionPlan) => (plan.captions[0]?.at ?? 0) + 1;
const firstSilence = (plan: SessionPlan) => (plan.steps.find((step) => step.kind === 'pause' && step.duration >= 6)?.at ?? 0) + 1;
const firstBreath = (plan: SessionPlan) => (plan.events.find((event) => event.kind === 'breath' && event.phase === 'inhale')?.at ?? 0) + 2.5;
const firstTaps = (plan: SessionPlan) => (plan.steps.find((step) => step.kind === 'taps')?.at ?? 0) + 3;

/** Writes a few words in the open editor and waits until they are on disk. */
async function write(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(text);
  await page.locator('lull-writing-editor').getByRole('status').filter({ hasText: /^Saved$/u }).waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}

/** A check-in session to its end, the after-mood picked with one tap. */
async function checkInToTheEnd(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Heavy', exact: true }).check();
  await start(page);
  await seekTo(page, Math.floor(checkIn.duration) - 1);
  const mood = page.getByRole('group', { name: 'How do you feel now?' });
  await mood.waitFor({ timeout: 15_000 });
  await mood.getByRole('radio', { name: 'Light', exact: true }).check();
  await page.getByText('Saved to your check-ins').waitFor();
}

/** Plays safe space at 9 minutes in the forest past 4:12, then moves to the library: the session plays on in the bar. */
async function playingOnInTheLibrary(page: Page): Promise<void> {
  await start(page);
  await seekTo(page, 252);
  await page.locator('.times').getByText(/^4:1[3-9]/u).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  await page.getByRole('region', { name: 'Now playing' }).waitFor();
  await page.getByText('Always ready offline, for a break').waitFor({ timeout: 30_000 });
}

/** Safe space left a little after 4:12 with Stop in the bar: what the library and the session then offer. */
async function leftAtFourTwelve(page: Page): Promise<void> {
  await playingOnInTheLibrary(page);
  await page.getByRole('region', { name: 'Now playing' }).getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('region', { name: 'Now playing' }).getByRole('button', { name: 'Stop' }).click();
  await page.getByText('Pick up where you left off').waitFor();
}

/** Makes a session from the library, titled "For the little one" (its first line's words given, if any), and waits until it is saved. */
async function makeSession(page: Page, firstLine?: string): Promise<void> {
  await page.getByRole('button', { name: 'Make a session' }).click();
  await page.getByRole('heading', { name: 'My session', level: 1 }).waitFor();
  await page.getByLabel('Title').fill('For the little one');
  if (firstLine !== undefined) await page.locator('ol.steps > li').nth(0).getByLabel('Words to hear').fill(firstLine);
  await page.getByText('Saved on this device.').waitFor();
}

const shots: readonly Shot[] = [
  {
    name: 'library',
    path: '/',
    // The break's session is kept offline on the first visit: shown once it is.
    prepare: async (page) => page.getByText('Always ready offline, for a break').waitFor({ timeout: 30_000 }),
  },
  { name: 'session-before', path: '/safe-space?minutes=12', prepare: heading('Your safe place') },
  { name: 'session-playing', path: '/safe-space?minutes=12', prepare: playingAt(firstLine, safeSpace, 'calm') },
  { name: 'session-silence', path: '/safe-space?minutes=12', prepare: playingAt(firstSilence, safeSpace, 'calm') },
  { name: 'session-breathing', path: '/session/breathe-long-exhale?minutes=5', prepare: playingAt(firstBreath, breathing, 'breath') },
  {
    name: 'session-taps',
    path: '/butterfly-hug?minutes=6',
    prepare: async (page) => {
      await playingAt(firstTaps, hug, 'taps')(page);
      // The moment a side is lit by its tap.
      await page.locator('svg.sides circle.lit').waitFor({ timeout: 10_000 });
    },
    fleeting: true,
  },
  { name: 'session-closing', path: '/check-in?minutes=3', prepare: checkInToTheEnd },
  { name: 'pacer', path: '/breathe?pattern=box&minutes=3', prepare: async (page) => page.getByRole('button', { name: 'Start', exact: true }).waitFor() },
  {
    name: 'pacer-playing',
    path: '/breathe?pattern=box&minutes=3',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByText('Breathe in').first().waitFor({ timeout: 15_000 });
      // Two seconds into the first breath in: the circle is half grown.
      await clockReaches(page, 2);
    },
  },
  {
    name: 'break',
    path: '/break',
    prepare: async (page) => {
      await heading('Take a break')(page);
      await page.locator('.caption').filter({ hasText: /\w/u }).waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'journal',
    path: '/journal',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'New entry' }).click();
      await write(page, 'Your entry', 'The walk by the river this morning. The light on the water, and nobody needing anything from me.');
      await page.getByRole('list', { name: 'Journal entries' }).waitFor();
    },
  },
  {
    name: 'letters',
    path: '/letters',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Write a letter' }).click();
      await page.getByLabel('Title').fill('For the girl on the swing');
      await write(page, 'Your letter', 'You were braver than anyone knew. You can rest now; I am here.');
      await page.getByRole('list', { name: 'Letters' }).waitFor();
    },
  },
  {
    name: 'check-ins',
    path: '/check-in?minutes=3',
    prepare: async (page) => {
      await checkInToTheEnd(page);
      await page.getByRole('link', { name: 'See them all' }).click();
      await page.getByRole('list', { name: 'Your check-ins' }).waitFor();
      await page.getByRole('list', { name: 'Sessions you finished' }).waitFor();
    },
  },
  { name: 'now-playing', path: '/safe-space?minutes=9&place=forest', prepare: playingOnInTheLibrary },
  { name: 'library-continue', path: '/safe-space?minutes=9&place=forest', prepare: leftAtFourTwelve },
  {
    name: 'session-continue',
    path: '/safe-space?minutes=9&place=forest',
    prepare: async (page) => {
      await leftAtFourTwelve(page);
      await page.goto(new URL('/safe-space', page.url()).href);
      await page.getByRole('button', { name: /^Continue from 4:1/u }).waitFor();
    },
  },
  {
    name: 'break-return',
    path: '/safe-space?minutes=9&place=forest',
    prepare: async (page) => {
      await start(page);
      await seekTo(page, 252);
      await page.locator('.times').getByText(/^4:1[3-9]/u).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'I need a break' }).click();
      await page.getByRole('heading', { name: 'When you are ready' }).waitFor();
      await page.locator('.caption').filter({ hasText: /\w/u }).waitFor({ timeout: 15_000 });
    },
  },
  { name: 'narrate', path: '/session/safe-space/narrate', prepare: heading('Your safe place in your own voice') },
  {
    name: 'maker',
    path: '/',
    prepare: (page) => makeSession(page),
  },
  {
    name: 'made-voice',
    path: '/',
    prepare: async (page) => {
      await makeSession(page, 'Hello, little one. You can stop whenever you like.');
      await page.getByRole('link', { name: 'Give its lines a voice' }).click();
      await page.getByRole('heading', { name: 'The voice of “For the little one”' }).waitFor();
      await page.getByRole('button', { name: /^Download the voice/u }).waitFor();
    },
  },
  { name: 'your-data', path: '/your-data', prepare: heading('Your data') },
  { name: 'about', path: '/about', prepare: heading('About Lull') },
];

const sizes = [
  { suffix: 'phone', width: 360, height: 740 },
  { suffix: 'desktop', width: 1280, height: 800 },
] as const;
const schemes = ['light', 'dark'] as const;

const only = process.argv.slice(2);
const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server did not report its address.');
mkdirSync('docs/screens', { recursive: true });
const browser = await launchChromium();
try {
  for (const shot of shots.filter((candidate) => only.length === 0 || only.includes(candidate.name))) {
    for (const size of sizes) {
      for (const colorScheme of schemes) {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme });
        await page.goto(new URL(shot.path, url).href);
        await shot.prepare(page);
        // Whatever settles last (fonts, a download's state) settles before the picture is taken.
        if (!shot.fleeting) {
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => document.fonts.ready);
          // Each picture shows the screen from its top, where a person arrives.
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        const file = `docs/screens/${shot.name}-${size.suffix}-${colorScheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
