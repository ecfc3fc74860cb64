import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppAt, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { copyOfBuild, startStaticServer, type StaticServer } from './harness/static-server';

let build: ReturnType<typeof copyOfBuild>;
let server: StaticServer;
let app: AppAt | undefined;
beforeAll(async () => {
  // A pack as an earlier version of Lull wrote it (format 2: its script, no plan template), as a
  // person may still have it kept offline after the app updates.
  build = copyOfBuild();
  const fixture = 'test/fixtures/packs/format-2';
  const pack = join(build.root, 'packs/breathe-long-exhale');
  copyFileSync(join(fixture, 'breathe-long-exhale.manifest.json'), join(pack, 'manifest.json'));
  // Its narration as that version rendered it (the words have changed since).
  for (const file of ['narration.e6f1108754.webm', 'narration.b7b112bb8a.mp3']) copyFileSync(join(fixture, file), join(pack, file));
  server = await startStaticServer(build.root);
});
afterAll(async () => {
  await server.close();
  build.remove();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a pack of this version', () => {
  it('plays without the script reader: no code the session loads holds the YAML parser', async () => {
    app = await openAppAt(server.origin, '/session/check-in?minutes=2');
    const { page } = app;
    const paths = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') paths.add(new URL(request.url()).pathname);
    });
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await eventually(() => page.locator('.caption').innerText()).not.toBe('');
    // Each script the page asked for, read again from the server (a body the page let go of is gone from the browser).
    const loaded = await Promise.all([...paths].map(async (path) => ({ path, text: await (await fetch(new URL(path, server.origin))).text() })));
    expect(loaded.length).toBeGreaterThan(3);
    // The parser's own error text: present in its chunk, in no other.
    expect(loaded.filter(({ text }) => text.includes('Implicit map keys need')).map(({ path }) => path)).toEqual([]);
    expect(loaded.filter(({ path }) => /check-script|parse-script/u.test(path))).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});

describe('a pack kept from an earlier version', () => {
  it('still opens and plays, with its captions, and loads the script reader only for it', async () => {
    app = await openAppAt(server.origin, '/session/breathe-long-exhale?minutes=5');
    const { page } = app;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await eventually(() => page.locator('.caption').innerText()).not.toBe('');
    await eventually(() => page.locator('#position').inputValue().then(Number)).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Some sounds could not be loaded').count()).toBe(0);
    expect(scripts.some((path) => path.includes('check-script'))).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
