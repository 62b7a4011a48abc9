// What the report screens do with the outbox: queue a report the worker agreed to share,
// take it out again when consent is withdrawn, retry a refused one, forget a deleted one.
// Every function needs the vault open (the screens exist only then).
import { db } from '../../app/db';
import { vault } from '../../app/session';
import type { ConsentTier } from '../../core/reports';
import {
  type DequeueOutcome,
  dequeueReport,
  type EnqueueOutcome,
  enqueueReport,
  ensureDeviceKey,
  forgetDelivered,
  fromBase64Url,
  requeueStopped,
  type SendState,
  sentRecordId,
  wipeKeyPair,
} from '../../core/sync';
import { syncConfig } from './config';
import { refreshAfterSend, type SendOutcome, sendStates, trigger } from './engine';

/** Consent tiers that send the report to the partner ('private' never does). */
export function consentAllowsSending(tier: ConsentTier): boolean {
  return tier === 'support' || tier === 'warn' || tier === 'police';
}

export type QueueResult =
  | EnqueueOutcome
  /** The partner confirmed this report already; later edits stay on the phone. */
  | 'already-sent'
  /** No organisation is set up: nothing can be sent. */
  | 'no-partner';

/**
 * Seal `report` (any JSON; the screens decide what goes in, photos included or not) for
 * the partner and queue it under `id` (the report's UUID). Sending follows the policy.
 */
export async function queueReport(report: object, id: string): Promise<QueueResult> {
  const partner = syncConfig.get().partner;
  if (partner === null) return 'no-partner';
  const v = vault();
  if ((await v.get(sentRecordId(id))).ok) return 'already-sent';
  // Receipts are sealed to this key: it must exist before anything can be sent.
  wipeKeyPair(await ensureDeviceKey(db(), v));
  const boxPublicKey = fromBase64Url(partner.boxPublicKey);
  if (boxPublicKey === null) return 'bad-key';
  const outcome = await enqueueReport(db(), {
    id,
    report,
    boxPublicKey,
    now: Date.now(),
  });
  await refreshAfterSend();
  if (outcome === 'queued' || outcome === 'replaced') trigger('queued').catch(() => undefined);
  return outcome;
}

/** Consent withdrawn before sending: the report leaves the queue. */
export async function unqueueReport(id: string): Promise<DequeueOutcome> {
  const outcome = await dequeueReport(db(), id);
  await refreshAfterSend();
  return outcome;
}

/**
 * Queue or unqueue according to the report's consent tier: the one call the report form
 * needs on save. Returns what happened, or the unqueue outcome for 'private'.
 */
export async function applyConsent(
  report: { id: string; consent: ConsentTier },
  payload: object = report,
): Promise<QueueResult | DequeueOutcome> {
  return consentAllowsSending(report.consent)
    ? queueReport(payload, report.id)
    : unqueueReport(report.id);
}

/** A report the partner refused (409, 4xx) goes back in the queue. */
export async function retryReport(id: string): Promise<boolean> {
  const requeued = await requeueStopped(db(), id, Date.now());
  await refreshAfterSend();
  if (requeued) trigger('queued').catch(() => undefined);
  return requeued;
}

/** The report was deleted: drop its outbox row and its "sent" record. */
export async function forgetReport(id: string): Promise<void> {
  await dequeueReport(db(), id);
  await forgetDelivered(vault(), id);
  await refreshAfterSend();
}

/** The worker tapped Send. */
export function sendNow(): Promise<SendOutcome> {
  return trigger('manual');
}

/** The state of each id ('private' when neither queued, refused nor sent). */
export function outboxState(ids: readonly string[]): Record<string, SendState> {
  const states = sendStates.get();
  const out: Record<string, SendState> = {};
  for (const id of ids) out[id] = states.get(id) ?? { state: 'private' };
  return out;
}
