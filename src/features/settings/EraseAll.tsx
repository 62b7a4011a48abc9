// "Erase all data": a 5-second countdown the user can stop, then the database is deleted,
// the display preferences cleared, and the app starts fresh at onboarding.
import { useEffect, useState } from 'preact/hooks';
import { eraseAllData } from '../../app/db';
import { clearPrefs } from '../../app/prefs';
import { lockNow } from '../../app/session';
import { t } from '../../i18n';

const SECONDS = 5;

export function EraseAll() {
  const [left, setLeft] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (left === null) return;
    if (left === 0) {
      void (async () => {
        try {
          lockNow();
          await eraseAllData();
          clearPrefs();
          // A fresh first run: reload so nothing of the old session stays in memory.
          location.replace('/');
        } catch {
          setFailed(true);
          setLeft(null);
        }
      })();
      return;
    }
    const timer = window.setTimeout(() => setLeft(left - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);

  return (
    <div class="erase">
      <p class="hint">{t('vault:erase.explain')}</p>
      {left === null ? (
        <button type="button" class="danger" onClick={() => setLeft(SECONDS)}>
          {t('vault:erase.button')}
        </button>
      ) : (
        <div role="alert">
          <p class="error">{t('vault:erase.countdown', { count: left })}</p>
          <button type="button" class="primary" onClick={() => setLeft(null)}>
            {t('vault:erase.cancel')}
          </button>
        </div>
      )}
      {failed && <p class="error">{t('errors.generic')}</p>}
    </div>
  );
}
