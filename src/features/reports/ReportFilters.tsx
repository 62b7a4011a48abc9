// The search box (always visible) and the type and date filters (folded away).
import { useState } from 'preact/hooks';
import { INCIDENT_TYPES, type ReportQuery } from '../../core/reports';
import { t } from '../../i18n';

export function ReportFilters(p: { query: ReportQuery; onQuery: (q: ReportQuery) => void }) {
  const q = p.query;
  const type = q.types?.[0] ?? '';
  const active = Boolean(q.text || type || q.from || q.to);
  // Open at first if filters are set; after that the worker opens and closes it.
  const [startOpen] = useState(() => Boolean(type || q.from || q.to));
  return (
    <search class="filters">
      <label for="report-search">{t('reports:search.text')}</label>
      <input
        id="report-search"
        type="search"
        placeholder={t('reports:search.textHint')}
        autocomplete="off"
        spellcheck={false}
        value={q.text ?? ''}
        onInput={(e) => p.onQuery({ ...q, text: e.currentTarget.value })}
      />
      <details class="more-filters" open={startOpen}>
        <summary>{t('reports:search.title')}</summary>
        <label for="report-filter-type">{t('reports:search.type')}</label>
        <select
          id="report-filter-type"
          value={type}
          onChange={(e) => {
            const value = e.currentTarget.value;
            p.onQuery({ ...q, types: value ? [value] : [] });
          }}
        >
          <option value="">{t('reports:search.anyType')}</option>
          {INCIDENT_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`reports:types.${value}`)}
            </option>
          ))}
        </select>
        <div class="date-range">
          <div>
            <label for="report-filter-from">{t('reports:search.from')}</label>
            <input
              id="report-filter-from"
              type="date"
              value={q.from ?? ''}
              onInput={(e) => p.onQuery({ ...q, from: e.currentTarget.value })}
            />
          </div>
          <div>
            <label for="report-filter-to">{t('reports:search.to')}</label>
            <input
              id="report-filter-to"
              type="date"
              value={q.to ?? ''}
              onInput={(e) => p.onQuery({ ...q, to: e.currentTarget.value })}
            />
          </div>
        </div>
      </details>
      {active && (
        <button type="button" class="link" onClick={() => p.onQuery({})}>
          {t('reports:search.clear')}
        </button>
      )}
    </search>
  );
}
