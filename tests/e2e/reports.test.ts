// Reports in real Chromium on the production build: a report with every section and a
// GPS-tagged photo survives lock and unlock intact, the stored photo has no metadata,
// drafts survive a reload and a quick exit, search and filters work, a damaged record
// shows as damaged while the others open, printing hides the app, and no text typed
// anywhere reaches storage, the URL, the title or the console.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enter, isDisguised, onboard } from '../support/app';
import { type Browser, launch } from '../support/browser';
import { EXIF_HEADER, GPS_LATITUDE, jpegSegments, jpegWithGps } from '../support/jpeg';
import { countStoredValues, scanBrowserStorage, scanFiles } from '../support/scan';

const baseURL = inject('baseURL');
const RUN = Math.random().toString(36).slice(2, 8);
const canaries: string[] = [];
/** A unique, searchable secret per field: it must never be found outside the vault. */
const C = (field: string) => {
  const value = `zq${field}Q${RUN}`;
  canaries.push(value);
  return value;
};

const text = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function openSection(page: Page, title: string) {
  const details = page.locator('details.form-section', {
    has: page.locator('summary', { hasText: title }),
  });
  if ((await details.getAttribute('open')) === null) {
    await details.locator('summary').click();
  }
}

/** How many records of each kind are stored, read raw from IndexedDB. */
function kinds(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('calc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('records').objectStore('records').getAll();
          all.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const row of all.result as Array<{ kind: string }>) {
              counts[row.kind] = (counts[row.kind] ?? 0) + 1;
            }
            db.close();
            resolve(counts);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function home(page: Page) {
  await page.getByRole('button', { name: 'Back' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Your safe space' }).isVisible())
    .toBe(true);
}

async function lockAndEnter(page: Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  expect(await isDisguised(page)).toBe(true);
  await enter(page);
}

async function openReports(page: Page) {
  await page.getByRole('button', { name: 'Bad date reports' }).click();
  await expect.poll(() => page.locator('.report-list, .reports p').first().isVisible()).toBe(true);
}

async function newReport(page: Page) {
  await page.getByRole('button', { name: 'Write a new report' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'New report' }).isVisible()).toBe(true);
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Report', exact: true }).isVisible())
    .toBe(true);
}

const FULL = {
  duration: C('duration'),
  whatHappened: `He refused to pay. ${C('whatHappened')}`,
  injuries: C('injuries'),
  area: C('area'),
  contactMethod: C('contactMethod'),
  phone1: '07700 900461',
  phone2: '+44 7700 900462',
  email: `${C('email')}@example.com`,
  handle: C('handle'),
  nameUsed: C('nameUsed'),
  payment: C('payment'),
  looks: {
    Gender: C('sex'),
    'Age, roughly': C('age'),
    Height: C('height'),
    Build: C('build'),
    Hair: C('hair'),
    'Facial hair': C('facialHair'),
    'Tattoos, scars or marks': C('marks'),
    Clothing: C('clothing'),
    'Accent or language': C('accent'),
    'Weapon, if any': C('weapon'),
  },
  vehicle: {
    'Number plate': 'AB12 CDE',
    Make: C('make'),
    Model: C('model'),
    Colour: C('colour'),
    'Anything that stands out': C('features'),
  },
  workingName: C('workingName'),
  safeContact: C('safeContact'),
};
const PHOTO_NAME = `${C('photoname')}.jpg`;

describe('reports', () => {
  let browser: Browser;
  let page: Page;
  const consoleText: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = browser.page;
    page.on('console', (m) => consoleText.push(m.text()));
    // The app's CSP (connect-src 'self') rightly stops fetch() of blob: URLs; the test
    // needs one such fetch to read back the photo exactly as the app displays it.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Page.setBypassCSP', { enabled: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  // The tests below run in order in one profile, each building on the one before.
  it('saves a report with every section and a photo, intact after lock and unlock; the photo has no Exif or GPS', async () => {
    await onboard(page, baseURL);
    const photo = await jpegWithGps(page);
    // The file really carries a GPS position in an Exif APP1 segment.
    const app1 = jpegSegments(photo).filter((s) => s.marker === 0xffe1);
    expect(app1).toHaveLength(1);
    expect(app1[0]?.data.subarray(0, 6).equals(EXIF_HEADER)).toBe(true);
    expect(photo.includes(GPS_LATITUDE)).toBe(true);

    await newReport(page);
    await page.getByRole('checkbox', { name: 'Threats' }).check();
    await page.getByRole('checkbox', { name: 'Theft or robbery' }).check();
    await text(page, 'Date').fill('2024-05-01');
    await text(page, 'Time, if you know it').fill('22:15');
    await text(page, 'How long it lasted').fill(FULL.duration);

    await openSection(page, 'What happened');
    await text(page, 'What happened, in your own words').fill(FULL.whatHappened);
    await text(page, 'Injuries, if any').fill(FULL.injuries);
    await page.getByRole('checkbox', { name: 'Someone to talk to' }).check();

    await openSection(page, 'Where');
    await text(page, 'Area or place').fill(FULL.area);
    await text(page, 'Where it was').selectOption('car');
    await text(page, 'How they got in touch').fill(FULL.contactMethod);

    await openSection(page, 'Who it was');
    await text(page, 'Phone number 1').fill(FULL.phone1);
    const phones = page.getByRole('group', { name: 'Phone numbers they used' });
    await phones.getByRole('button', { name: 'Add another' }).click();
    await text(page, 'Phone number 2').fill(FULL.phone2);
    await phones.getByRole('button', { name: 'Add another' }).click();
    await text(page, 'Phone number 3').fill('0000');
    await page.getByRole('button', { name: 'Remove Phone number 3' }).click();
    await expect.poll(() => text(page, 'Phone number 3').count()).toBe(0);
    await text(page, 'Email address 1').fill(FULL.email);
    await text(page, 'Username 1').fill(FULL.handle);
    await text(page, 'Name they gave').fill(FULL.nameUsed);
    await text(page, 'Payment detail 1').fill(FULL.payment);

    await openSection(page, 'What they looked like');
    for (const [label, value] of Object.entries(FULL.looks)) await text(page, label).fill(value);
    await openSection(page, 'Vehicle');
    for (const [label, value] of Object.entries(FULL.vehicle)) await text(page, label).fill(value);

    await openSection(page, 'Photos');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: PHOTO_NAME, mimeType: 'image/jpeg', buffer: photo });
    await expect
      .poll(() => page.getByText('Photo added.').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => page.locator('img.thumb').count()).toBe(1);
    expect(await page.locator('img.thumb').getAttribute('src')).toMatch(/^blob:/);

    await openSection(page, 'Sharing and your details');
    await page
      .getByRole('radio', { name: 'Also let them warn other workers, without my details' })
      .check();
    await text(page, 'Your working name').fill(FULL.workingName);
    await text(page, 'A safe way to reach you').fill(FULL.safeContact);

    // No horizontal scrolling on a 320 px screen, every section open.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.setViewportSize({ width: 360, height: 640 });

    await save(page);
    await lockAndEnter(page);
    await openReports(page);
    await expect.poll(() => page.locator('.report-row').count()).toBe(1);
    const row = page.locator('.report-row').first();
    expect(await row.textContent()).toContain('Threats · Theft or robbery');
    expect(await row.textContent()).toContain('He refused to pay.');
    await row.click();
    await expect.poll(() => page.locator('.report-details').isVisible()).toBe(true);

    const shown = (await page.locator('.report-details').textContent()) ?? '';
    for (const value of [
      FULL.duration,
      FULL.whatHappened,
      FULL.injuries,
      FULL.area,
      FULL.contactMethod,
      FULL.phone1,
      FULL.phone2,
      FULL.email,
      FULL.handle,
      FULL.nameUsed,
      FULL.payment,
      ...Object.values(FULL.looks),
      ...Object.values(FULL.vehicle),
      FULL.workingName,
      FULL.safeContact,
      'Threats · Theft or robbery',
      '1 May 2024',
      '22:15',
      'In a car',
      'Someone to talk to',
      'Also let them warn other workers, without my details',
    ]) {
      expect(shown, value).toContain(value);
    }
    expect(shown).not.toContain('0000');

    // The full-size photo, fetched from its blob: URL: a clean JPEG, no Exif, no GPS.
    await page.getByRole('button', { name: 'Open photo 1' }).click();
    await expect.poll(() => page.locator('img.photo-full').count()).toBe(1);
    const src = (await page.locator('img.photo-full').getAttribute('src')) ?? '';
    expect(src).toMatch(/^blob:/);
    const stored = Buffer.from(
      await page.evaluate(
        async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())),
        src,
      ),
    );
    const segments = jpegSegments(stored);
    expect(segments.some((s) => s.marker === 0xffe1)).toBe(false);
    expect(stored.includes(EXIF_HEADER)).toBe(false);
    expect(stored.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    expect(stored.includes(GPS_LATITUDE)).toBe(false);
    expect(
      await page.locator('img.photo-full').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(800);
  });

  it('prints a clean summary: window.print, with the app chrome and quick exit hidden', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed++;
      };
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Delete report' }).isVisible()).toBe(false);
      expect(await page.locator('.report-details').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('keeps a draft through a reload and through a quick exit, and offers it after unlocking', async () => {
    const draftText = C('draftText');
    await home(page);
    await newReport(page);
    await page.getByRole('checkbox', { name: 'Refused to pay' }).check();
    await openSection(page, 'What happened');
    await text(page, 'What happened, in your own words').pressSequentially(draftText, {
      delay: 20,
    });
    // Autosave: within about a second, without leaving the field.
    await expect
      .poll(() => page.getByText('Draft kept safe on this phone').isVisible(), { timeout: 3_000 })
      .toBe(true);
    await page.reload();
    expect(await isDisguised(page)).toBe(true);
    await enter(page);
    await expect.poll(() => page.getByText('You have an unfinished report').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await openSection(page, 'What happened');
    expect(await text(page, 'What happened, in your own words').inputValue()).toBe(draftText);
    expect(await page.getByRole('checkbox', { name: 'Refused to pay' }).isChecked()).toBe(true);

    // Typed, then a quick exit at once (long before autosave): sealed on the way out.
    const more = ' and then he left';
    await text(page, 'What happened, in your own words').press('End');
    await page.keyboard.type(more);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    expect(await isDisguised(page)).toBe(true);
    await enter(page);
    await expect.poll(() => page.getByText('You have an unfinished report').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await openSection(page, 'What happened');
    expect(await text(page, 'What happened, in your own words').inputValue()).toBe(
      draftText + more,
    );
    await save(page);
    await home(page);
    expect(await page.getByText('You have an unfinished report').count()).toBe(0);
  });

  it('searches all text and filters by type and date range', async () => {
    await newReport(page);
    await page.getByRole('checkbox', { name: 'Police misconduct' }).check();
    await text(page, 'Date').fill('2023-12-24');
    await openSection(page, 'Where');
    await text(page, 'Area or place').fill('Riverside car park');
    await save(page);
    await home(page);
    await openReports(page);
    await expect.poll(() => page.locator('.report-row').count()).toBe(3);
    // Newest first.
    const dates = await page.locator('.row-date').allTextContents();
    expect(dates[1]).toContain('1 May 2024');
    expect(dates[2]).toContain('24 Dec 2023');

    const search = text(page, 'Search');
    const rows = () => page.locator('.report-row').count();
    await search.fill('riverside');
    await expect.poll(rows).toBe(1);
    await search.fill('ab12cde'); // a plate typed another way
    await expect.poll(rows).toBe(1);
    await search.fill('07700900462'); // a phone typed another way
    await expect.poll(rows).toBe(1);
    await search.fill(FULL.looks.Clothing.toUpperCase());
    await expect.poll(rows).toBe(1);
    await search.fill('nothing like this anywhere');
    await expect.poll(rows).toBe(0);
    expect(await page.getByText('No reports match').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(rows).toBe(3);

    await page.locator('summary', { hasText: 'Filter by type or date' }).click();
    await text(page, 'Type of incident').selectOption('police');
    await expect.poll(rows).toBe(1);
    await text(page, 'Type of incident').selectOption('');
    await text(page, 'From').fill('2024-01-01');
    await expect.poll(rows).toBe(2);
    await text(page, 'To').fill('2024-05-31');
    await expect.poll(rows).toBe(1);
    expect(await page.locator('.row-types').first().textContent()).toContain('Threats');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(rows).toBe(3);
  });

  it('shows a damaged record as damaged, and the others still open', async () => {
    const damaged = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('calc');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('records', 'readwrite');
            const store = tx.objectStore('records');
            const all = store.getAll();
            let id = '';
            all.onsuccess = () => {
              const row = (
                all.result as Array<{ id: string; kind: string; ciphertext: Uint8Array }>
              ).find((r) => r.kind === 'report');
              if (!row) return reject(new Error('no report row'));
              id = row.id;
              const at = row.ciphertext.length - 5;
              row.ciphertext[at] = (row.ciphertext[at] as number) ^ 0xff;
              store.put(row);
            };
            tx.oncomplete = () => {
              db.close();
              resolve(id);
            };
          };
        }),
    );
    expect(damaged).not.toBe('');
    await lockAndEnter(page);
    await openReports(page);
    await expect
      .poll(() => page.getByText('This entry is damaged and cannot be opened').count())
      .toBe(1);
    expect(await page.locator('.report-row').count()).toBe(2);
    await page.locator('.report-row').first().click();
    await expect.poll(() => page.locator('.report-details').isVisible()).toBe(true);
  });

  it('a photo that is too many, too large or not an image gets a clear message', async () => {
    await home(page);
    await newReport(page);
    await openSection(page, 'Photos');
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a picture at all'),
    });
    await expect
      .poll(() => page.getByText("This file isn't a picture this phone can open.").isVisible())
      .toBe(true);
    await input.setInputFiles({
      name: 'big.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(15 * 1024 * 1024 + 1),
    });
    await expect
      .poll(() => page.getByText('This photo is too large (over 15 MB).').isVisible())
      .toBe(true);
    expect(await page.locator('img.thumb').count()).toBe(0);
    const small = await jpegWithGps(page, 120, 90);
    for (let i = 1; i <= 10; i++) {
      await input.setInputFiles({ name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer: small });
      await expect.poll(() => page.getByText(`${i} of 10 photos`).isVisible()).toBe(true);
    }
    await input.setInputFiles({ name: 'p11.jpg', mimeType: 'image/jpeg', buffer: small });
    await expect
      .poll(() => page.getByText('A report can have up to 10 photos.').isVisible())
      .toBe(true);
    expect(await page.locator('img.thumb').count()).toBe(10);
    expect(await kinds(page)).toMatchObject({ photo: 11 });
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Yes, throw them away' }).click();
    // The discarded draft took its ten photos with it; the first report keeps its one.
    await expect.poll(async () => (await kinds(page)).photo).toBe(1);
  });

  it('leaves no typed text, draft, photo name or report anywhere in storage, the URL, the title or the console', async () => {
    // Leave an unsaved draft behind too.
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByRole('checkbox', { name: 'Stalking or harassment' }).check();
    await text(page, 'How long it lasted').fill(C('lastDraft'));
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    expect(await isDisguised(page)).toBe(true);

    expect(await countStoredValues(page)).toBeGreaterThan(30);
    expect(await scanBrowserStorage(page, canaries)).toEqual([]);
    const leaked = consoleText.filter((line) => canaries.some((c) => line.includes(c)));
    expect(leaked).toEqual([]);
    expect(await page.evaluate(() => [location.pathname, location.search, location.hash])).toEqual([
      '/',
      '',
      '',
    ]);
    // On disk too: the whole profile folder.
    await browser.context.close().catch(() => {});
    expect(scanFiles(browser.profileDir, canaries)).toEqual([]);
  });
});
