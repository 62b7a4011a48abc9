// First run: choose a passphrase and the calculator code, then create the vault.
import { useState } from 'preact/hooks';
import { db } from '../../app/db';
import { go } from '../../app/router';
import { lockEpoch, startSession } from '../../app/session';
import { createVault, isValidUnlockCode, MIN_PASSPHRASE_CHARS } from '../../core/vault';
import { t } from '../../i18n';
import { CodeField } from '../../ui/CodeField';
import { PassphraseField } from '../../ui/PassphraseField';
import { LanguageSelect } from '../settings/LanguageSelect';

type Problem = 'tooShort' | 'mismatch' | 'codeInvalid' | 'codeMismatch' | 'notEmpty' | 'generic';

export function Onboarding() {
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [code, setCode] = useState('');
  const [codeConfirm, setCodeConfirm] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if ([...pass].length < MIN_PASSPHRASE_CHARS) return setProblem('tooShort');
    if (pass !== confirm) return setProblem('mismatch');
    if (!isValidUnlockCode(code)) return setProblem('codeInvalid');
    if (code !== codeConfirm) return setProblem('codeMismatch');
    setProblem(null);
    setBusy(true);
    // Ask the browser not to evict our data; Settings shows the answer.
    void navigator.storage?.persist?.().catch(() => false);
    const since = lockEpoch();
    const created = await createVault(db(), pass);
    if (!created.ok) {
      setBusy(false);
      return setProblem(created.error === 'not-empty' ? 'notEmpty' : 'generic');
    }
    const set = await created.value.setUnlockCode(code);
    if (!set.ok) {
      setBusy(false);
      return setProblem('codeInvalid');
    }
    if (!startSession(created.value, since)) return; // quick exit while creating
    go({ name: 'home' });
  };

  const message =
    problem === 'generic'
      ? t('errors.generic')
      : problem === 'notEmpty'
        ? t('vault:onboarding.notEmpty')
        : problem
          ? t(`vault:onboarding.${problem}`)
          : null;

  return (
    <form class="screen" onSubmit={submit} noValidate>
      <h1 tabIndex={-1}>{t('vault:onboarding.title')}</h1>
      <LanguageSelect id="first-language" />
      <p>{t('vault:onboarding.intro')}</p>
      <PassphraseField
        id="new-passphrase"
        label={t('vault:onboarding.passphrase')}
        value={pass}
        onInput={setPass}
        describedBy="passphrase-hint"
        invalid={problem === 'tooShort'}
      />
      <p id="passphrase-hint" class="hint">
        {t('vault:onboarding.passphraseHint')}
      </p>
      <PassphraseField
        id="confirm-passphrase"
        label={t('vault:onboarding.confirm')}
        value={confirm}
        onInput={setConfirm}
        invalid={problem === 'mismatch'}
      />
      <h2>{t('vault:onboarding.codeTitle')}</h2>
      <p class="hint">{t('vault:onboarding.codeIntro')}</p>
      <CodeField
        id="new-code"
        label={t('vault:onboarding.code')}
        value={code}
        onInput={setCode}
        invalid={problem === 'codeInvalid'}
      />
      <CodeField
        id="confirm-code"
        label={t('vault:onboarding.codeConfirm')}
        value={codeConfirm}
        onInput={setCodeConfirm}
        invalid={problem === 'codeMismatch'}
      />
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="primary wide" disabled={busy} aria-busy={busy}>
        {busy ? t('vault:onboarding.creating') : t('vault:onboarding.create')}
      </button>
    </form>
  );
}
