// A report as readable text, section by section, leaving out what was not filled in.
// The same markup is the printed summary (see the print rules in reports.css).
import type { Report } from '../../core/reports';
import { t } from '../../i18n';
import { formatClock, formatDay, formatInstant, typeList } from './format';

type Row = [label: string, value: string];
type Group = [title: string, rows: Row[]];

const lines = (list: string[]): string => list.filter((s) => s.trim() !== '').join('\n');

function groups(r: Report): Group[] {
  const p = r.perpetrator;
  const d = r.description;
  const v = r.vehicle;
  const f = (key: Parameters<typeof fieldLabel>[0]) => fieldLabel(key);
  return [
    [
      t('reports:sections.basics'),
      [
        [f('types'), typeList(r.types)],
        [f('date'), formatDay(r.date)],
        [f('time'), r.time ? formatClock(r.time) : ''],
        [f('duration'), r.duration],
      ],
    ],
    [
      t('reports:sections.story'),
      [
        [f('whatHappened'), r.whatHappened],
        [f('injuries'), r.injuries],
        [f('supportWanted'), r.supportWanted.map((s) => t(`reports:support.${s}`)).join(', ')],
      ],
    ],
    [
      t('reports:sections.place'),
      [
        [f('area'), r.area],
        [f('setting'), r.setting ? t(`reports:settings.${r.setting}`) : ''],
        [f('contactMethod'), r.contactMethod],
      ],
    ],
    [
      t('reports:sections.person'),
      [
        [f('phones'), lines(p.phones.map((ph) => ph.raw))],
        [f('nameUsed'), p.nameUsed],
        [f('emails'), lines(p.emails)],
        [f('handles'), lines(p.handles)],
        [f('paymentHandles'), lines(p.paymentHandles)],
      ],
    ],
    [
      t('reports:sections.looks'),
      [
        [f('sex'), d.sex],
        [f('ageRange'), d.ageRange],
        [f('height'), d.height],
        [f('build'), d.build],
        [f('hair'), d.hair],
        [f('facialHair'), d.facialHair],
        [f('marks'), d.marks],
        [f('clothing'), d.clothing],
        [f('accent'), d.accent],
        [f('weapon'), d.weapon],
      ],
    ],
    [
      t('reports:sections.vehicle'),
      [
        [f('plateRaw'), v.plateRaw],
        [f('make'), v.make],
        [f('model'), v.model],
        [f('colour'), v.colour],
        [f('features'), v.features],
      ],
    ],
    [
      t('reports:sections.sharing'),
      [
        [f('consent'), t(`reports:consent.${r.consent}`)],
        [f('workingName'), r.workingName],
        [f('safeContact'), r.safeContact],
      ],
    ],
  ];
}

type FieldKey =
  | 'types'
  | 'date'
  | 'time'
  | 'duration'
  | 'whatHappened'
  | 'injuries'
  | 'supportWanted'
  | 'area'
  | 'setting'
  | 'contactMethod'
  | 'phones'
  | 'nameUsed'
  | 'emails'
  | 'handles'
  | 'paymentHandles'
  | 'sex'
  | 'ageRange'
  | 'height'
  | 'build'
  | 'hair'
  | 'facialHair'
  | 'marks'
  | 'clothing'
  | 'accent'
  | 'weapon'
  | 'plateRaw'
  | 'make'
  | 'model'
  | 'colour'
  | 'features'
  | 'consent'
  | 'workingName'
  | 'safeContact';

function fieldLabel(key: FieldKey): string {
  return t(`reports:fields.${key}`);
}

export function ReportDetails({ report }: { report: Report }) {
  return (
    <div class="report-details">
      {groups(report).map(([title, rows]) => {
        const shown = rows.filter(([, value]) => value.trim() !== '');
        if (shown.length === 0) return null;
        return (
          <section key={title} class="detail-group">
            <h2>{title}</h2>
            <dl>
              {shown.map(([label, value]) => (
                <div key={label} class="detail-row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <p class="hint">
        {t('reports:view.written', { date: formatInstant(report.createdAt) })}
        {report.updatedAt !== report.createdAt && (
          <>
            <br />
            {t('reports:view.updated', { date: formatInstant(report.updatedAt) })}
          </>
        )}
      </p>
    </div>
  );
}
