// Renders the README screenshots from the production build: `npm run build && npm run screenshots`.
import { preview } from 'vite';
import { launchChromium } from '../browser/harness/chromium';

/** The main screens, each at a phone width (dark) and a desktop width (light). */
const screens = [
  { name: 'library', path: '/', ready: 'Sessions' },
  { name: 'player', path: '/safe-space?minutes=12', ready: 'Your safe place' },
  { name: 'break', path: '/break', ready: 'Take a break' },
  { name: 'journal', path: '/journal', ready: 'Journal' },
  { name: 'letters', path: '/letters', ready: 'Letters to your younger self' },
  { name: 'check-ins', path: '/check-ins', ready: 'Check-ins' },
] as const;
const sizes = [
  { suffix: 'desktop', width: 1024, height: 760, colorScheme: 'light' },
  { suffix: 'phone', width: 360, height: 760, colorScheme: 'dark' },
] as const;

const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server did not report its address.');
const browser = await launchChromium();
for (const screen of screens) {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: size.colorScheme });
    await page.goto(new URL(screen.path, url).href);
    await page.getByRole('heading', { name: screen.ready, exact: true }).first().waitFor();
    // The page has fetched what it shows and its fonts are in; the break screen starts its
    // grounding session at once, so wait for its first caption.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    await page.getByText('Opening the session…').waitFor({ state: 'detached' });
    if (screen.name === 'break') await page.locator('.caption').filter({ hasText: /\S/u }).waitFor();
    await page.screenshot({ path: `docs/${screen.name}-${size.suffix}.png` });
    await page.close();
  }
}
await browser.close();
await server.close();
