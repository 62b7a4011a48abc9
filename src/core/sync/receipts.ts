// Delivery receipts. The service worker sends without the vault key, yet the worker should
// see when the partner confirmed a report, and "sent at" must not sit in clear. So the
// vault holds a device X25519 key pair (device-key.ts): its public key is in the clear sync
// row, and the sender seals {id, status, confirmedAt} to it. Only the unlocked app opens
// receipts; it then keeps them as encrypted vault records (delivered.ts).
import { openSealedBox, sealBox, utf8Decode, utf8Encode } from '../crypto';
import type { ReceiptRow } from '../storage';

export interface Receipt {
  id: string;
  /** The 2xx the partner answered (201 stored, 200 already had it); 0 if unreadable. */
  status: number;
  /** Epoch ms when the partner confirmed; null if the receipt could not be read. */
  confirmedAt: number | null;
}

export async function sealReceipt(
  receipt: Receipt,
  devicePublicKey: Uint8Array,
): Promise<ReceiptRow> {
  const plain = utf8Encode(JSON.stringify({ v: 1, ...receipt }));
  const sealed = await sealBox(plain, devicePublicKey);
  plain.fill(0);
  // The report did arrive: a receipt that cannot be sealed still says so, without a time.
  return { id: receipt.id, sealed: sealed.ok ? sealed.value : new Uint8Array(0) };
}

/**
 * Opens a receipt row. One that does not open (other key, damaged, moved to another id)
 * still proves a 2xx happened, since only a sender writes receipts: it is reported as sent
 * at an unknown time.
 */
export async function openReceipt(
  row: ReceiptRow,
  devicePublicKey: Uint8Array,
  deviceSecretKey: Uint8Array,
): Promise<Receipt> {
  const unknown: Receipt = { id: row.id, status: 0, confirmedAt: null };
  const opened = await openSealedBox(row.sealed, devicePublicKey, deviceSecretKey);
  if (!opened.ok) return unknown;
  try {
    const data = JSON.parse(utf8Decode(opened.value)) as Record<string, unknown>;
    if (data.v !== 1 || data.id !== row.id) return unknown;
    const status = typeof data.status === 'number' ? data.status : 0;
    const at = data.confirmedAt;
    return {
      id: row.id,
      status,
      confirmedAt: typeof at === 'number' && Number.isFinite(at) ? at : null,
    };
  } catch {
    return unknown;
  } finally {
    opened.value.fill(0);
  }
}
