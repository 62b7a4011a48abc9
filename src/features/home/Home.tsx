// The first screen after unlocking.
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { t } from '../../i18n';
import { failedSinceLastUnlock } from '../unlock/notice';

export function Home() {
  const failed = useStore(failedSinceLastUnlock);
  return (
    <section class="screen">
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      {failed > 0 && (
        <p class="notice" role="status">
          {t('vault:unlock.failedSince', { count: failed })}
        </p>
      )}
      <p>{t('home.intro')}</p>
      <nav class="menu" aria-label={t('home.title')}>
        <button type="button" class="wide" onClick={() => go({ name: 'settings' })}>
          {t('settings:title')}
        </button>
      </nav>
    </section>
  );
}
