import type { Page } from 'playwright-core';

/**
 * Moves the session's position slider as a person does when they let go of it: focus goes to it
 * (out of any writing box), then it changes — to `at` seconds, or `fromEnd` seconds before the end.
 */
export async function seekTo(page: Page, at: number | { fromEnd: number }): Promise<void> {
  const slider = page.locator('#position');
  await slider.focus();
  await slider.evaluate((input: HTMLInputElement, to: number | { fromEnd: number }) => {
    input.value = String(typeof to === 'number' ? to : Number(input.max) - to.fromEnd);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, at);
}
