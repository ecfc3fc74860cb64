// Renders the screenshots the web app manifest shows in install dialogs, from the production build:
// `npm run build && npx tsx test/tools/take-install-screenshots.ts`. Commit the PNGs in public/screenshots/.
import { preview } from 'vite';
import { launchChromium } from '../browser/harness/chromium';

const shots = [
  { out: 'public/screenshots/library-narrow.png', width: 412, height: 915, download: false },
  { out: 'public/screenshots/library-wide.png', width: 1280, height: 800, download: true },
] as const;

const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server did not report its address.');
const browser = await launchChromium();
for (const { out, width, height, download } of shots) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: 'light' });
  await page.goto(url);
  await page.getByRole('list', { name: 'Sessions' }).waitFor();
  if (download) {
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await page.getByRole('button', { name: 'Remove Long exhale breathing from this device' }).waitFor();
  }
  await page.screenshot({ path: out });
  await page.close();
  console.log(`${out} (${String(width)}×${String(height)})`);
}
await browser.close();
await server.close();
