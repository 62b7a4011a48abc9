// Reports written on the report screens reach the partner through the real endpoint, with
// the app built for that partner: once, readable by the partner's inbox code, only with
// consent, never while the disguise shows, also after the app was closed offline.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInbox } from '../../server/inbox';
import { enter, isDisguised, onboard } from '../support/app';
import { type Browser, launch, waitForController } from '../support/browser';
import { type LocalPartner, startLocalPartner } from '../support/partner';
import { ROOT } from '../support/serve';

const outDir = join(ROOT, 'node_modules', '.cache', `nightjar-e2e-sync-reports-${process.pid}`);
let partner: LocalPartner;
let browser: Browser;
let page: Page;
const puts: string[] = [];

beforeAll(async () => {
  partner = await startLocalPartner({ outDir });
  browser = await launch();
  page = browser.page;
  browser.context.on('request', (request) => {
    if (request.url().startsWith(partner.server.base) && request.method() === 'PUT') {
      puts.push(request.url());
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}.partner.json`, { force: true });
});

const stored = () => partner.server.store.count();

async function inbox() {
  return readInbox(partner.server.store, {
    boxPublicKey: partner.box.publicKey,
    boxSecretKey: partner.box.secretKey,
  });
}

async function openSection(title: string) {
  const details = page.locator('details.form-section', {
    has: page.locator('summary', { hasText: title }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Writes and saves a report on the report screens; returns its id from the view. */
async function writeReport(text: string, consent: 'private' | 'support' | 'warn'): Promise<void> {
  await page.getByRole('button', { name: 'Write a new report' }).click();
  await page.getByRole('checkbox', { name: 'Threats' }).check();
  await page.getByLabel('Date', { exact: true }).fill('2026-11-20');
  await openSection('What happened');
  await page.getByLabel('What happened, in your own words', { exact: true }).fill(text);
  await openSection('Sharing and your details');
  const labels = {
    private: 'Keep it private, only on this phone',
    support: 'Share it with the support organisation so they can help me',
    warn: 'Also let them warn other workers, without my details',
  };
  await page.getByRole('radio', { name: labels[consent] }).check();
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Report', exact: true }).isVisible())
    .toBe(true);
}

async function home() {
  const back = page.locator('.topbar .back');
  if (await back.isVisible()) await back.click();
  await page.locator('nav.menu').waitFor();
}

describe('reports to the partner', () => {
  it('a consented report saved offline arrives once when back online, and the inbox reads it', async () => {
    await onboard(page, partner.app.url);
    await waitForController(page);
    await page.reload();
    await enter(page);
    await browser.context.setOffline(true);
    await writeReport('canary-sync-offline-Qm3', 'support');
    await expect
      .poll(() => page.locator('.sync-status').first().textContent())
      .toBe('Waiting to be sent');
    expect(stored()).toBe(0);

    await browser.context.setOffline(false);
    await expect.poll(stored, { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.locator('.sync-status').first().textContent())
      .toMatch(/^Sent\. The organisation confirmed it on /);

    const { reports, failed } = await inbox();
    expect(failed).toEqual([]);
    expect(reports).toHaveLength(1);
    const report = reports[0]?.report as Record<string, unknown>;
    expect(report.whatHappened).toBe('canary-sync-offline-Qm3');
    expect(report.types).toEqual(['threats']);
    expect(report.date).toBe('2026-11-20');
    expect(report.consent).toBe('support');
    expect(report.id).toBe(reports[0]?.id);

    // Nothing is sent again: a reload and an unlock later there is still one row, one PUT.
    await page.reload();
    await enter(page);
    await page.waitForTimeout(1_500);
    expect(stored()).toBe(1);
    expect(puts.filter((u) => u.endsWith(reports[0]?.id ?? '?'))).toHaveLength(1);
  });

  it('a report saved offline goes after the app was closed and opened again', async () => {
    await home();
    await browser.context.setOffline(true);
    await writeReport('canary-sync-closed-Wv8', 'warn');
    const before = stored();
    const context = browser.context;
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${partner.app.url}/`);
    await enter(page);
    await expect.poll(stored, { timeout: 20_000 }).toBe(before + 1);
    const { reports } = await inbox();
    const texts = reports.map((r) => (r.report as { whatHappened: string }).whatHappened);
    expect(texts.filter((t) => t === 'canary-sync-closed-Wv8')).toHaveLength(1);
  });

  it('a private report never leaves the phone', async () => {
    const before = stored();
    const putsBefore = puts.length;
    await writeReport('canary-sync-private-Ln2', 'private');
    expect(await page.locator('.sync-status').first().textContent()).toBe(
      'Kept on this phone only',
    );
    await page.waitForTimeout(2_000);
    await page.reload();
    await enter(page);
    await page.waitForTimeout(1_500);
    expect(stored()).toBe(before);
    expect(puts.length).toBe(putsBefore);
  });

  it('nothing is sent while the disguise shows; it goes once the worker is back in', async () => {
    await browser.context.setOffline(true);
    await writeReport('canary-sync-disguise-Hx5', 'support');
    const before = stored();
    await page.getByRole('button', { name: 'Quick exit' }).click();
    expect(await isDisguised(page)).toBe(true);
    await browser.context.setOffline(false);
    await page.waitForTimeout(3_000);
    expect(stored()).toBe(before);
    await enter(page);
    await expect.poll(stored, { timeout: 20_000 }).toBe(before + 1);
  });

  it('taking consent back before it is sent takes the report out of the queue', async () => {
    await home();
    await browser.context.setOffline(true);
    await writeReport('canary-sync-withdrawn-Tz4', 'support');
    await expect
      .poll(() => page.locator('.sync-status').first().textContent())
      .toBe('Waiting to be sent');
    await page.getByRole('button', { name: 'Edit' }).click();
    await openSection('Sharing and your details');
    await page.getByRole('radio', { name: 'Keep it private, only on this phone' }).check();
    await page.getByRole('button', { name: 'Save report' }).click();
    await expect
      .poll(() => page.locator('.sync-status').first().textContent())
      .toBe('Kept on this phone only');
    const before = stored();
    await browser.context.setOffline(false);
    await page.waitForTimeout(3_000);
    expect(stored()).toBe(before);
    const { reports } = await inbox();
    const texts = reports.map((r) => (r.report as { whatHappened: string }).whatHappened);
    expect(texts).not.toContain('canary-sync-withdrawn-Tz4');
  });

  it('"delete my copy once the organisation has it" removes the report after the receipt', async () => {
    await home();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('checkbox', { name: 'Delete my copy of a report once the organisation has it' })
      .check();
    await home();
    const before = stored();
    await writeReport('canary-sync-delete-copy-Rk7', 'support');
    await expect.poll(stored, { timeout: 20_000 }).toBe(before + 1);
    await home();
    await page.getByRole('button', { name: 'Bad date reports' }).click();
    await page.locator('.report-row').first().waitFor();
    await expect
      .poll(() => page.locator('.report-row', { hasText: 'canary-sync-delete-copy-Rk7' }).count())
      .toBe(0);
    const { reports } = await inbox();
    const texts = reports.map((r) => (r.report as { whatHappened: string }).whatHappened);
    expect(texts).toContain('canary-sync-delete-copy-Rk7');
  });
});
