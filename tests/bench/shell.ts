// Cold start to first paint, online (a fresh profile each time: nothing cached, no service
// worker) and offline (the service worker installed, the browser relaunched and offline,
// so the worker starts cold too), and the gzipped JS that loads before the first paint.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { median, ms, type Row, ratio } from './stats';

const TRIALS = 20;

async function openProfile(dir: string) {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromePath(),
    args: CHROME_ARGS,
    headless: true,
    viewport: { width: 360, height: 640 },
  });
}

async function firstPaint(page: Page): Promise<{ fcp: number; scripts: string[] }> {
  await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
  return page.evaluate(() => {
    const paint =
      performance.getEntriesByName('first-contentful-paint')[0] ??
      performance.getEntriesByType('paint')[0];
    const fcp = paint?.startTime ?? Number.NaN;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.endsWith('.js') && e.responseEnd <= fcp)
      .map((e) => new URL(e.name).pathname);
    return { fcp, scripts };
  });
}

export async function benchShell(baseURL: string, distDir: string): Promise<Row[]> {
  const online: number[] = [];
  let scriptsBeforePaint: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'nj-bench-'));
    const context = await openProfile(dir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}/`);
    const result = await firstPaint(page);
    online.push(result.fcp);
    scriptsBeforePaint = result.scripts;
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const dir = mkdtempSync(join(tmpdir(), 'nj-bench-'));
  {
    const context = await openProfile(dir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}/`);
    await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready));
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    await context.close();
  }
  const offline: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const context = await openProfile(dir);
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}/`);
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled) throw new Error('offline start was not served by the service worker');
    offline.push((await firstPaint(page)).fcp);
    await context.close();
  }
  rmSync(dir, { recursive: true, force: true });

  const gz = scriptsBeforePaint.reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length,
    0,
  );
  const on = median(online);
  const off = median(offline);
  return [
    {
      section: 'shell',
      metric: 'cold start online, nav→first paint (median of 20)',
      value: ms(on),
    },
    { section: 'shell', metric: 'cold start offline from SW (median of 20)', value: ms(off) },
    {
      section: 'shell',
      metric: 'offline / online',
      value: ratio(off, on),
      target: '≤ 1.30×',
      verdict: off / on <= 1.3 ? 'PASS' : 'FAIL',
    },
    {
      section: 'shell',
      metric: `JS before first paint, gzipped (${scriptsBeforePaint.length} files)`,
      value: `${(gz / 1024).toFixed(1)} KB`,
      target: '≤ 25 KB',
      verdict: gz <= 25 * 1024 ? 'PASS' : 'FAIL',
    },
  ];
}
