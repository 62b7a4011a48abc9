// The passphrase screen. Wrong passphrase: a calm message and nothing else changes. After
// five wrong tries in a row the vault itself enforces a growing wait, shown here as a
// countdown. The screen never says how close erase-after-N is (that would help a guesser).
import { useEffect, useState } from 'preact/hooks';
import { db, forgetDb } from '../../app/db';
import { go } from '../../app/router';
import { lockEpoch, startSession } from '../../app/session';
import { loadSettings } from '../../app/settings';
import { type UnlockError, unlockVault, unlockWaitMs } from '../../core/vault';
import { t } from '../../i18n';
import { PassphraseField } from '../../ui/PassphraseField';
import { failedSinceLastUnlock } from './notice';

export function Unlock() {
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UnlockError | null>(null);
  const [waitMs, setWaitMs] = useState(0);

  const refreshWait = async () => {
    setWaitMs(await unlockWaitMs(db()));
  };

  useEffect(() => {
    void refreshWait();
  }, []);

  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = window.setTimeout(() => setWaitMs(Math.max(0, waitMs - 1000)), 1000);
    return () => window.clearTimeout(timer);
  }, [waitMs]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || waitMs > 0 || pass.length === 0) return;
    setBusy(true);
    setError(null);
    const since = lockEpoch();
    const result = await unlockVault(db(), pass);
    if (result.ok) {
      setPass('');
      if (!startSession(result.value, since)) return; // quick exit while deriving
      failedSinceLastUnlock.set(result.value.failedAttemptsSinceLastUnlock);
      await loadSettings();
      go({ name: 'home' });
      return;
    }
    setBusy(false);
    setError(result.error);
    if (result.error === 'erased') {
      setPass('');
      forgetDb();
      return;
    }
    await refreshWait();
  };

  const seconds = Math.ceil(waitMs / 1000);
  const message = (() => {
    if (seconds > 0) return t('vault:unlock.wait', { count: seconds });
    switch (error) {
      case null:
      case 'too-soon':
        return null;
      case 'wrong-passphrase':
        return t('vault:unlock.wrong');
      case 'erased':
        return t('vault:unlock.erased');
      case 'no-vault':
        return t('vault:unlock.noVault');
      case 'weak-params':
        return t('vault:unlock.weak');
      case 'unsupported-version':
        return t('vault:unlock.newer');
      default:
        return t('vault:damaged.title');
    }
  })();

  if (error === 'erased') {
    return (
      <section class="screen">
        <h1 tabIndex={-1}>{t('vault:erase.done')}</h1>
        <p role="alert">{t('vault:unlock.erased')}</p>
        <button type="button" class="primary" onClick={() => go({ name: 'onboarding' })}>
          {t('vault:onboarding.title')}
        </button>
      </section>
    );
  }

  return (
    <form class="screen" onSubmit={submit} noValidate>
      <h1 tabIndex={-1}>{t('vault:unlock.title')}</h1>
      <PassphraseField
        id="unlock-passphrase"
        label={t('vault:unlock.passphrase')}
        value={pass}
        onInput={setPass}
        invalid={error === 'wrong-passphrase'}
        describedBy="unlock-message"
        autoFocus
      />
      <p id="unlock-message" class="error" role="alert">
        {message}
      </p>
      <button type="submit" class="primary wide" disabled={busy || seconds > 0} aria-busy={busy}>
        {busy ? t('vault:unlock.working') : t('vault:unlock.submit')}
      </button>
      {busy && <progress class="working" aria-label={t('vault:unlock.working')} />}
    </form>
  );
}
