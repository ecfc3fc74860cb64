import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the library shell', () => {
  it('lists every compiled session with its length and download size', async () => {
    app = await openApp('/');
    const items = app.page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    const text = await items.allInnerTexts();
    expect(text.join('\n')).toContain('Long exhale breathing');
    expect(text.join('\n')).toContain('Your safe place');
    expect(text.join('\n')).toMatch(/3–20 min · \d+(\.\d)? (KB|MB)/u);
    expect(app.problems).toEqual([]);
  });

  it('arranges the sessions by need', async () => {
    app = await openApp('/');
    await app.page.getByRole('list', { name: 'Sessions' }).waitFor();
    const overwhelmed = app.page.getByRole('list', { name: 'I feel overwhelmed' });
    await overwhelmed.waitFor();
    expect(await overwhelmed.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['The butterfly hug', 'Soothing a strong feeling']);
    expect(await app.page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(['I feel overwhelmed', 'Breathe', 'I want to reconnect', 'Be kind to myself', 'Check in']));
  });

  it('opens a practice from its short address, ready to start', async () => {
    app = await openApp('/safe-space?minutes=10&place=forest');
    await app.page.getByRole('button', { name: 'Start' }).waitFor();
    await app.page.getByRole('heading', { name: 'Your safe place' }).waitFor();
    expect(await app.page.getByRole('radio', { name: 'A green forest' }).isChecked()).toBe(true);
    expect(await app.page.locator('#length-value').innerText()).toBe('10 min');
  });

  it('has no serious accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/');
      await app.page.emulateMedia({ colorScheme });
      await app.page.getByRole('list', { name: 'Sessions' }).waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.close();
      app = undefined;
    }
  });

  it('makes no request to any other origin and breaks no CSP rule', async () => {
    app = await openApp('/');
    const origins = new Set<string>();
    app.page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await app.page.reload();
    await app.page.getByRole('list', { name: 'Sessions' }).waitFor();
    expect([...origins]).toEqual([new URL(app.page.url()).origin]);
    expect(app.problems).toEqual([]);
  });

  it('says clearly when the session library cannot be loaded', async () => {
    app = await openApp('/');
    await app.page.route('**/packs/index.json', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await app.page.reload();
    await expect.poll(() => app?.page.getByRole('alert').innerText()).toBe('The sessions could not be loaded just now. Reload the page to try again.');
  });
});
