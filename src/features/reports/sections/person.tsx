// "Who it was", "What they looked like" and "Vehicle": identifiers and descriptions.
import type { Description, Vehicle } from '../../../core/reports';
import { t } from '../../../i18n';
import { ListField, Section, TextField } from '../fields';
import type { SectionProps } from './types';

export function PersonSection({ report, change }: SectionProps) {
  const p = report.perpetrator;
  const set = (patch: Partial<typeof p>) =>
    change((r) => ({ ...r, perpetrator: { ...r.perpetrator, ...patch } }));
  return (
    <Section id="section-person" title={t('reports:sections.person')}>
      <ListField
        id="report-phone"
        legend={t('reports:fields.phones')}
        itemLabel={t('reports:fields.phone')}
        type="tel"
        inputMode="tel"
        values={p.phones.map((ph) => ph.raw)}
        // The normalised form is computed on save, from what was typed.
        onValues={(raws) => set({ phones: raws.map((raw) => ({ raw, normalised: '' })) })}
      />
      <TextField
        id="report-name-used"
        label={t('reports:fields.nameUsed')}
        value={p.nameUsed}
        onValue={(nameUsed) => set({ nameUsed })}
      />
      <ListField
        id="report-email"
        legend={t('reports:fields.emails')}
        itemLabel={t('reports:fields.email')}
        type="email"
        inputMode="email"
        values={p.emails}
        onValues={(emails) => set({ emails })}
      />
      <ListField
        id="report-handle"
        legend={t('reports:fields.handles')}
        itemLabel={t('reports:fields.handle')}
        values={p.handles}
        onValues={(handles) => set({ handles })}
      />
      <ListField
        id="report-payment"
        legend={t('reports:fields.paymentHandles')}
        itemLabel={t('reports:fields.paymentHandle')}
        hint={t('reports:fields.paymentHint')}
        values={p.paymentHandles}
        onValues={(paymentHandles) => set({ paymentHandles })}
      />
    </Section>
  );
}

const LOOKS: ReadonlyArray<keyof Description> = [
  'sex',
  'ageRange',
  'height',
  'build',
  'hair',
  'facialHair',
  'marks',
  'clothing',
  'accent',
  'weapon',
];

export function LooksSection({ report, change }: SectionProps) {
  return (
    <Section id="section-looks" title={t('reports:sections.looks')}>
      {LOOKS.map((key) => (
        <TextField
          key={key}
          id={`report-${key}`}
          label={t(`reports:fields.${key}`)}
          value={report.description[key]}
          onValue={(value) =>
            change((r) => ({ ...r, description: { ...r.description, [key]: value } }))
          }
        />
      ))}
    </Section>
  );
}

const VEHICLE: ReadonlyArray<Exclude<keyof Vehicle, 'plateNormalised'>> = [
  'plateRaw',
  'make',
  'model',
  'colour',
  'features',
];

const VEHICLE_HINTS: Partial<Record<keyof Vehicle, 'plateHint' | 'featuresHint'>> = {
  plateRaw: 'plateHint',
  features: 'featuresHint',
};

export function VehicleSection({ report, change }: SectionProps) {
  return (
    <Section id="section-vehicle" title={t('reports:sections.vehicle')}>
      {VEHICLE.map((key) => {
        const hint = VEHICLE_HINTS[key];
        return (
          <TextField
            key={key}
            id={`report-${key}`}
            label={t(`reports:fields.${key}`)}
            hint={hint ? t(`reports:fields.${hint}`) : undefined}
            value={report.vehicle[key]}
            onValue={(value) => change((r) => ({ ...r, vehicle: { ...r.vehicle, [key]: value } }))}
          />
        );
      })}
    </Section>
  );
}
