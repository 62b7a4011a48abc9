// Auto-lock choices, erase-after-N and the calculator code.
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../app/db';
import { vault } from '../../app/session';
import {
  AUTO_LOCK_CHOICES,
  type AutoLockMinutes,
  appSettings,
  saveSettings,
} from '../../app/settings';
import { useStore } from '../../app/store';
import { ERASE_AFTER_CHOICES, type EraseAfter } from '../../core/storage';
import { deviceSettings, isValidUnlockCode } from '../../core/vault';
import { t } from '../../i18n';
import { CodeField } from '../../ui/CodeField';

export function AutoLock() {
  const settings = useStore(appSettings);
  return (
    <fieldset>
      <legend>{t('settings:autoLock.title')}</legend>
      <label for="auto-lock">{t('settings:autoLock.after')}</label>
      <select
        id="auto-lock"
        value={String(settings.autoLockMinutes)}
        onChange={(e) =>
          void saveSettings({ autoLockMinutes: Number(e.currentTarget.value) as AutoLockMinutes })
        }
      >
        {AUTO_LOCK_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {m === 0
              ? t('settings:autoLock.immediately')
              : t('settings:autoLock.minutes', { count: m })}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.lockOnHide || settings.autoLockMinutes === 0}
          disabled={settings.autoLockMinutes === 0}
          onChange={(e) => void saveSettings({ lockOnHide: e.currentTarget.checked })}
        />
        {t('settings:autoLock.onHide')}
      </label>
    </fieldset>
  );
}

export function EraseAfterOption() {
  const [value, setValue] = useState<EraseAfter>(0);
  useEffect(() => {
    void deviceSettings(db()).then((d) => setValue(d.eraseAfter));
  }, []);
  return (
    <fieldset>
      <legend>{t('settings:eraseAfter.title')}</legend>
      <label for="erase-after">{t('settings:eraseAfter.label')}</label>
      <select
        id="erase-after"
        value={String(value)}
        onChange={async (e) => {
          const next = Number(e.currentTarget.value) as EraseAfter;
          await vault().setEraseAfter(next);
          setValue(next);
        }}
      >
        {ERASE_AFTER_CHOICES.map((n) => (
          <option key={n} value={String(n)}>
            {n === 0 ? t('settings:eraseAfter.off') : t('settings:eraseAfter.count', { count: n })}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

export function ChangeCode() {
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<'idle' | 'done' | 'invalid'>('idle');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!isValidUnlockCode(code)) return setStatus('invalid');
    const result = await vault().setUnlockCode(code);
    setStatus(result.ok ? 'done' : 'invalid');
    if (result.ok) setCode('');
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="code-title">
      <h3 id="code-title">{t('settings:code.title')}</h3>
      <CodeField
        id="change-code"
        label={t('settings:code.label')}
        value={code}
        onInput={setCode}
        invalid={status === 'invalid'}
      />
      <p class={status === 'done' ? 'ok' : 'error'} role="status">
        {status === 'done'
          ? t('settings:code.done')
          : status === 'invalid'
            ? t('vault:onboarding.codeInvalid')
            : null}
      </p>
      <button type="submit">{t('settings:code.submit')}</button>
    </form>
  );
}
