// A list entry that cannot be decrypted: says so calmly, and offers to delete it after a
// confirmation. Used by every list of encrypted records.
import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  class?: string;
  confirmText: string;
  deleteText: string;
  onDelete: () => Promise<unknown>;
}

export function DamagedEntry(props: Props) {
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await props.onDelete();
    } catch {
      setConfirming(false);
    }
  };
  return (
    <li class={`damaged-row ${props.class ?? ''}`.trim()}>
      <p>{t('vault:damagedEntry')}</p>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-label={props.confirmText}>
          <p>{props.confirmText}</p>
          <button type="button" class="danger" onClick={() => void remove()}>
            {props.deleteText}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="link" onClick={() => setConfirming(true)}>
          {props.deleteText}
        </button>
      )}
    </li>
  );
}
