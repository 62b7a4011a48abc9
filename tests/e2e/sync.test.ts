// Sending reports in real Chromium, against the real endpoint, with the app built with a
// partner profile. The report screens are not needed: reports are queued the way the app
// stores them (a sealed, padded row in the outbox), and what is checked is what leaves.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport } from '../../server/inbox';
import { reportPayload, sealPadded, signProfile } from '../../src/core/sync';
import { enter, onboard } from '../support/app';
import { type Browser, launch, waitForController } from '../support/browser';
import { type LocalPartner, startLocalPartner } from '../support/partner';
import { ROOT } from '../support/serve';
import { fireBackgroundSync, idbAll, idbPut, setPolicy } from './sync-helpers';

const outDir = join(ROOT, 'node_modules', '.cache', `nightjar-e2e-sync-${process.pid}`);
let partner: LocalPartner;
let browser: Browser;
let base: string;
const partnerRequests: Array<{ url: string; method: string; headers: Record<string, string> }> = [];

beforeAll(async () => {
  partner = await startLocalPartner({ outDir });
  base = partner.app.url;
  browser = await launch();
  browser.context.on('request', async (request) => {
    if (!request.url().startsWith(partner.server.base)) return;
    partnerRequests.push({
      url: request.url(),
      method: request.method(),
      headers: await request.allHeaders(),
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}.partner.json`, { force: true });
});

/** A report sealed exactly as the app queues it; returns the outbox row and the content. */
async function sealedReport(canary: string) {
  const id = crypto.randomUUID();
  const report = { whatHappened: canary, types: ['threats'], consent: 'support' };
  const sealed = await sealPadded(reportPayload(id, report), partner.box.publicKey);
  if (!sealed.ok) throw new Error(sealed.error);
  const row = {
    id,
    body: Array.from(sealed.value),
    attempts: 0,
    nextAttemptAt: 0,
    state: 'queued',
  };
  return { id, report, row, bytes: sealed.value };
}

async function queue(page: import('playwright-core').Page, canary: string) {
  const r = await sealedReport(canary);
  await idbPut(page, 'outbox', r.row, ['body']);
  return r;
}

async function lock(page: import('playwright-core').Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.body.dataset.mode)).toBe('face');
}

const stored = () => partner.server.store.count();

describe('sending reports', () => {
  it('builds with connect-src naming exactly the partner origin (meta, header, worker)', async () => {
    const { page } = browser;
    const expected = `connect-src 'self' ${partner.server.base}`;
    const response = await page.request.get(`${base}/`);
    const header = response.headers()['content-security-policy'] ?? '';
    expect(header.split('; ').filter((d) => d.startsWith('connect-src'))).toEqual([expected]);
    const sw = await page.request.get(`${base}/sw.js`);
    expect(sw.headers()['content-security-policy']).toContain(`${expected};`);
    await page.goto(`${base}/`);
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta?.split('; ').filter((d) => d.startsWith('connect-src'))).toEqual([expected]);
  });

  it('creates the device receipt key on first unlock (public half in clear, secret in the vault)', async () => {
    const { page } = browser;
    await page.goto(`${base}/`);
    await waitForController(page);
    await onboard(page, base);
    await expect
      .poll(async () => ((await idbAll(page, 'sync'))[0]?.devicePublicKey as number[])?.length)
      .toBe(32);
    const records = await idbAll(page, 'records');
    expect(records.some((r) => r.id === 'sync-key' && r.kind === 'sync-key')).toBe(true);
  });

  it('the service worker sends a queued report on a sync event with the app closed, once', async () => {
    const { context } = browser;
    let page = browser.page;
    await setPolicy(page, 'background');
    await lock(page);
    const { id, report, bytes } = await queue(page, 'canary-sw-closed');
    await page.close();

    await fireBackgroundSync(context, base);
    await expect.poll(stored).toBe(1);
    const row = partner.server.store.get(id);
    expect(Buffer.compare(row?.body as Buffer, Buffer.from(bytes))).toBe(0);
    const opened = await openReport(
      row?.body as Buffer,
      {
        boxPublicKey: partner.box.publicKey,
        boxSecretKey: partner.box.secretKey,
      },
      id,
    );
    expect(opened).toEqual({ ok: true, report });

    // Reopen: the receipt is filed in the vault, the clear receipt and outbox row are gone.
    page = await context.newPage();
    browser.page = page;
    await page.goto(`${base}/`);
    expect(await idbAll(page, 'outbox')).toEqual([]);
    expect((await idbAll(page, 'receipts')).map((r) => r.id)).toEqual([id]);
    await enter(page);
    await expect.poll(async () => (await idbAll(page, 'receipts')).length).toBe(0);
    const records = await idbAll(page, 'records');
    expect(records.some((r) => r.id === `sent:${id}` && r.kind === 'sync-sent')).toBe(true);

    // Another sync event finds nothing to send; the report was stored once.
    await fireBackgroundSync(context, base);
    await new Promise((r) => setTimeout(r, 500));
    expect(stored()).toBe(1);
    // Sent by the worker, not by a page.
    const puts = partnerRequests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.url)).toEqual([`${partner.server.base}/v1/reports/${id}`]);
  });

  it('the disguise blocks sending: a sync event while it shows sends nothing', async () => {
    const { page, context } = browser;
    await setPolicy(page, 'background');
    await lock(page);
    const before = stored();
    const { id } = await queue(page, 'canary-disguise');
    await fireBackgroundSync(context, base);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(stored()).toBe(before);
    expect((await idbAll(page, 'outbox')).map((r) => r.id)).toEqual([id]);

    // Behind the disguise again, the page sends it itself (policy 'background').
    await enter(page);
    await expect.poll(stored).toBe(before + 1);
    expect(partner.server.store.get(id)).toBeDefined();
  });

  it('without Background Sync the page sends on unlock and on `online`, never while locked', async () => {
    const { page, context } = browser;
    await setPolicy(page, 'unlocked');
    await lock(page);
    const before = stored();
    const { id } = await queue(page, 'canary-fallback');
    // Reload: 'start' is a trigger too, but the disguise shows and the vault is locked.
    await page.reload();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(stored()).toBe(before);

    await context.setOffline(true);
    await enter(page); // unlock while offline: nothing can go
    await new Promise((r) => setTimeout(r, 1_000));
    expect(stored()).toBe(before);
    await context.setOffline(false); // `online`
    await expect.poll(stored).toBe(before + 1);
    expect(partner.server.store.get(id)).toBeDefined();
    await expect.poll(async () => (await idbAll(page, 'outbox')).length).toBe(0);

    // What left the page: no cookie, no referrer, no header of our own but content-type.
    const put = partnerRequests.find((r) => r.method === 'PUT' && r.url.endsWith(id));
    expect(put).toBeDefined();
    const headers = put?.headers ?? {};
    expect(headers['content-type']).toBe('application/octet-stream');
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(Object.keys(headers).filter((h) => h.startsWith('x-'))).toEqual([]);
  });

  it('reads a pairing link once and removes it from the address bar and history', async () => {
    const { page } = browser;
    const signed = signProfile(
      { ...partner.profile, name: 'Renamed Partner' },
      partner.sign.secretKey,
    );
    if (!signed.ok) throw new Error(signed.error);
    await page.goto('about:blank');
    await page.goto(`${base}/#pair=${signed.value}`);
    await expect.poll(() => page.evaluate(() => location.href)).toBe(`${base}/`);
    // The entry was replaced, not added to: Back leaves the app.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).toBe(`${base}/`);
    // Nothing is stored before the worker confirms it in Settings.
    expect((await idbAll(page, 'sync'))[0]?.partnerPayload ?? null).toBeNull();
  });
});
