// The clear sync settings (policy, partner) as the page sees them, and the worker's own
// preference kept in the vault (delete my copy once the partner has it).
import { db } from '../../app/db';
import { onLock, vault } from '../../app/session';
import { createStore } from '../../app/store';
import { type SyncPolicy, syncRepo } from '../../core/storage';
import {
  activePartner,
  builtInPartner,
  fingerprint,
  type PartnerContext,
  type PartnerProfile,
} from '../../core/sync';

export interface SyncConfigView {
  policy: SyncPolicy;
  partner: PartnerProfile | null;
  /** "XXXX-XXXX-XXXX-XXXX" over the partner's keys, for the worker to compare. */
  fingerprint: string | null;
  /** The partner came from a pairing link rather than this build. */
  paired: boolean;
}

export const syncConfig = createStore<SyncConfigView>({
  policy: 'unlocked',
  partner: null,
  fingerprint: null,
  paired: false,
});

export function partnerContext(): PartnerContext {
  return { builtIn: builtInPartner(), appOrigin: location.origin };
}

export async function refreshConfig(): Promise<SyncConfigView> {
  const stored = await syncRepo.get(db());
  const ctx = partnerContext();
  const partner = activePartner(stored.partnerPayload, ctx);
  const fp = partner ? await fingerprint(partner) : null;
  const view: SyncConfigView = {
    policy: stored.policy,
    partner,
    fingerprint: fp?.ok ? fp.value : null,
    paired: partner !== null && partner !== ctx.builtIn,
  };
  syncConfig.set(view);
  return view;
}

export async function setPolicy(policy: SyncPolicy): Promise<void> {
  await syncRepo.update(db(), (s) => ({ ...s, policy }));
  await refreshConfig();
}

/** Store a verified pairing payload the worker confirmed. */
export async function storePairing(payload: string): Promise<void> {
  await syncRepo.update(db(), (s) => ({ ...s, partnerPayload: payload }));
  await refreshConfig();
}

// -- inside the vault ---------------------------------------------------------------------

const PREFS_ID = 'sync-prefs';

export interface SyncPrefs {
  /** Delete the local report once the partner confirmed it (the report screens do it). */
  deleteAfterSent: boolean;
}

const DEFAULT_PREFS: SyncPrefs = { deleteAfterSent: false };
export const syncPrefs = createStore<SyncPrefs>(DEFAULT_PREFS);
onLock(() => syncPrefs.set(DEFAULT_PREFS));

export async function loadPrefs(): Promise<SyncPrefs> {
  const found = await vault().get(PREFS_ID);
  const data = found.ok ? (found.value.data as Partial<SyncPrefs> | null) : null;
  const prefs = { deleteAfterSent: data?.deleteAfterSent === true };
  syncPrefs.set(prefs);
  return prefs;
}

export async function savePrefs(patch: Partial<SyncPrefs>): Promise<void> {
  const next = { ...syncPrefs.get(), ...patch };
  await vault().put(PREFS_ID, PREFS_ID, next);
  syncPrefs.set(next);
}
