// The vault's costs in real Chromium, through hooks that exist only in the bench build
// (src/bench/core.ts): unlock against a bare Argon2id call with the same parameters;
// saving one 2 KB record (encrypt + strict write) against an unencrypted strict Dexie put;
// opening and listing 10,000 records.
import type { Page } from 'playwright-core';
import { launch } from '../support/browser';
import { median, ms, p95, type Row, ratio } from './stats';

type Hooks = Record<string, (...args: unknown[]) => Promise<unknown>>;

function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, rest]) => {
      const hooks = (window as unknown as { __nightjarBenchCore: Hooks }).__nightjarBenchCore;
      return (hooks[name as string] as (...a: unknown[]) => Promise<unknown>)(
        ...(rest as unknown[]),
      );
    },
    [fn, args] as const,
  ) as Promise<T>;
}

export async function benchVault(baseURL: string): Promise<Row[]> {
  const browser = await launch();
  try {
    const { page } = browser;
    await page.goto(`${baseURL}/`);
    await page.waitForFunction(() => '__nightjarBenchCore' in window, undefined, {
      timeout: 20_000,
    });

    await call(page, 'prepareVault', 'bench-unlock');
    const bare: number[] = [];
    const unlock: number[] = [];
    for (let i = 0; i < 10; i++) {
      bare.push(await call<number>(page, 'bareArgon2id'));
      unlock.push(await call<number>(page, 'unlockOnce', 'bench-unlock'));
    }

    await call(page, 'prepareVault', 'bench-put');
    await call(page, 'puts', 'bench-put', 50, 2048); // warm-up
    const { encrypted, plain } = await call<{ encrypted: number[]; plain: number[] }>(
      page,
      'puts',
      'bench-put',
      500,
      2048,
    );

    await call(page, 'prepareVault', 'bench-list');
    await call(page, 'seed', 'bench-list', 10_000, 200);
    const lists: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) {
      const r = await call<{ ms: number; count: number }>(page, 'openAndList', 'bench-list');
      lists.push(r.ms);
      count = r.count;
    }
    if (count !== 10_000) throw new Error(`listed ${count} records, expected 10000`);

    const unlockRatio = median(unlock) / median(bare);
    const putRatio = p95(encrypted) / p95(plain);
    return [
      {
        section: 'vault',
        metric: 'unlock (KDF + unwrap), median of 10 (bare Argon2id)',
        value: `${ms(median(unlock))} (${ms(median(bare))})`,
      },
      {
        section: 'vault',
        metric: 'unlock / bare Argon2id',
        value: ratio(median(unlock), median(bare)),
        target: '≤ 1.15×',
        verdict: unlockRatio <= 1.15 ? 'PASS' : 'FAIL',
      },
      {
        section: 'vault',
        metric: 'save 2 KB record p95, 500 puts (unencrypted strict put, interleaved)',
        value: `${ms(p95(encrypted))} (${ms(p95(plain))})`,
      },
      {
        section: 'vault',
        metric: 'save p95 / unencrypted put p95',
        value: ratio(p95(encrypted), p95(plain)),
        target: '< 1.50×',
        verdict: putRatio < 1.5 ? 'PASS' : 'FAIL',
      },
      {
        section: 'vault',
        metric: 'open + list + decrypt 10,000 records, median of 5',
        value: ms(median(lists)),
        target: '< 400 ms',
        verdict: median(lists) < 400 ? 'PASS' : 'FAIL',
      },
    ];
  } finally {
    await browser.close();
  }
}
