// Steps a person takes in the app, for the browser tests.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PASSPHRASE = 'lamp river purple seven';
export const CODE = '2468';

export async function onboard(page: Page, baseURL: string, pass = PASSPHRASE, code = CODE) {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByLabel('Type it again').fill(pass);
  await page.getByLabel('Code (4 to 8 digits)').fill(code);
  await page.getByLabel('Type the code again').fill(code);
  await page.getByRole('button', { name: 'Create my private space' }).click();
  await expect
    .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), {
      timeout: 20_000,
    })
    .toBe(true);
}

/** Types the code and = on the calculator. */
export async function typeCode(page: Page, code = CODE) {
  await expect.poll(() => page.locator('.calc-display').isVisible()).toBe(true);
  for (const digit of code)
    await page.locator('.calc-key', { hasText: new RegExp(`^${digit}$`) }).click();
  await page.locator('.calc-key.eq').click();
}

export async function unlock(page: Page, pass = PASSPHRASE) {
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** From the disguise: code, passphrase, and wait for the unlocked app. */
export async function enter(page: Page, pass = PASSPHRASE, code = CODE) {
  await typeCode(page, code);
  await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
  await unlock(page, pass);
  await expect
    .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), {
      timeout: 20_000,
    })
    .toBe(true);
}

export async function isDisguised(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.body.dataset.mode === 'face' &&
      !document.getElementById('face')?.hidden &&
      (document.getElementById('app')?.childElementCount ?? 0) === 0 &&
      document.title === 'Calculator',
  );
}
