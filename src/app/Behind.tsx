// The app behind the disguise: a top bar (quick exit always; lock while unlocked; a
// discreet update control), then the current screen. Rendered into #app only while in use.
import { useEffect, useRef } from 'preact/hooks';
import { CheckIn } from '../features/contacts/CheckIn';
import { ContactForm } from '../features/contacts/ContactForm';
import { Contacts } from '../features/contacts/Contacts';
import { Home } from '../features/home/Home';
import { Onboarding } from '../features/onboarding/Onboarding';
import { quickExit } from '../features/quick-exit';
import { ReportForm } from '../features/reports/ReportForm';
import { ReportsList } from '../features/reports/ReportsList';
import { ReportView } from '../features/reports/ReportView';
import { Settings } from '../features/settings/Settings';
import { Damaged } from '../features/unlock/Damaged';
import { Unlock } from '../features/unlock/Unlock';
import { currentLanguage, t } from '../i18n';
import { applyUpdate, updateReady } from '../sw-bridge';
import { go, LOCKED_SCREENS, type Screen, screen } from './router';
import { lockNow, unlocked } from './session';
import { useStore } from './store';

function UpdateControl() {
  const ready = useStore(updateReady);
  if (!ready) return null;
  return (
    <button type="button" class="update" onClick={applyUpdate} title={t('updateReady')}>
      {t('updateApply')}
    </button>
  );
}

function Current({ current }: { current: Screen }) {
  switch (current.name) {
    case 'onboarding':
      return <Onboarding />;
    case 'unlock':
      return <Unlock />;
    case 'damaged':
      return <Damaged />;
    case 'settings':
      return <Settings />;
    case 'reports':
      return <ReportsList />;
    case 'report':
      return <ReportForm id={current.id} />;
    case 'reportView':
      return <ReportView id={current.id} />;
    case 'contacts':
      return <Contacts />;
    case 'contact':
      return <ContactForm id={current.id} />;
    case 'checkin':
      return <CheckIn />;
    default:
      return <Home />;
  }
}

export function Behind() {
  const current = useStore(screen);
  const isOpen = useStore(unlocked);
  useStore(currentLanguage);
  const main = useRef<HTMLElement>(null);
  // Move focus to the new screen's heading so keyboard and screen-reader users follow.
  useEffect(() => {
    // A screen made for typing (the passphrase) takes focus in its field; others in the h1.
    const root = main.current;
    (
      root?.querySelector<HTMLElement>('[autofocus]') ?? root?.querySelector<HTMLElement>('h1')
    )?.focus();
  }, [current]);
  // A screen that needs the vault is never shown while locked.
  const shown: Screen = !isOpen && !LOCKED_SCREENS.has(current.name) ? { name: 'unlock' } : current;
  return (
    <div class="behind">
      <header class="topbar">
        <button type="button" class="quick-exit" onClick={quickExit}>
          {t('vault:quickExit')}
        </button>
        <span class="spacer" />
        <UpdateControl />
        {isOpen && shown.name !== 'home' && (
          <button type="button" class="back" onClick={() => go({ name: 'home' })}>
            {t('back')}
          </button>
        )}
        {isOpen && (
          <button type="button" class="lock" onClick={lockNow}>
            {t('vault:lock')}
          </button>
        )}
      </header>
      <main ref={main}>
        <Current current={shown} />
      </main>
    </div>
  );
}
