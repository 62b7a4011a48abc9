// A new version is announced by a discreet control and activates only when the worker asks:
// the page never reloads by itself.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboard } from '../support/app';
import { type Browser, launch, waitForController } from '../support/browser';
import { build, ROOT, type Served, serve } from '../support/serve';

const outDir = join(ROOT, 'node_modules', '.cache', 'nightjar-update-test');

describe('updates', () => {
  let server: Served;
  let browser: Browser;
  beforeAll(async () => {
    build({ VITE_BUILD_ID: 'one' }, outDir);
    server = await serve(0, '127.0.0.1', outDir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('shows "Restart to update" and reloads only when asked', async () => {
    const { page } = browser;
    await onboard(page, server.url);
    await waitForController(page);
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('one');
    // A marker that a reload would wipe.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    build({ VITE_BUILD_ID: 'two' }, outDir);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const control = page.getByRole('button', { name: 'Restart to update' });
    await expect.poll(() => control.isVisible(), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('one');

    await control.click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.build).catch(() => null), {
        timeout: 20_000,
      })
      .toBe('two');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(
      undefined,
    );
  });
});
