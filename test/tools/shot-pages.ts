// Screenshots of any app pages, for a quick look: `npx tsx test/tools/shot-pages.ts /journal /your-data`.
import { preview } from 'vite';
import { launchChromium } from '../browser/harness/chromium';

const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server did not report its address.');
const browser = await launchChromium();
for (const path of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  await page.goto(new URL(path, url).href);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.getByText('Opening the session…').waitFor({ state: 'detached' });
  const name = path.replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || 'home';
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  console.log(`/tmp/shot-${name}.png`);
}
await browser.close();
await server.close();
