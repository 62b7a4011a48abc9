// `npm run screenshots`: builds the app, opens it in Chromium at 360×640 and saves the
// main screens in English and Arabic to docs/screenshots/ (the README shows some of them).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/browser';
import { build, ROOT, serve } from '../tests/support/serve';

const PASS = 'lamp river purple seven';
const CODE = '2468';
const OUT = join(ROOT, 'docs', 'screenshots');
const outDir = join(ROOT, 'node_modules', '.cache', 'nightjar-screenshots');

async function shot(page: Page, name: string) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function setUp(page: Page, baseURL: string, lang: string) {
  await page.goto(`${baseURL}/`);
  await page.evaluate((l) => localStorage.setItem('calc', JSON.stringify({ lang: l })), lang);
  await page.reload();
  await page.locator('#new-passphrase').waitFor();
  await shot(page, `${lang}-onboarding`);
  await page.locator('#new-passphrase').fill(PASS);
  await page.locator('#confirm-passphrase').fill(PASS);
  await page.locator('#new-code').fill(CODE);
  await page.locator('#confirm-code').fill(CODE);
  await page.locator('form button[type=submit]').click();
  await page.locator('.topbar .lock').waitFor({ timeout: 20_000 });
}

async function run(baseURL: string, lang: string) {
  const browser = await launch({ colorScheme: lang === 'ar' ? 'dark' : 'light' });
  const { page } = browser;
  try {
    await setUp(page, baseURL, lang);
    await shot(page, `${lang}-home`);
    await page.locator('nav.menu button').nth(1).click();
    await page.locator('details.form-section').first().waitFor();
    await page.locator('fieldset.choices input[type=checkbox]').nth(1).check();
    await page.locator('fieldset.choices input[type=checkbox]').nth(3).check();
    await shot(page, `${lang}-report-form`);
    await page.locator('input[type=date]').first().fill('2026-11-20');
    await page.locator('.save-bar button, button.primary[type=submit]').first().click();
    await page.locator('.topbar .back').click();
    await page.locator('nav.menu button').nth(0).click();
    await page.locator('.report-row').first().waitFor();
    await shot(page, `${lang}-reports`);
    await page.locator('.topbar .back').click();
    await page.locator('nav.menu button').nth(4).click();
    await shot(page, `${lang}-settings`);
    await page.locator('.topbar .lock').click();
    await page.locator('.calc-display').waitFor();
    for (const key of ['1', '2', '+', '3', '0', '=']) await page.keyboard.press(key);
    await shot(page, `${lang}-disguise`);
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
build({}, outDir);
const app = await serve(0, '127.0.0.1', outDir);
try {
  for (const lang of process.argv.slice(2).length ? process.argv.slice(2) : ['en', 'ar']) {
    await run(app.url, lang);
  }
} finally {
  await app.close();
}
