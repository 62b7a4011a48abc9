// Settings › Sending reports: which organisation (name and key fingerprint, or none), a
// pairing offer to confirm, when to send, "delete my copy once sent", and Send now.
import './sync.css';
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../../app/store';
import { SYNC_POLICIES, type SyncPolicy } from '../../core/storage';
import type { PairingRefusal } from '../../core/sync';
import { t } from '../../i18n';
import { savePrefs, setPolicy, syncConfig, syncPrefs } from './config';
import { backgroundSyncAvailable, sendStates } from './engine';
import { confirmPairing, dismissPairing, pendingPairing } from './pairing';
import { SendNowButton } from './SendNowButton';

function refusalText(reason: PairingRefusal): string {
  switch (reason) {
    case 'origin_not_allowed':
    case 'unexpected_key':
    case 'unsupported_version':
      return t(`sync:pairing.refused.${reason}`);
    default:
      return t('sync:pairing.refused.damaged');
  }
}

function PairingPrompt() {
  const offer = useStore(pendingPairing);
  if (offer === null) return null;
  if (offer.kind === 'refused') {
    return (
      <div class="warning" role="alert">
        <p>{refusalText(offer.reason)}</p>
        <button type="button" onClick={dismissPairing}>
          {t('close')}
        </button>
      </div>
    );
  }
  return (
    <div class="notice" role="alert">
      <p>
        <strong>{t('sync:pairing.offer', { name: offer.profile.name })}</strong>
      </p>
      <p>{t('sync:pairing.offerHint')}</p>
      <p class="fingerprint" data-testid="pairing-fingerprint">
        <code>{offer.fingerprint}</code>
      </p>
      <button type="button" class="primary" onClick={() => void confirmPairing()}>
        {t('sync:pairing.confirm')}
      </button>{' '}
      <button type="button" onClick={dismissPairing}>
        {t('sync:pairing.cancel')}
      </button>
    </div>
  );
}

function Outbox() {
  const states = useStore(sendStates);
  let queued = 0;
  let refused = 0;
  for (const s of states.values()) {
    if (s.state === 'queued') queued++;
    else if (s.state === 'stopped') refused++;
  }
  return (
    <div>
      <p>{queued > 0 ? t('sync:queued', { count: queued }) : t('sync:nothingWaiting')}</p>
      {refused > 0 && <p class="warning">{t('sync:refused', { count: refused })}</p>}
      <SendNowButton />
    </div>
  );
}

export function SyncSettings() {
  const config = useStore(syncConfig);
  const prefs = useStore(syncPrefs);
  const background = useStore(backgroundSyncAvailable);
  const [policy, setPolicyShown] = useState<SyncPolicy>(config.policy);
  useEffect(() => setPolicyShown(config.policy), [config.policy]);

  return (
    <section aria-labelledby="sync-title" class="sync-settings">
      <h2 id="sync-title">{t('sync:title')}</h2>
      <PairingPrompt />
      {config.partner === null ? (
        <p data-testid="sync-no-partner">{t('sync:partner.none')}</p>
      ) : (
        <>
          <p class="hint">{t('sync:intro')}</p>
          <dl>
            <dt>{t('sync:partner.name')}</dt>
            <dd data-testid="sync-partner-name">{config.partner.name}</dd>
            <dt>{t('sync:partner.fingerprint')}</dt>
            <dd>
              <code data-testid="sync-fingerprint">{config.fingerprint}</code>
            </dd>
          </dl>
          <p class="hint">{t('sync:partner.fingerprintHint')}</p>
          {config.paired && <p class="hint">{t('sync:partner.paired')}</p>}
          <fieldset>
            <legend>{t('sync:policy.title')}</legend>
            <p class="hint">{t('sync:policy.label')}</p>
            {SYNC_POLICIES.map((p) => (
              <label class="check" key={p}>
                <input
                  type="radio"
                  name="sync-policy"
                  value={p}
                  checked={policy === p}
                  onChange={() => {
                    setPolicyShown(p);
                    void setPolicy(p);
                  }}
                />
                {t(`sync:policy.${p}`)}
              </label>
            ))}
            <p class="hint">{t('sync:policy.never')}</p>
            {policy === 'background' && background === false && (
              <p class="warning">{t('sync:policy.noBackground')}</p>
            )}
          </fieldset>
          <label class="check">
            <input
              type="checkbox"
              checked={prefs.deleteAfterSent}
              onChange={(e) => void savePrefs({ deleteAfterSent: e.currentTarget.checked })}
            />
            {t('sync:deleteAfterSent')}
          </label>
          <Outbox />
        </>
      )}
    </section>
  );
}
