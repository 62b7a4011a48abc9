// "You have an unfinished report — continue / discard", on the home screen and the list.
import './reports.css';
import { useEffect, useState } from 'preact/hooks';
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { t } from '../../i18n';
import { discardDraft, draftWrites, openDraft, openForEditing } from './draft';
import { formatDay, typeList } from './format';
import { removeDamaged } from './save';
import { forgetDraft, refreshDrafts, storedDrafts, unfinishedDrafts } from './state';
import type { Draft } from './store';

export function DraftBanner() {
  useStore(storedDrafts);
  const open = useStore(openDraft);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    void draftWrites().then(refreshDrafts);
  }, []);

  const drafts = unfinishedDrafts();
  if (drafts.length === 0) return null;

  const resume = (draft: Draft) => {
    if (open?.report.id !== draft.report.id) openForEditing(draft, true);
    go({ name: 'report', id: draft.report.id });
  };
  const discard = async (recordId: string, draft: Draft | null) => {
    setConfirming(null);
    try {
      if (draft) await discardDraft(draft.report.id);
      else await removeDamaged(recordId);
    } catch {
      // Locked meanwhile: the draft is still there next time.
    }
    forgetDraft(recordId.slice('draft:'.length));
  };

  return (
    <section class="draft-banner" aria-labelledby="draft-banner-title">
      <h2 id="draft-banner-title">{t('reports:draft.unfinished')}</h2>
      <ul>
        {drafts.map(({ id, value }) => (
          <li key={id}>
            {value ? (
              <p>
                {value.report.date
                  ? t('reports:draft.from', { date: formatDay(value.report.date) })
                  : t('reports:draft.noDate')}
                {value.report.types.length > 0 && <span> · {typeList(value.report.types)}</span>}
              </p>
            ) : (
              <p class="damaged">{t('vault:damagedEntry')}</p>
            )}
            {confirming === id ? (
              <div
                class="confirm"
                role="alertdialog"
                aria-label={t('reports:draft.discardConfirm')}
              >
                <p>{t('reports:draft.discardConfirm')}</p>
                <button type="button" class="danger" onClick={() => void discard(id, value)}>
                  {t('reports:draft.discardYes')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('reports:draft.keep')}
                </button>
              </div>
            ) : (
              <div class="actions">
                {value && (
                  <button type="button" class="primary" onClick={() => resume(value)}>
                    {t('reports:draft.continue')}
                  </button>
                )}
                <button type="button" onClick={() => setConfirming(id)}>
                  {t('reports:draft.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
