import { useReducer } from 'preact/hooks';
import { t } from '../../i18n';
import { ChangePassphrase } from './ChangePassphrase';
import { Appearance, DisguiseOptions, StorageStatus } from './DeviceOptions';
import { EraseAll } from './EraseAll';
import { AutoLock, ChangeCode, EraseAfterOption } from './SecurityOptions';

export function Settings() {
  // A language change re-renders every label on this screen.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  return (
    <section class="screen settings">
      <h1 tabIndex={-1}>{t('settings:title')}</h1>
      <h2>{t('settings:security')}</h2>
      <AutoLock />
      <EraseAfterOption />
      <ChangePassphrase />
      <ChangeCode />
      <StorageStatus />
      <DisguiseOptions />
      <Appearance onLanguage={() => rerender(0)} />
      <h2>{t('vault:erase.button')}</h2>
      <EraseAll />
    </section>
  );
}
