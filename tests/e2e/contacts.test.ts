// Safety contacts and check-in messages in real Chromium: create, edit, delete; one tap
// to call (tel:) or text (sms:, with the check-in message filled in); nothing typed here
// reaches storage, the URL or the title in readable form.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enter, isDisguised, onboard } from '../support/app';
import { type Browser, launch } from '../support/browser';
import { countStoredValues, scanBrowserStorage } from '../support/scan';

const baseURL = inject('baseURL');
const RUN = Math.random().toString(36).slice(2, 8);
const NAME = `zqAnaQ${RUN}`;
const RELATION = `zqrelationQ${RUN}`;
const NOTE = `zqnoteQ${RUN}`;
const PLACE = `zqplaceQ${RUN} Hotel, room 12`;
const TEMPLATE = `zqtemplateQ${RUN} at {place} until {time}, {name}`;
const canaries = [NAME, RELATION, NOTE, `zqplaceQ${RUN}`, `zqtemplateQ${RUN}`];

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describe('safety contacts', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = browser.page;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('creates, edits and deletes a contact, with tel: and sms: links', async () => {
    await onboard(page, baseURL);
    await page.getByRole('button', { name: 'Safety contacts' }).click();
    await expect.poll(() => page.getByText('No contacts yet.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.getByText('Add a name.').isVisible()).toBe(true);
    await field(page, 'Name').fill(NAME);
    await field(page, 'Phone number').fill('call me maybe');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect
      .poll(() =>
        page.getByText('Use a phone number with 3 to 15 digits and no letters.').isVisible(),
      )
      .toBe(true);
    await field(page, 'Phone number').fill('07700 900461');
    await field(page, 'Who they are to you').fill(RELATION);
    await field(page, 'Note').fill(NOTE);
    await page.getByRole('checkbox', { name: 'Call this person in an emergency' }).check();
    await page.getByRole('button', { name: 'Save contact' }).click();

    const call = page.getByRole('link', { name: `Call ${NAME}` });
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await call.getAttribute('href')).toBe('tel:07700900461');
    expect(await page.getByRole('link', { name: `Text ${NAME}` }).getAttribute('href')).toBe(
      'sms:07700900461',
    );
    expect(await page.locator('.contact-card').textContent()).toContain('Emergency');
    expect(await page.locator('.contact-card').textContent()).toContain(NOTE);

    // Survives a lock.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    expect(await isDisguised(page)).toBe(true);
    await enter(page);
    await page.getByRole('button', { name: 'Safety contacts' }).click();
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    expect(await field(page, 'Who they are to you').inputValue()).toBe(RELATION);
    await field(page, 'Phone number').fill('+44 7700 900999');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: `Call ${NAME}` }).getAttribute('href'))
      .toBe('tel:+447700900999');
  });

  it('fills a check-in message and texts it to a contact', async () => {
    await page.getByRole('button', { name: 'Send a check-in message' }).click();
    await field(page, "Where you'll be").fill(PLACE);
    await field(page, 'Check on me at').fill('21:30');
    const preview = page.locator('.message-preview');
    await expect
      .poll(() => preview.textContent())
      .toBe(`I'm with a client at ${PLACE}. Please check on me at 21:30.`);
    const text = page.getByRole('link', { name: `Text it to ${NAME}` });
    expect(await text.getAttribute('href')).toBe(
      `sms:+447700900999?body=${encodeURIComponent(`I'm with a client at ${PLACE}. Please check on me at 21:30.`)}`,
    );

    // The worker's own message, saved encrypted, with {name} filled per contact.
    await page.locator('summary', { hasText: 'Change the messages' }).click();
    await field(page, 'Message 1').fill(TEMPLATE);
    await page.getByRole('button', { name: 'Save messages' }).click();
    await expect
      .poll(() => page.getByText('Your messages have been saved.').isVisible())
      .toBe(true);
    await expect
      .poll(() => preview.textContent())
      .toBe(`zqtemplateQ${RUN} at ${PLACE} until 21:30, {name}`);
    expect(await text.getAttribute('href')).toBe(
      `sms:+447700900999?body=${encodeURIComponent(`zqtemplateQ${RUN} at ${PLACE} until 21:30, ${NAME}`)}`,
    );
    // No horizontal scrolling on a 320 px screen.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.setViewportSize({ width: 360, height: 640 });
  });

  it('keeps contacts, templates and check-in details out of storage, URL and title', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    expect(await isDisguised(page)).toBe(true);
    expect(await countStoredValues(page)).toBeGreaterThan(10);
    expect(await scanBrowserStorage(page, canaries)).toEqual([]);
  });

  it('deletes a contact after confirming', async () => {
    await enter(page);
    await page.getByRole('button', { name: 'Safety contacts' }).click();
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    await page.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByRole('button', { name: 'No, keep' }).click();
    await page.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => page.getByText('No contacts yet.').isVisible()).toBe(true);
  });
});
