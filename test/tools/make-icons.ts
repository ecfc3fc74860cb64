// Renders the app's PNG icons from its SVGs with headless Chromium: `npx tsx test/tools/make-icons.ts`.
// Run it after changing public/icon.svg or public/icons/maskable.svg, and commit the PNGs.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../browser/harness/chromium';

/** "any" icons keep the rounded corners; maskable and Apple icons fill the square (the OS masks them). */
const icons = [
  { svg: 'public/icon.svg', size: 192, out: 'public/icons/icon-192.png' },
  { svg: 'public/icon.svg', size: 512, out: 'public/icons/icon-512.png' },
  { svg: 'public/icons/maskable.svg', size: 192, out: 'public/icons/maskable-192.png' },
  { svg: 'public/icons/maskable.svg', size: 512, out: 'public/icons/maskable-512.png' },
  { svg: 'public/icons/maskable.svg', size: 180, out: 'public/icons/apple-touch-icon.png' },
] as const;

const browser = await launchChromium();
for (const { svg, size, out } of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const source = `data:image/svg+xml;base64,${readFileSync(svg).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img width="${String(size)}" height="${String(size)}" src="${source}">`);
  await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
  await page.screenshot({ path: out, omitBackground: true });
  await page.close();
  console.log(`${out} (${String(size)}×${String(size)})`);
}
await browser.close();
