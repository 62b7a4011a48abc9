// A missing or unreadable header. Never create a new vault over what is stored: say so
// plainly, and offer only an explicit erase.
import { t } from '../../i18n';
import { EraseAll } from '../settings/EraseAll';

export function Damaged() {
  return (
    <section class="screen">
      <h1 tabIndex={-1}>{t('vault:damaged.title')}</h1>
      <p>{t('vault:damaged.body')}</p>
      <p>{t('vault:damaged.eraseHint')}</p>
      <EraseAll />
    </section>
  );
}
