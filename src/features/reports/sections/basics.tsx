// "What and when", "What happened", "Where" and "Sharing": the sections made of plain
// fields and choices.
import {
  CONSENT_TIERS,
  type ConsentTier,
  INCIDENT_TYPES,
  localDate,
  SETTINGS,
  type Setting,
  SUPPORT_KINDS,
} from '../../../core/reports';
import { t } from '../../../i18n';
import { CheckGroup, RadioGroup, Section, TextField } from '../fields';
import type { SectionProps } from './types';

export function BasicsSection({ report, change, errors }: SectionProps) {
  return (
    <Section id="section-basics" title={t('reports:sections.basics')} open>
      <CheckGroup
        name="report-types"
        legend={t('reports:fields.types')}
        options={INCIDENT_TYPES.map((value) => ({ value, label: t(`reports:types.${value}`) }))}
        selected={report.types}
        onSelected={(types) => change((r) => ({ ...r, types }))}
        error={errors.types}
      />
      <TextField
        id="report-date"
        type="date"
        label={t('reports:fields.date')}
        value={report.date}
        max={localDate(new Date())}
        onValue={(date) => change((r) => ({ ...r, date }))}
        error={errors.date}
      />
      <TextField
        id="report-time"
        type="time"
        label={t('reports:fields.time')}
        value={report.time}
        onValue={(time) => change((r) => ({ ...r, time }))}
        error={errors.time}
      />
      <TextField
        id="report-duration"
        label={t('reports:fields.duration')}
        hint={t('reports:fields.durationHint')}
        value={report.duration}
        onValue={(duration) => change((r) => ({ ...r, duration }))}
      />
    </Section>
  );
}

export function StorySection({ report, change, errors }: SectionProps) {
  return (
    <Section id="section-story" title={t('reports:sections.story')}>
      <TextField
        id="report-what-happened"
        multiline
        label={t('reports:fields.whatHappened')}
        hint={t('reports:fields.whatHappenedHint')}
        value={report.whatHappened}
        onValue={(whatHappened) => change((r) => ({ ...r, whatHappened }))}
      />
      <TextField
        id="report-injuries"
        multiline
        label={t('reports:fields.injuries')}
        value={report.injuries}
        onValue={(injuries) => change((r) => ({ ...r, injuries }))}
      />
      <CheckGroup
        name="report-support"
        legend={t('reports:fields.supportWanted')}
        options={SUPPORT_KINDS.map((value) => ({ value, label: t(`reports:support.${value}`) }))}
        selected={report.supportWanted}
        onSelected={(supportWanted) => change((r) => ({ ...r, supportWanted }))}
        error={errors.supportWanted}
      />
    </Section>
  );
}

export function PlaceSection({ report, change, errors }: SectionProps) {
  return (
    <Section id="section-place" title={t('reports:sections.place')}>
      <TextField
        id="report-area"
        label={t('reports:fields.area')}
        value={report.area}
        onValue={(area) => change((r) => ({ ...r, area }))}
      />
      <div class="field">
        <label for="report-setting">{t('reports:fields.setting')}</label>
        <select
          id="report-setting"
          value={report.setting}
          aria-invalid={errors.setting ? true : undefined}
          onChange={(e) => {
            const setting = e.currentTarget.value as Setting | '';
            change((r) => ({ ...r, setting }));
          }}
        >
          <option value="">{t('reports:settings.none')}</option>
          {SETTINGS.map((s) => (
            <option key={s} value={s}>
              {t(`reports:settings.${s}`)}
            </option>
          ))}
        </select>
        {errors.setting && <p class="error">{errors.setting}</p>}
      </div>
      <TextField
        id="report-contact-method"
        label={t('reports:fields.contactMethod')}
        hint={t('reports:fields.contactMethodHint')}
        value={report.contactMethod}
        onValue={(contactMethod) => change((r) => ({ ...r, contactMethod }))}
      />
    </Section>
  );
}

export function SharingSection({ report, change, errors }: SectionProps) {
  return (
    <Section id="section-sharing" title={t('reports:sections.sharing')}>
      <RadioGroup<ConsentTier>
        name="report-consent"
        legend={t('reports:fields.consent')}
        hint={t('reports:fields.consentHint')}
        options={CONSENT_TIERS.map((value) => ({ value, label: t(`reports:consent.${value}`) }))}
        value={report.consent}
        onValue={(consent) => change((r) => ({ ...r, consent }))}
        error={errors.consent}
      />
      <TextField
        id="report-working-name"
        label={t('reports:fields.workingName')}
        value={report.workingName}
        onValue={(workingName) => change((r) => ({ ...r, workingName }))}
      />
      <TextField
        id="report-safe-contact"
        label={t('reports:fields.safeContact')}
        hint={t('reports:fields.safeContactHint')}
        value={report.safeContact}
        onValue={(safeContact) => change((r) => ({ ...r, safeContact }))}
      />
    </Section>
  );
}
