// What the partner has confirmed, kept inside the vault. On unlock (and whenever a sender
// reports new receipts while unlocked) the app opens every receipt with the device key,
// writes an encrypted record `sent:<id>` per report, and only then deletes the clear
// receipt rows: a crash in between opens the same receipts again, harmlessly.
import { type Db, receiptsRepo } from '../storage';
import type { Vault } from '../vault';
import { ensureDeviceKey, wipeKeyPair } from './device-key';
import { type OutboxStatus, outboxStatuses } from './outbox';
import { openReceipt, type Receipt } from './receipts';

export const SENT_KIND = 'sync-sent';
export const sentRecordId = (reportId: string): string => `sent:${reportId}`;

export interface Delivered {
  status: number;
  confirmedAt: number | null;
}

/** Opens and files every waiting receipt; returns them (oldest unknown order). */
export async function absorbReceipts(db: Db, vault: Vault): Promise<Receipt[]> {
  const rows = await receiptsRepo.list(db);
  if (rows.length === 0) return [];
  const pair = await ensureDeviceKey(db, vault);
  let receipts: Receipt[];
  try {
    receipts = await Promise.all(
      rows.map((row) => openReceipt(row, pair.publicKey, pair.secretKey)),
    );
  } finally {
    wipeKeyPair(pair);
  }
  await vault.putMany(
    receipts.map((r) => ({
      kind: SENT_KIND,
      id: sentRecordId(r.id),
      data: { status: r.status, confirmedAt: r.confirmedAt } satisfies Delivered,
    })),
  );
  await receiptsRepo.deleteMany(
    db,
    rows.map((r) => r.id),
  );
  return receipts;
}

function reviveDelivered(data: unknown): Delivered {
  const o = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    status: typeof o.status === 'number' ? o.status : 0,
    confirmedAt: typeof o.confirmedAt === 'number' ? o.confirmedAt : null,
  };
}

export async function listDelivered(vault: Vault): Promise<Map<string, Delivered>> {
  const out = new Map<string, Delivered>();
  for (const { id, result } of await vault.list(SENT_KIND)) {
    if (!id.startsWith('sent:')) continue;
    // A damaged record still says the report was sent.
    out.set(
      id.slice(5),
      result.ok ? reviveDelivered(result.value.data) : { status: 0, confirmedAt: null },
    );
  }
  return out;
}

export async function forgetDelivered(vault: Vault, reportId: string): Promise<void> {
  await vault.delete(sentRecordId(reportId));
}

/** Where one report stands. Anything neither queued, refused nor sent is 'private'. */
export type SendState =
  | { state: 'private' }
  | { state: 'queued'; attempts: number; nextAttemptAt: number }
  | { state: 'sent'; confirmedAt: number | null }
  | { state: 'stopped'; status: number };

/** Sent wins over an outbox row: the partner has (a version of) the report. */
export async function loadSendStates(db: Db, vault: Vault): Promise<Map<string, SendState>> {
  const out = new Map<string, SendState>();
  const queued: Map<string, OutboxStatus> = await outboxStatuses(db);
  for (const [id, s] of queued) {
    out.set(
      id,
      s.state === 'stopped'
        ? { state: 'stopped', status: s.status }
        : { state: 'queued', attempts: s.attempts, nextAttemptAt: s.nextAttemptAt },
    );
  }
  for (const [id, d] of await listDelivered(vault)) {
    out.set(id, { state: 'sent', confirmedAt: d.confirmedAt });
  }
  return out;
}
