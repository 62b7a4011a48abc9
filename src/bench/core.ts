// Benchmark hooks for `npm run bench` only. main.tsx imports this module only when the
// build sets VITE_BENCH_HOOKS=1, so production builds do not contain it (the build-output
// test checks). It measures the vault's primitives inside real Chromium.
import { argon2InThisThread, KDF_DEFAULT, randomSalt } from '../core/crypto';
import { eraseEverything, openDb, recordsRepo } from '../core/storage';
import { createVault, unlockVault } from '../core/vault';

const PASS = 'bench passphrase four words';

async function bareArgon2id(): Promise<number> {
  const start = performance.now();
  // hash-wasm's argon2id called directly in this thread: no worker, no unwrap, no storage.
  await argon2InThisThread({
    password: new TextEncoder().encode(PASS),
    salt: randomSalt(),
    parallelism: KDF_DEFAULT.parallelism,
    iterations: KDF_DEFAULT.iterations,
    memoryKiB: KDF_DEFAULT.memoryKiB,
    hashLength: 32,
  });
  return performance.now() - start;
}

async function unlockOnce(name: string): Promise<number> {
  const db = openDb(name);
  const start = performance.now();
  const result = await unlockVault(db, PASS);
  const took = performance.now() - start;
  if (!result.ok) throw new Error(`unlock failed: ${result.error}`);
  result.value.lock();
  db.close();
  return took;
}

async function prepareVault(name: string): Promise<void> {
  const db = openDb(name);
  const created = await createVault(db, PASS);
  if (!created.ok) throw new Error(created.error);
  created.value.lock();
  db.close();
}

function payload(size: number): string {
  return 'x'.repeat(size);
}

/** Encrypted vault puts and unencrypted strict Dexie puts of the same size, interleaved
 * so both see the same machine conditions (GC, other load). */
async function puts(
  name: string,
  n: number,
  size: number,
): Promise<{ encrypted: number[]; plain: number[] }> {
  const db = openDb(name);
  const opened = await unlockVault(db, PASS);
  if (!opened.ok) throw new Error(opened.error);
  const vault = opened.value;
  const data = { text: payload(size) };
  // The same Dexie schema and strict durability, written with unencrypted bytes.
  const plainDb = openDb(`bench-plain-${Math.random()}`);
  const bytes = new TextEncoder().encode(JSON.stringify({ v: 1, id: 'r', kind: 'bench', data }));
  const encrypted: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < n; i++) {
    let start = performance.now();
    await vault.put('bench', `r${i}`, data);
    encrypted.push(performance.now() - start);
    start = performance.now();
    await recordsRepo.put(plainDb, { id: `r${i}`, kind: 'bench', ciphertext: bytes });
    plain.push(performance.now() - start);
  }
  vault.lock();
  db.close();
  await eraseEverything(plainDb);
  return { encrypted, plain };
}

async function seed(name: string, n: number, size: number): Promise<void> {
  const db = openDb(name);
  const opened = await unlockVault(db, PASS);
  if (!opened.ok) throw new Error(opened.error);
  const batch = 500;
  for (let i = 0; i < n; i += batch) {
    const entries = Array.from({ length: Math.min(batch, n - i) }, (_, j) => ({
      kind: 'note',
      id: `n${i + j}`,
      data: { title: `entry ${i + j}`, text: payload(size) },
    }));
    await opened.value.putMany(entries);
  }
  opened.value.lock();
  db.close();
}

/** Open a fresh handle, list and decrypt every record of a kind; the vault is unlocked
 * beforehand so the figure is the storage + decryption cost alone. */
async function openAndList(name: string): Promise<{ ms: number; count: number }> {
  const db = openDb(name);
  const opened = await unlockVault(db, PASS);
  if (!opened.ok) throw new Error(opened.error);
  db.close();
  const fresh = openDb(name);
  const again = await unlockVault(fresh, PASS);
  if (!again.ok) throw new Error(again.error);
  const start = performance.now();
  const rows = await again.value.list('note');
  const ms = performance.now() - start;
  const count = rows.filter((r) => r.result.ok).length;
  again.value.lock();
  fresh.close();
  return { ms, count };
}

declare global {
  interface Window {
    __nightjarBenchCore?: unknown;
  }
}

window.__nightjarBenchCore = {
  bareArgon2id,
  prepareVault,
  unlockOnce,
  puts,
  seed,
  openAndList,
};
