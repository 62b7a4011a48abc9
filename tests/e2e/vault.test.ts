// The encrypted vault in real Chromium: nothing readable in storage, reload needs the
// passphrase, wrong passphrases, auto-lock on hide and on idle, erase, damage handling.
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { isDisguised, onboard, typeCode, unlock } from '../support/app';
import { type Browser, launch } from '../support/browser';
import { countStoredValues, scanBrowserStorage, scanFiles } from '../support/scan';

const baseURL = inject('baseURL');

/** Rows in the app's database, read raw (0 when the database does not exist). */
function storedRows(page: Page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'calc')) {
      return { header: 0, records: 0 };
    }
    return new Promise<{ header: number; records: number }>((resolve, reject) => {
      const open = indexedDB.open('calc');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('header')) {
          db.close();
          return resolve({ header: 0, records: 0 });
        }
        const tx = db.transaction(['header', 'records']);
        const h = tx.objectStore('header').count();
        const r = tx.objectStore('records').count();
        tx.oncomplete = () => {
          db.close();
          resolve({ header: h.result, records: r.result });
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
  });
}
const PASS = 'canary-passphrase-Zq81';
const CODE = '97315';

describe('vault', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await browser.close();
  });

  it('keeps the passphrase and the code out of every storage area, in every encoding', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    // Write an encrypted record (settings) so the records store is not empty.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock after no activity for').selectOption('15');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    expect(await isDisguised(page)).toBe(true);

    const canaries = [PASS, CODE];
    expect(await countStoredValues(page)).toBeGreaterThan(10);
    expect(await scanBrowserStorage(page, canaries)).toEqual([]);
    // The scan can see a canary where one is: prove it is not blind.
    await page.evaluate((c) => sessionStorage.setItem('probe', btoa(c)), PASS);
    expect(await scanBrowserStorage(page, canaries)).toHaveLength(1);
    await page.evaluate(() => sessionStorage.clear());
    // And on disk: the whole IndexedDB folder of the profile.
    await browser.context.close().catch(() => {});
    expect(scanFiles(browser.profileDir, canaries)).toEqual([]);
  });

  it('needs the passphrase after a reload, and says "Wrong passphrase" calmly', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.reload();
    expect(await isDisguised(page)).toBe(true);
    // A wrong code just calculates.
    await typeCode(page, '1234');
    await expect.poll(() => page.locator('.calc-display').textContent()).toBe('1234');
    expect(await isDisguised(page)).toBe(true);
    await page.locator('.calc-key', { hasText: /^(AC|C)$/ }).click();

    await typeCode(page, CODE);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
    await unlock(page, 'not the passphrase');
    await expect
      .poll(() => page.locator('#unlock-message').textContent(), { timeout: 20_000 })
      .toBe('Wrong passphrase');
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);
    await unlock(page, PASS);
    await expect
      .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    // The worker is told someone tried.
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('1 time since you last opened this');
  });

  it('makes you wait after five wrong passphrases in a row', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await typeCode(page, CODE);
    for (let i = 0; i < 5; i++) {
      await expect
        .poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 20_000 })
        .toBe(true);
      await unlock(page, `wrong guess ${i}`);
      await expect
        .poll(() => page.locator('#unlock-message').textContent(), { timeout: 20_000 })
        .toMatch(/Wrong passphrase|try again in/);
    }
    await expect
      .poll(() => page.locator('#unlock-message').textContent(), { timeout: 20_000 })
      .toMatch(/You can try again in \d+ seconds?/);
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
  });

  it('locks when the page is hidden', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    // Headless Chromium never hides a page (minimising or switching tabs leaves it
    // 'visible'), so the test makes the document report 'hidden' and fires the real event.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await isDisguised(page)).toBe(true);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'visible',
      });
    });
    await typeCode(page, CODE);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
  });

  it('locks after the chosen time without activity', async () => {
    const { page } = browser;
    await page.clock.install();
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock after no activity for').selectOption('1');
    await page.clock.fastForward(30_000);
    expect(await isDisguised(page)).toBe(false);
    await page.clock.fastForward(31_000);
    await expect.poll(() => isDisguised(page)).toBe(true);
    expect(await page.locator('#app').innerHTML()).toBe('');
  });

  it('erases everything after N wrong passphrases when the worker chose that', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page
      .getByLabel('Erase everything after this many wrong passphrases in a row')
      .selectOption('5');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await typeCode(page, CODE);
    for (let i = 0; i < 5; i++) {
      await expect
        .poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 20_000 })
        .toBe(true);
      await unlock(page, `wrong guess ${i}`);
      if (i < 4) {
        await expect
          .poll(() => page.locator('#unlock-message').textContent(), { timeout: 20_000 })
          .toBe('Wrong passphrase');
      }
    }
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 20_000 })
      .toContain('everything on this phone has been erased');
    expect(await storedRows(page)).toEqual({ header: 0, records: 0 });
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: 'Create my private space' }).isVisible())
      .toBe(true);
  });

  it('changes the passphrase: the old one stops working', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Current passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Type the new passphrase again').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect
      .poll(() => page.getByText('Your passphrase has been changed.').isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await typeCode(page, CODE);
    await unlock(page, PASS);
    await expect
      .poll(() => page.locator('#unlock-message').textContent(), { timeout: 20_000 })
      .toBe('Wrong passphrase');
    await unlock(page, 'a brand new passphrase');
    await expect
      .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
  });

  it('erases all data after a cancellable 5-second countdown', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Erase all data' }).click();
    await expect.poll(() => page.getByText(/Erasing in \d seconds/).isVisible()).toBe(true);
    await page.getByRole('button', { name: "Stop, don't erase" }).click();
    await page.waitForTimeout(6_000);
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Erase all data' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Create my private space' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await storedRows(page)).toEqual({ header: 0, records: 0 });
  });

  it('shows a clear screen for a missing header and never makes a new vault over records', async () => {
    const { page } = browser;
    await onboard(page, baseURL, PASS, CODE);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock after no activity for').selectOption('15');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('calc');
          open.onsuccess = () => {
            const tx = open.result.transaction('header', 'readwrite');
            tx.objectStore('header').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('heading', { name: "Your saved data can't be opened" }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Create my private space' }).count()).toBe(0);
    const records = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('calc');
          open.onsuccess = () => {
            const req = open.result.transaction('records').objectStore('records').count();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
    expect(records).toBeGreaterThan(0);
  });
});
