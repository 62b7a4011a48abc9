// Real Chromium for the browser tests and the benchmark: Debian's /usr/bin/chromium (or
// CHROME_PATH) driven by playwright-core, each run in a fresh profile directory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromePath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get update && apt-get install -y chromium" ` +
        '(Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}

export async function launch(
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    locale?: string;
  } = {},
): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'nightjar-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromePath(),
    args: CHROME_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 360, height: 640 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits until a service worker controls the page (it claims on first install). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated';
  });
  // A worker that was installed on this load controls only the next navigation.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}
