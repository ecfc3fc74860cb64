import { afterEach, describe, expect, it } from 'vitest';
import { shippedManifest } from '../helpers/shipped-plan';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const firstLineOf = (id: string): string => {
  const [first] = Object.values(shippedManifest(id).lines);
  return first?.text ?? '';
};

describe('I need a break', () => {
  it('fades the session and moves at once into a grounding session, with help close by', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5', undefined, (page) =>
      page.addInitScript(() => {
        const fades: number[] = [];
        (window as unknown as { lullFades: number[] }).lullFades = fades;
        const original = Object.getOwnPropertyDescriptor(AudioParam.prototype, 'setTargetAtTime')?.value as (this: AudioParam, target: number, start: number, constant: number) => AudioParam;
        AudioParam.prototype.setTargetAtTime = function setTargetAtTime(this: AudioParam, target: number, start: number, constant: number) {
          if (target === 0) fades.push(constant);
          return original.call(this, target, start, constant);
        };
      }),
    );
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    // A second in, the voice and the bed are sounding (they start 0.1 s after Start), so there is something to fade.
    await expect.poll(async () => Number(await app?.page.locator('#position').inputValue())).toBeGreaterThanOrEqual(1);
    // The one way to a break, in the header's quiet bar while the session plays.
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'I need a break' }).click();
    await app.page.getByRole('heading', { name: 'Take a break' }).waitFor();
    expect(new URL(app.page.url()).pathname).toBe('/break');
    // The sounding voice and bed fade over 1.5 s (a time constant of a quarter of that), not cut.
    const fades = await app.page.evaluate(() => (window as unknown as { lullFades: number[] }).lullFades);
    expect(fades.filter((constant) => constant === 1.5 / 4).length).toBeGreaterThanOrEqual(1);
    // The grounding session is already playing: no second press needed.
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(() => app?.page.locator('.caption').innerText(), { timeout: 10_000 }).toBe(firstLineOf('self-soothing'));
    // One main heading for the screen; the session inside it is a section of it.
    expect(await app.page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Take a break']);
    await expect.poll(() => app?.page.getByText('a licensed therapist can help').count()).toBe(1);
    await expect.poll(() => app?.page.getByText('it cannot help in an emergency').count()).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it('is always one tap away in the header', async () => {
    app = await openApp('/journal');
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'I need a break' }).click();
    await app.page.getByRole('heading', { name: 'Take a break' }).waitFor();
  });

  it('keeps the person’s own support contacts on the device, with a tap to call, and removes them', async () => {
    app = await openApp('/break');
    const contacts = app.page.locator('lull-support-contacts');
    await contacts.getByText('No contacts yet').waitFor();
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => contacts.locator('#contact-name-problem').innerText()).toBe('Add a name, so you know who this is.');
    await contacts.getByLabel('Name').fill('Samira 🌿');
    await contacts.getByLabel('Phone number (optional)').fill('+44 (0)20 7946 0000');
    await contacts.getByLabel(/^Note/u).fill('my sister, evenings are best');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    const call = contacts.getByRole('link', { name: 'Call Samira 🌿' });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:+4402079460000');
    await app.page.reload();
    await app.page.locator('lull-support-contacts').getByRole('link', { name: 'Call Samira 🌿' }).waitFor();
    app.page.once('dialog', (dialog) => void dialog.accept());
    await app.page.locator('lull-support-contacts').getByRole('button', { name: 'Remove Samira 🌿' }).click();
    await app.page.locator('lull-support-contacts').getByText('No contacts yet').waitFor();
  });

  it('refuses a phone number with letters in it, and keeps what was typed', async () => {
    app = await openApp('/break');
    const contacts = app.page.locator('lull-support-contacts');
    await contacts.getByLabel('Name').fill('Dr Okafor');
    await contacts.getByLabel('Phone number (optional)').fill('call me maybe');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => contacts.locator('#contact-phone-problem').innerText()).toBe('Use only digits, spaces and + ( ) - in the number.');
    expect(await contacts.getByLabel('Name').inputValue()).toBe('Dr Okafor');
  });

  it('has no serious accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/break');
      await app.page.emulateMedia({ colorScheme });
      await app.page.getByRole('heading', { name: 'Your people' }).waitFor();
      await app.page.locator('lull-support-contacts').getByText('No contacts yet').waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
