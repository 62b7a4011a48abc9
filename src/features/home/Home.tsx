// The first screen after unlocking.
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { t } from '../../i18n';
import { DraftBanner } from '../reports/DraftBanner';
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
      <DraftBanner />
      <nav class="menu" aria-label={t('home.title')}>
        <button type="button" class="wide" onClick={() => go({ name: 'reports' })}>
          {t('reports:menu.list')}
        </button>
        <button type="button" class="wide" onClick={() => go({ name: 'report', id: null })}>
          {t('reports:menu.new')}
        </button>
        <button type="button" class="wide" onClick={() => go({ name: 'contacts' })}>
          {t('contacts:menu.contacts')}
        </button>
        <button type="button" class="wide" onClick={() => go({ name: 'checkin' })}>
          {t('contacts:menu.checkin')}
        </button>
        <button type="button" class="wide" onClick={() => go({ name: 'settings' })}>
          {t('settings:title')}
        </button>
      </nav>
    </section>
  );
}
