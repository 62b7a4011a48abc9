// The app behind the disguise: a top bar (quick exit, lock, update), then the current screen.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { applyUpdate, updateReady } from '../sw-bridge';
import { go, screen } from './router';
import { useStore } from './store';

function Home() {
  return (
    <section>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
    </section>
  );
}

function UpdateControl() {
  const ready = useStore(updateReady);
  if (!ready) return null;
  return (
    <button type="button" class="update" onClick={applyUpdate}>
      {t('updateApply')}
    </button>
  );
}

export function Behind() {
  const current = useStore(screen);
  const main = useRef<HTMLElement>(null);
  // Move focus to the new screen's heading so keyboard and screen-reader users follow.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [current]);
  return (
    <div class="behind">
      <header class="topbar">
        <UpdateControl />
        {current.name !== 'home' && (
          <button type="button" onClick={() => go({ name: 'home' })}>
            {t('back')}
          </button>
        )}
      </header>
      <main ref={main}>{current.name === 'home' ? <Home /> : <Home />}</main>
    </div>
  );
}
