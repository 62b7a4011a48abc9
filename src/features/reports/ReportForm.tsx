// Writing or editing a report: short collapsible sections, a save bar in thumb reach. The
// report lives in the draft module (not in this component), so leaving the screen, a
// lock or a crash never loses what was typed.
import './reports.css';
import { useEffect, useState } from 'preact/hooks';
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { type ReportField, type ReportProblem, validateReport } from '../../core/reports';
import { t } from '../../i18n';
import {
  beginEditing,
  changeDraft,
  discardDraft,
  draftStatus,
  flushDraft,
  openDraft,
} from './draft';
import { saveOpenDraft } from './save';
import { BasicsSection, PlaceSection, SharingSection, StorySection } from './sections/basics';
import { LooksSection, PersonSection, VehicleSection } from './sections/person';
import { PhotosSection } from './sections/photos';
import type { Errors } from './sections/types';

const FIELD_IDS: Record<ReportField, string> = {
  types: 'report-types',
  date: 'report-date',
  time: 'report-time',
  setting: 'report-setting',
  supportWanted: 'report-support',
  consent: 'report-consent',
};

export function problemText({ field, error }: ReportProblem): string {
  switch (field) {
    case 'types':
      return t(
        error === 'required' ? 'reports:errors.typesRequired' : 'reports:errors.typesInvalid',
      );
    case 'date':
      return t(error === 'required' ? 'reports:errors.dateRequired' : 'reports:errors.dateInvalid');
    case 'time':
      return t('reports:errors.timeInvalid');
    case 'setting':
      return t('reports:errors.settingInvalid');
    case 'supportWanted':
      return t('reports:errors.supportWantedInvalid');
    default:
      return t('reports:errors.consentInvalid');
  }
}

function DraftState() {
  const status = useStore(draftStatus);
  if (status === 'idle') return <p class="draft-state" role="status" />;
  return (
    <p class={status === 'failed' ? 'draft-state error' : 'draft-state hint'} role="status">
      {t(`reports:draft.${status}`)}
    </p>
  );
}

type Loading = 'loading' | 'ready' | 'missing' | 'damaged';

export function ReportForm({ id }: { id: string | null }) {
  const draft = useStore(openDraft);
  const [loaded, setLoaded] = useState<Loading>('loading');
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [discarding, setDiscarding] = useState(false);

  useEffect(() => {
    let live = true;
    setLoaded('loading');
    beginEditing(id)
      .then((result) => {
        if (!live) return;
        if (typeof result === 'string') return setLoaded(result);
        // A new report gets its id now, so this screen and its draft stay paired.
        if (id === null) go({ name: 'report', id: result.report.id });
        setLoaded('ready');
      })
      .catch(() => live && setLoaded('damaged'));
    return () => {
      live = false;
      void flushDraft();
    };
  }, [id]);

  if (loaded !== 'ready' || !draft || (id !== null && draft.report.id !== id)) {
    const text =
      loaded === 'missing'
        ? t('reports:form.notFound')
        : loaded === 'damaged'
          ? t('vault:damagedEntry')
          : t('reports:form.loading');
    return (
      <section class="screen">
        <h1 tabIndex={-1}>{t('reports:form.newTitle')}</h1>
        <p role="status">{text}</p>
      </section>
    );
  }

  const { report, isNew } = draft;
  const problems = showErrors ? validateReport(report) : [];
  const errors: Errors = {};
  for (const p of problems) errors[p.field] ??= problemText(p);

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailed(false);
    const result = await saveOpenDraft();
    setSaving(false);
    if (result.ok) return go({ name: 'reportView', id: result.report.id });
    if ('failed' in result) return setFailed(true);
    setShowErrors(true);
    const first = result.problems[0];
    if (!first) return;
    requestAnimationFrame(() => {
      const field = document.getElementById(FIELD_IDS[first.field]);
      field?.closest('details')?.setAttribute('open', '');
      field?.focus();
    });
  };

  const discard = async () => {
    setDiscarding(false);
    await discardDraft(report.id).catch(() => undefined);
    go(isNew ? { name: 'reports' } : { name: 'reportView', id: report.id });
  };

  return (
    <form class="screen report-form" onSubmit={save} noValidate>
      <h1 tabIndex={-1}>{isNew ? t('reports:form.newTitle') : t('reports:form.editTitle')}</h1>
      <p class="hint">{t('reports:form.intro')}</p>
      {problems.length > 0 && (
        <div class="notice" role="alert">
          <p>{t('reports:form.problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>{errors[p.field]}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset class="plain" disabled={saving}>
        <BasicsSection report={report} change={changeDraft} errors={errors} />
        <StorySection report={report} change={changeDraft} errors={errors} />
        <PlaceSection report={report} change={changeDraft} errors={errors} />
        <PersonSection report={report} change={changeDraft} errors={errors} />
        <LooksSection report={report} change={changeDraft} errors={errors} />
        <VehicleSection report={report} change={changeDraft} errors={errors} />
        <PhotosSection report={report} change={changeDraft} errors={errors} />
        <SharingSection report={report} change={changeDraft} errors={errors} />
      </fieldset>
      <DraftState />
      {failed && (
        <p class="error" role="alert">
          {t('reports:form.saveFailed')}
        </p>
      )}
      {discarding ? (
        <div class="confirm" role="alertdialog" aria-label={t('reports:form.discardConfirm')}>
          <p>{t('reports:form.discardConfirm')}</p>
          <button type="button" class="danger" onClick={() => void discard()}>
            {t('reports:form.discardYes')}
          </button>
          <button type="button" onClick={() => setDiscarding(false)}>
            {t('reports:form.keep')}
          </button>
        </div>
      ) : (
        <button type="button" class="link" onClick={() => setDiscarding(true)}>
          {t('reports:form.discard')}
        </button>
      )}
      <div class="save-bar">
        <button type="submit" class="primary wide" disabled={saving} aria-busy={saving}>
          {saving ? t('reports:form.saving') : t('reports:form.save')}
        </button>
      </div>
    </form>
  );
}
