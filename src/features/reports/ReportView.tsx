// One report: its details, its photos (tap for full size), edit, print, delete.
import './reports.css';
import { useEffect, useState } from 'preact/hooks';
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import type { Report } from '../../core/reports';
import { t } from '../../i18n';
import { SyncStatus } from '../sync';
import { formatInstant } from './format';
import { PhotoThumb, PhotoViewer } from './Photos';
import { ReportDetails } from './ReportDetails';
import { SendButton } from './SendButton';
import { removeReport } from './save';
import { findReport, reportsState } from './state';
import { getReport } from './store';

type Shown = Report | 'loading' | 'missing' | 'damaged';

function useReport(id: string): Shown {
  const state = useStore(reportsState);
  const [shown, setShown] = useState<Shown>('loading');
  useEffect(() => {
    const entry = findReport(id);
    if (entry) return setShown(entry.value ?? 'damaged');
    let live = true;
    getReport(id)
      .then((found) => live && setShown(found))
      .catch(() => live && setShown('damaged'));
    return () => {
      live = false;
    };
  }, [id, state]);
  return shown;
}

export function ReportView({ id }: { id: string }) {
  const report = useReport(id);
  const [viewing, setViewing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  if (typeof report === 'string') {
    return (
      <section class="screen">
        <h1 tabIndex={-1}>{t('reports:view.title')}</h1>
        <p role="status">
          {report === 'loading'
            ? t('reports:form.loading')
            : report === 'missing'
              ? t('reports:form.notFound')
              : t('vault:damagedEntry')}
        </p>
      </section>
    );
  }

  const remove = async () => {
    setConfirming(false);
    if (await removeReport(report)) go({ name: 'reports' });
    else setFailed(true);
  };
  const open = viewing === null ? undefined : report.photos[viewing];

  return (
    <article class="screen report-view">
      <h1 tabIndex={-1}>{t('reports:view.title')}</h1>
      <div class="no-print">
        <SyncStatus id={report.id} />
        <SendButton id={report.id} />
      </div>
      <div class="actions no-print">
        <button type="button" class="primary" onClick={() => go({ name: 'report', id })}>
          {t('reports:view.edit')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('reports:view.print')}
        </button>
        <button type="button" class="link" onClick={() => go({ name: 'reports' })}>
          {t('reports:list.title')}
        </button>
      </div>
      <p class="hint no-print">{t('reports:view.printHint')}</p>
      <p class="print-only hint">
        {t('reports:view.printedOn', { date: formatInstant(new Date().toISOString()) })}
      </p>
      <ReportDetails report={report} />
      {report.photos.length > 0 && (
        <section class="detail-group">
          <h2>{t('reports:sections.photos')}</h2>
          {open && (
            <PhotoViewer
              key={open.id}
              photoId={open.id}
              n={(viewing ?? 0) + 1}
              onClose={() => setViewing(null)}
            />
          )}
          <ul class="photo-grid">
            {report.photos.map((photo, i) => (
              <li key={photo.id}>
                <PhotoThumb photoId={photo.id} n={i + 1} onOpen={() => setViewing(i)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="no-print">
        {failed && (
          <p class="error" role="alert">
            {t('reports:view.deleteFailed')}
          </p>
        )}
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-label={t('reports:view.deleteConfirm')}>
            <p>{t('reports:view.deleteConfirm')}</p>
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('reports:view.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('reports:view.keep')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger wide" onClick={() => setConfirming(true)}>
            {t('reports:view.delete')}
          </button>
        )}
      </div>
    </article>
  );
}
