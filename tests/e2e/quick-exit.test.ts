// Quick exit in real Chromium: button, Shift×3 and Escape×2; what Back, a back/forward
// cache restore and a reload show afterwards; offline. The report-draft case is in
// reports.test.ts once reports exist.
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { enter, isDisguised, onboard, PASSPHRASE, typeCode } from '../support/app';
import { type Browser, launch, waitForController } from '../support/browser';

const baseURL = inject('baseURL');
const CANARY = 'canary-quick-exit-7Yp';

/** Starts a report and types a canary into it, so the DOM holds something sensitive. */
async function holdCanary(page: Page) {
  await page.getByRole('button', { name: 'Write a new report' }).click();
  const details = page.locator('details.form-section', {
    has: page.locator('summary', { hasText: 'What happened' }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await page.getByLabel('What happened, in your own words', { exact: true }).fill(CANARY);
  expect(await domHolds(page, CANARY)).toBe(true);
}

/** After getting back in: the unfinished report is offered and still holds the canary. */
async function expectDraftKept(page: Page, expected = CANARY) {
  await enter(page);
  await expect.poll(() => page.getByText('You have an unfinished report').isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Continue' }).click();
  const details = page.locator('details.form-section', {
    has: page.locator('summary', { hasText: 'What happened' }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  expect(
    await page.getByLabel('What happened, in your own words', { exact: true }).inputValue(),
  ).toBe(expected);
}

/** The canary anywhere in the DOM: markup, text, or the live value of any field. */
function domHolds(page: Page, canary: string): Promise<boolean> {
  return page.evaluate((c) => {
    const fields = [...document.querySelectorAll('input, textarea, select')] as HTMLInputElement[];
    return (
      document.documentElement.outerHTML.includes(c) || fields.some((f) => f.value.includes(c))
    );
  }, canary);
}

async function expectLockedDisguise(page: Page) {
  expect(await isDisguised(page)).toBe(true);
  expect(await domHolds(page, CANARY)).toBe(false);
  expect(await page.locator('#app').innerHTML()).toBe('');
  expect(page.url()).toBe(`${baseURL}/`);
}

describe('quick exit', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await launch();
    await onboard(browser.page, baseURL);
  });
  afterEach(async () => {
    await browser.close();
  });

  it('the button swaps in the disguise, locks, and leaves nothing to go back to', async () => {
    const { page } = browser;
    const historyBefore = await page.evaluate(() => history.length);
    await holdCanary(page);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expectLockedDisguise(page);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // A back/forward-cache restore (or a fresh load) shows only the disguise.
    await page.goto('about:blank');
    await page.goBack({ waitUntil: 'load' });
    await expect.poll(() => isDisguised(page).catch(() => false)).toBe(true);
    expect(await domHolds(page, CANARY)).toBe(false);

    // history.back() from the app leaves it; nothing of the app's screens is behind it.
    await page.evaluate(() => {
      setTimeout(() => history.back(), 0);
    });
    await page.waitForURL('about:blank');

    await page.goto(`${baseURL}/`);
    await expect.poll(() => isDisguised(page)).toBe(true);
    // The passphrase is needed to get back in.
    await typeCode(page);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);
    await page.reload();
    await expectDraftKept(page);
  });

  it('wins over an unlock still deriving its key, without waiting for it', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await typeCode(page);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Argon2id runs in a worker, so the main thread answers the quick exit at once.
    const started = Date.now();
    await page.getByRole('button', { name: 'Quick exit' }).click();
    expect(await isDisguised(page)).toBe(true);
    expect(Date.now() - started).toBeLessThan(150);
    // Once the derivation finishes, the session must not open behind the disguise.
    await page.waitForTimeout(1_500);
    expect(await isDisguised(page)).toBe(true);
    await typeCode(page);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);
  });

  it('a pageshow restore never shows the app behind the disguise', async () => {
    const { page } = browser;
    await holdCanary(page);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    await expectLockedDisguise(page);
  });

  it('Shift three times within 5 seconds exits; another key in between resets the count', async () => {
    const { page } = browser;
    await holdCanary(page);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    expect(await isDisguised(page)).toBe(false);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expectLockedDisguise(page);
    await expectDraftKept(page, `${CANARY}a`); // the "a" went into the report being typed
  });

  it('Escape twice within a second exits; two Escapes far apart do not', async () => {
    const { page } = browser;
    await holdCanary(page);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_200);
    await page.keyboard.press('Escape');
    expect(await isDisguised(page)).toBe(false);
    await page.waitForTimeout(1_200);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectLockedDisguise(page);
    await expectDraftKept(page);
  });

  it('works with the network off, and a reload offline shows the disguise', async () => {
    const { page, context } = browser;
    await waitForController(page);
    await page.reload(); // launch again, as after installing: into the disguise
    await enter(page);
    await context.setOffline(true);
    try {
      await holdCanary(page);
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await expectLockedDisguise(page);
      await page.reload();
      await expect.poll(() => isDisguised(page)).toBe(true);
      await expectDraftKept(page);
    } finally {
      await context.setOffline(false);
    }
  });

  it('the disguise can be a unit converter, with its own title and icon', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('What the app looks like').selectOption('converter');
    await page.getByRole('button', { name: 'Quick exit' }).click();
    expect(await page.title()).toBe('Unit converter');
    expect(await page.locator('#favicon').getAttribute('href')).toBe('/converter.svg');
    await page.reload();
    await expect.poll(() => page.getByLabel('Amount').isVisible()).toBe(true);
    expect(await page.title()).toBe('Unit converter');
    // It converts…
    await page.getByLabel('Amount').fill('10');
    await page.getByRole('button', { name: 'Convert' }).click();
    await expect.poll(() => page.locator('.conv-result').textContent()).toBe('0.01 kilometres');
    // …and the code opens the passphrase screen.
    await page.getByLabel('Amount').fill('2468');
    await page.getByRole('button', { name: 'Convert' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
  });
});
