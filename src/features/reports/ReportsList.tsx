// The list of reports, newest first, with search and filters over the decrypted reports
// in memory. Rows are rendered a screenful at a time (more as the list scrolls), so a
// thousand reports open as fast as ten.
import './reports.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { go } from '../../app/router';
import { onLock } from '../../app/session';
import { createStore, useStore } from '../../app/store';
import { type Report, type ReportQuery, searchReports, summariseReport } from '../../core/reports';
import { t } from '../../i18n';
import { DamagedEntry } from '../../ui/DamagedEntry';
import { stateText, useSendState } from '../sync';
import { DraftBanner } from './DraftBanner';
import { formatClock, formatDay, typeList } from './format';
import { ReportFilters } from './ReportFilters';
import { removeDamaged } from './save';
import { loadReports, reportsFailed, reportsState, searchIndexOf } from './state';

// Benchmark hooks exist only in a build made with VITE_BENCH_HOOKS=1; in every other build
// this branch is a constant false and the module is never emitted.
if (import.meta.env.VITE_BENCH_HOOKS === '1') {
  void import('./bench-hooks').then((m) => m.installBenchHooks());
}

const FIRST = 20;
const MORE = 100;

/** The search survives opening a report and coming back; a lock clears it. */
const listQuery = createStore<ReportQuery>({});
onLock(() => listQuery.set({}));

const isActive = (q: ReportQuery) => Boolean(q.text?.trim() || q.types?.length || q.from || q.to);

/** Text only: a row is one button, so the state's own controls live in the report view. */
function RowSendState({ id }: { id: string }) {
  const state = useSendState(id);
  if (state.state === 'private') return null;
  return <span class={`row-sync sync-status ${state.state}`}>{stateText(state)}</span>;
}

function Row({ report }: { report: Report }) {
  const s = summariseReport(report, 90);
  const when = s.time ? `${formatDay(s.date)}, ${formatClock(s.time)}` : formatDay(s.date);
  return (
    <li>
      <button
        type="button"
        class="report-row"
        onClick={() => go({ name: 'reportView', id: report.id })}
      >
        <span class="row-date">{when}</span>
        <span class="row-types">{typeList(s.types)}</span>
        {s.snippet && <span class="row-snippet">{s.snippet}</span>}
        <RowSendState id={report.id} />
      </button>
    </li>
  );
}

function DamagedRow({ id }: { id: string }) {
  return (
    <DamagedEntry
      confirmText={t('reports:list.deleteDamagedConfirm')}
      deleteText={t('reports:list.deleteDamaged')}
      onDelete={() => removeDamaged(id)}
    />
  );
}

export function ReportsList() {
  const state = useStore(reportsState);
  const failed = useStore(reportsFailed);
  const query = useStore(listQuery);
  const [limit, setLimit] = useState(FIRST);
  const more = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadReports();
  }, []);

  const active = isActive(query);
  const rows = useMemo(() => {
    if (!state) return [];
    if (!active) return state.entries;
    return searchReports(searchIndexOf(state), query).map((value) => ({ id: value.id, value }));
  }, [state, query, active]);
  const total = state ? state.entries.length : 0;

  // Grow the list when its end comes near the screen.
  useEffect(() => {
    const button = more.current;
    if (!button || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) setLimit((n) => n + MORE);
      },
      { rootMargin: '600px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [rows, limit]);

  const setQuery = (next: ReportQuery) => {
    listQuery.set(next);
    setLimit(FIRST);
  };

  return (
    <section class="screen reports">
      <h1 tabIndex={-1}>{t('reports:list.title')}</h1>
      <p class="hint">{t('reports:list.intro')}</p>
      <DraftBanner />
      <button type="button" class="primary wide" onClick={() => go({ name: 'report', id: null })}>
        {t('reports:list.new')}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t('reports:list.failed')}
        </p>
      )}
      {!state && !failed && <p role="status">{t('reports:list.loading')}</p>}
      {state && total === 0 && <p>{t('reports:list.empty')}</p>}
      {state && total > 0 && (
        <>
          <ReportFilters query={query} onQuery={setQuery} />
          <p class="count" role="status">
            {active
              ? t('reports:list.matching', { count: rows.length, total })
              : t('reports:list.count', { count: total })}
          </p>
          {active && rows.length === 0 && <p>{t('reports:list.noMatch')}</p>}
          <ul class="report-list">
            {rows
              .slice(0, limit)
              .map((e) =>
                e.value ? <Row key={e.id} report={e.value} /> : <DamagedRow key={e.id} id={e.id} />,
              )}
          </ul>
          {rows.length > limit && (
            <button type="button" class="wide" ref={more} onClick={() => setLimit((n) => n + MORE)}>
              {t('reports:list.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
