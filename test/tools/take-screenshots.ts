// Renders the README screenshots from the production build: `npm run build && npm run screenshots`.
import { preview } from 'vite';
import { launchChromium } from '../browser/harness/chromium';
const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error("The preview server did not report its address.");
const browser = await launchChromium();
for (const [name, width, height, scheme] of [['library', 1024, 700, 'light'], ['library-phone-dark', 360, 740, 'dark']] as const) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(url);
  await page.getByRole('list', { name: 'Sessions' }).waitFor();
  await page.screenshot({ path: `docs/${name}.png` });
}
await browser.close(); await server.close();
