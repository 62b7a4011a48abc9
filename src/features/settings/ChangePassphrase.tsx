import { useState } from 'preact/hooks';
import { vault } from '../../app/session';
import { MIN_PASSPHRASE_CHARS } from '../../core/vault';
import { t } from '../../i18n';
import { PassphraseField } from '../../ui/PassphraseField';

type Status = 'idle' | 'busy' | 'done' | 'wrong' | 'tooShort' | 'mismatch' | 'failed';

export function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [status, setStatus] = useState<Status>('idle');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (status === 'busy') return;
    if ([...next.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) return setStatus('tooShort');
    if (next !== confirm) return setStatus('mismatch');
    setStatus('busy');
    const result = await vault().changePassphrase(current, next);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      return setStatus('done');
    }
    setStatus(result.error === 'wrong-passphrase' ? 'wrong' : 'failed');
  };

  const message = {
    idle: null,
    busy: t('settings:changePassphrase.working'),
    done: t('settings:changePassphrase.done'),
    wrong: t('settings:changePassphrase.wrong'),
    tooShort: t('vault:onboarding.tooShort'),
    mismatch: t('vault:onboarding.mismatch'),
    failed: t('errors.generic'),
  }[status];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-pass-title">
      <h3 id="change-pass-title">{t('settings:changePassphrase.title')}</h3>
      <PassphraseField
        id="current-passphrase"
        label={t('settings:changePassphrase.current')}
        value={current}
        onInput={setCurrent}
      />
      <PassphraseField
        id="next-passphrase"
        label={t('settings:changePassphrase.next')}
        value={next}
        onInput={setNext}
      />
      <PassphraseField
        id="confirm-next-passphrase"
        label={t('settings:changePassphrase.confirm')}
        value={confirm}
        onInput={setConfirm}
      />
      <p class={status === 'done' ? 'ok' : 'error'} role="status">
        {message}
      </p>
      <button type="submit" disabled={status === 'busy'}>
        {t('settings:changePassphrase.submit')}
      </button>
    </form>
  );
}
