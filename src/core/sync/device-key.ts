// The device's receipt key pair (see receipts.ts). The secret half lives only in the vault,
// as an encrypted record; the public half is copied to the clear sync row for the service
// worker. The vault's copy is the authority: a clear key that differs is rewritten.
import { type BoxKeyPair, boxKeyPair, wipe } from '../crypto';
import { type Db, syncRepo } from '../storage';
import type { Vault } from '../vault';
import { fromBase64Url, toBase64Url } from './profile';

export const DEVICE_KEY_KIND = 'sync-key';
export const DEVICE_KEY_ID = 'sync-key';

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function readKey(vault: Vault): Promise<BoxKeyPair | null> {
  const found = await vault.get(DEVICE_KEY_ID);
  if (!found.ok || found.value.kind !== DEVICE_KEY_KIND) return null;
  const data = found.value.data as { publicKey?: unknown; secretKey?: unknown } | null;
  const pk = typeof data?.publicKey === 'string' ? fromBase64Url(data.publicKey) : null;
  const sk = typeof data?.secretKey === 'string' ? fromBase64Url(data.secretKey) : null;
  return pk?.length === 32 && sk?.length === 32 ? { publicKey: pk, secretKey: sk } : null;
}

/**
 * The device key pair, created on first use. The caller wipes `secretKey` when done.
 * Run while unlocked, before anything is queued.
 */
export async function ensureDeviceKey(db: Db, vault: Vault): Promise<BoxKeyPair> {
  let pair = await readKey(vault);
  if (pair === null) {
    pair = boxKeyPair();
    await vault.put(DEVICE_KEY_KIND, DEVICE_KEY_ID, {
      publicKey: toBase64Url(pair.publicKey),
      secretKey: toBase64Url(pair.secretKey),
    });
  }
  const publicKey = pair.publicKey;
  const current = await syncRepo.get(db);
  if (!sameBytes(current.devicePublicKey, publicKey)) {
    await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: publicKey }));
  }
  return pair;
}

export function wipeKeyPair(pair: BoxKeyPair | null): void {
  wipe(pair?.secretKey);
}
