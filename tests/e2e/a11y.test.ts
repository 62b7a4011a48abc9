// Every screen, in English and in Arabic (right to left), light and dark: axe-core finds no
// violations (WCAG 2.2 A/AA rules, contrast included), and at 320 and 360 px wide nothing
// scrolls sideways. Navigation uses stable selectors, not text, so it works in any language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CODE, onboard, PASSPHRASE } from '../support/app';
import { type Browser, launch } from '../support/browser';
import { ROOT } from '../support/serve';

const baseURL = inject('baseURL');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
    };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function overflow(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 640 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (wide > 0) problems.push(`${width}px: scrolls ${wide}px sideways`);
  }
  await page.setViewportSize({ width: 360, height: 640 });
  return problems;
}

/** Controls smaller than 44×44 px (a checkbox, radio or file input counts by its label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const selector = 'button, a[href], input, select, textarea, summary';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[hidden]') || el.getClientRects().length === 0) continue;
      const input = el as HTMLInputElement;
      const box =
        input.type === 'checkbox' || input.type === 'radio' || input.type === 'file'
          ? (el.closest('label') ?? el).getBoundingClientRect()
          : el.getBoundingClientRect();
      if (box.width < 44 || box.height < 44) {
        const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.id;
        const kind = `${el.tagName.toLowerCase()}${input.type ? `[${input.type}]` : ''}`;
        small.push(`${kind} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
}

const menu = (page: Page, n: number) => page.locator('nav.menu button').nth(n);
const home = (page: Page) => page.locator('.topbar .back').click();

/** A fresh start from any state: reload (the disguise), code, passphrase, home. */
async function fromTheTop(page: Page) {
  await page.goto(`${baseURL}/`);
  await page.locator('.calc-display').waitFor();
  for (const digit of CODE) await page.keyboard.press(digit);
  await page.keyboard.press('=');
  await page.locator('#unlock-passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.locator('.topbar .lock').waitFor({ timeout: 20_000 });
}

/** Opens each screen in turn and returns its name, for the checks to run on. */
async function* screens(page: Page): AsyncGenerator<string> {
  await page.locator('.topbar .lock').click();
  yield 'disguise (calculator)';
  for (const digit of CODE) await page.keyboard.press(digit);
  await page.keyboard.press('=');
  await page.locator('#unlock-passphrase').waitFor();
  yield 'unlock';
  await page.locator('#unlock-passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.locator('.topbar .lock').waitFor({ timeout: 20_000 });
  yield 'home';
  await menu(page, 0).click();
  await page.locator('.report-row').first().waitFor();
  yield 'report list';
  await page.locator('.report-row').first().click();
  await settle(page);
  yield 'report view';
  await home(page);
  await menu(page, 1).click();
  await page.locator('details.form-section').first().waitFor();
  const sections = page.locator('details.form-section');
  for (let i = 0; i < (await sections.count()); i++) {
    const section = sections.nth(i);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }
  yield 'report form (all sections open)';
  await home(page);
  await menu(page, 2).click();
  await page.locator('.contact-card').first().waitFor();
  yield 'contacts';
  await page.locator('.contact-card button').last().click();
  await settle(page);
  yield 'contact form';
  await home(page);
  await menu(page, 3).click();
  await settle(page);
  yield 'check-in';
  await home(page);
  await menu(page, 4).click();
  await settle(page);
  yield 'settings (incl. sync)';
}

async function seed(page: Page) {
  await onboard(page, baseURL);
  await page.getByRole('button', { name: 'Write a new report' }).click();
  await page.getByRole('checkbox', { name: 'Refused to pay' }).check();
  await page.getByLabel('Date', { exact: true }).fill('2024-05-01');
  await page.getByRole('button', { name: 'Save report' }).click();
  await page.locator('.topbar .back').waitFor();
  await home(page);
  await page.getByRole('button', { name: 'Safety contacts' }).click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sam');
  await page.getByLabel('Phone number', { exact: true }).fill('07700 900461');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.locator('.contact-card').first().waitFor();
  await home(page);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility and layout, ${scheme}`, () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launch({ colorScheme: scheme });
      page = browser.page;
    });
    afterAll(async () => {
      await browser.close();
    });

    it('first run: the onboarding screen passes too, in English and Arabic', async () => {
      await page.goto(`${baseURL}/`);
      await page.locator('#new-passphrase').waitFor();
      const problems: string[] = [];
      for (const lang of ['en', 'ar'] as const) {
        await page.locator('#first-language').selectOption(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        for (const v of await axe(page)) problems.push(`onboarding ${lang}: ${v}`);
        for (const o of await overflow(page)) problems.push(`onboarding ${lang}: ${o}`);
        for (const t of await smallTargets(page)) problems.push(`onboarding ${lang}: target ${t}`);
      }
      await page.locator('#first-language').selectOption('en');
      expect(problems).toEqual([]);
    });

    it('sets up a vault with a report and a contact to look at', async () => {
      await seed(page);
    });

    for (const lang of ['en', 'ar'] as const) {
      it(`has no axe violations and no sideways scrolling in ${lang}`, async () => {
        await fromTheTop(page);
        await page.locator('nav.menu button').nth(4).click();
        await page.locator('#language').selectOption(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(
          lang === 'ar' ? 'rtl' : 'ltr',
        );
        await home(page);
        const problems: string[] = [];
        let visited = 0;
        for await (const name of screens(page)) {
          visited++;
          for (const v of await axe(page)) problems.push(`${name}: ${v}`);
          for (const o of await overflow(page)) problems.push(`${name}: ${o}`);
          for (const t of await smallTargets(page)) problems.push(`${name}: target ${t}`);
        }
        expect(visited).toBe(10);
        expect(problems).toEqual([]);
      });
    }

    it('puts the quick exit at the start edge: left in English, right in Arabic', async () => {
      const side = async () => {
        const box = await page.locator('.quick-exit').boundingBox();
        return box ? box.x + box.width / 2 : Number.NaN;
      };
      await fromTheTop(page);
      await page.locator('nav.menu button').nth(4).click();
      await page.locator('#language').selectOption('ar');
      await expect.poll(side).toBeGreaterThan(180);
      await page.locator('#language').selectOption('en');
      await expect.poll(side).toBeLessThan(180);
    });
  });
}

describe('themes', () => {
  it('follow the phone, and a theme chosen in Settings wins over it', async () => {
    const browser = await launch({ colorScheme: 'dark' });
    const { page } = browser;
    try {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await onboard(page, baseURL);
      expect(await background()).toBe('rgb(18, 18, 18)'); // the phone says dark
      await page.locator('nav.menu button').nth(4).click();
      await page.locator('#theme').selectOption('light');
      await expect.poll(background).toBe('rgb(255, 255, 255)');
      await page.reload(); // the choice is kept
      await fromTheTop(page);
      expect(await background()).toBe('rgb(255, 255, 255)');
      await page.locator('nav.menu button').nth(4).click();
      await page.locator('#theme').selectOption('system');
      await expect.poll(background).toBe('rgb(18, 18, 18)');
    } finally {
      await browser.close();
    }
  });
});

describe('keyboard', () => {
  it('sets up, moves between screens and locks with the keyboard alone; focus follows', async () => {
    const browser = await launch();
    const { page } = browser;
    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (matches: (el: { id: string; text: string }) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => ({
          id: document.activeElement?.id ?? '',
          text: document.activeElement?.textContent?.trim() ?? '',
        }));
        if (matches(el)) return;
      }
      throw new Error('never reached by Tab');
    };
    try {
      await page.goto(`${baseURL}/`);
      await page.getByRole('heading', { name: 'Set up your private space' }).waitFor();
      for (const [id, value] of [
        ['new-passphrase', PASSPHRASE],
        ['confirm-passphrase', PASSPHRASE],
        ['new-code', CODE],
        ['confirm-code', CODE],
      ] as const) {
        await tabTo((el) => el.id === id);
        await page.keyboard.type(value);
      }
      await page.keyboard.press('Enter');
      await page.locator('.topbar .lock').waitFor({ timeout: 20_000 });
      // Focus moved to the new screen's heading.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await tabTo((el) => el.text === 'Settings');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Settings');
      await tabTo((el) => el.text === 'Lock');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.body.dataset.mode)).toBe('face');
      // The calculator answers the keyboard too, and the code opens the passphrase screen.
      for (const key of [...CODE, 'Enter']) await page.keyboard.press(key);
      await page.locator('#unlock-passphrase').waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('unlock-passphrase');
      await page.keyboard.type(PASSPHRASE);
      await page.keyboard.press('Enter');
      await page.locator('.topbar .lock').waitFor({ timeout: 20_000 });
    } finally {
      await browser.close();
    }
  });
});
