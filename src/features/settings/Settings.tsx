import { t } from '../../i18n';
import { SyncSettings } from '../sync';
import { ChangePassphrase } from './ChangePassphrase';
import { Appearance, DisguiseOptions, StorageStatus } from './DeviceOptions';
import { EraseAll } from './EraseAll';
import { AutoLock, ChangeCode, EraseAfterOption } from './SecurityOptions';

export function Settings() {
  return (
    <section class="screen settings">
      <h1 tabIndex={-1}>{t('settings:title')}</h1>
      <h2>{t('settings:security')}</h2>
      <AutoLock />
      <EraseAfterOption />
      <ChangePassphrase />
      <ChangeCode />
      <StorageStatus />
      <SyncSettings />
      <DisguiseOptions />
      <Appearance />
      <h2>{t('vault:erase.button')}</h2>
      <EraseAll />
    </section>
  );
}
