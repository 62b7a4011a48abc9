// Pairing links: `<appOrigin>/#pair=<payload>`, printed by the partner's tool. Read once at
// boot (and when the fragment changes while the app is open), then removed from the URL
// with history.replaceState, so it stays neither in the address bar nor in history. The
// offer waits in memory until the worker, unlocked, compares the fingerprint and confirms
// in Settings; nothing is stored before that.
import { createStore } from '../../app/store';
import {
  checkPairing,
  fingerprint,
  type PairingRefusal,
  type PartnerProfile,
  payloadFromLink,
} from '../../core/sync';
import { partnerContext, storePairing } from './config';

export type PairingOffer =
  | { kind: 'offer'; payload: string; profile: PartnerProfile; fingerprint: string }
  | { kind: 'refused'; reason: PairingRefusal };

export const pendingPairing = createStore<PairingOffer | null>(null);

export function takePairingFromUrl(): void {
  const hash = location.hash;
  if (!hash.startsWith('#pair=')) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  const payload = payloadFromLink(hash);
  if (!payload.ok) {
    pendingPairing.set({ kind: 'refused', reason: 'bad_payload' });
    return;
  }
  const checked = checkPairing(payload.value, partnerContext());
  if (!checked.ok) {
    pendingPairing.set({ kind: 'refused', reason: checked.error });
    return;
  }
  void fingerprint(checked.value).then((fp) => {
    pendingPairing.set(
      fp.ok
        ? { kind: 'offer', payload: payload.value, profile: checked.value, fingerprint: fp.value }
        : { kind: 'refused', reason: fp.error },
    );
  });
}

export async function confirmPairing(): Promise<boolean> {
  const offer = pendingPairing.get();
  if (offer?.kind !== 'offer') return false;
  await storePairing(offer.payload);
  pendingPairing.set(null);
  return true;
}

export function dismissPairing(): void {
  pendingPairing.set(null);
}
