// The installable, offline app shell in real Chromium, on the production build.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enter, onboard } from '../support/app';
import { type Browser, launch, waitForController } from '../support/browser';

const baseURL = inject('baseURL');

describe('app shell', () => {
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    browser.context.on('request', (request) => requests.push(request.url()));
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is controlled by the service worker and starts offline, deep links included', async () => {
    const { page, context } = browser;
    // A fresh profile: the disguise paints first, then the first-run screen (whose text
    // comes from the lazily loaded translation chunks) takes over.
    const firstRun = () =>
      page.getByRole('heading', { name: 'Set up your private space' }).isVisible();
    await page.goto(`${baseURL}/`);
    await waitForController(page);
    await expect.poll(firstRun).toBe(true);
    expect(await page.locator('#face .calc-display').count()).toBe(1);

    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(firstRun).toBe(true);
      await page.goto(`${baseURL}/some/deep/link?x=1`);
      await expect.poll(firstRun).toBe(true);
      // The disguise's accessible names came from the precached translations too.
      expect(await page.locator('.calc-key.eq').getAttribute('aria-label')).toBe('Equals');
    } finally {
      await context.setOffline(false);
    }
  });

  it('is installable according to Chromium', async () => {
    const { page, context } = browser;
    await page.goto(`${baseURL}/`);
    await waitForController(page);
    const cdp = await context.newCDPSession(page);
    const result = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(result.installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get(`${baseURL}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({
      name: 'Calculator',
      short_name: 'Calculator',
      display: 'standalone',
      start_url: '/',
      scope: '/',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/nightjar/i);
  });

  it('sends the CSP as header and meta, and blocks an injected inline script', async () => {
    const { page } = browser;
    const response = await page.request.get(`${baseURL}/`);
    const header = response.headers()['content-security-policy'] ?? '';
    expect(header).toContain("default-src 'self'");
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header).toContain("connect-src 'self'");
    expect(header).not.toContain('unsafe-inline');
    expect(response.headers()['referrer-policy']).toBe('no-referrer');

    await page.goto(`${baseURL}/`);
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");

    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return Boolean(w.__injected);
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  it('never changes the URL or grows history while the app is used', async () => {
    const { page } = browser;
    await onboard(page, baseURL);
    const where = () => page.evaluate(() => [history.length, location.href] as const);
    const before = await where();
    const steps: Array<() => Promise<unknown>> = [
      () => page.getByRole('button', { name: 'Write a new report' }).click(),
      () => page.locator('.topbar .back').click(),
      () => page.getByRole('button', { name: 'Safety contacts' }).click(),
      () => page.locator('.topbar .back').click(),
      () => page.getByRole('button', { name: 'Settings' }).click(),
      () => page.locator('.topbar .lock').click(),
      () => enter(page),
    ];
    for (const step of steps) {
      await step();
      expect(await where()).toEqual(before);
    }
    expect(before[1]).toBe(`${baseURL}/`);
  });

  it('made every request to its own origin only', () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((url) => new URL(url).origin !== baseURL);
    expect(foreign).toEqual([]);
  });
});
