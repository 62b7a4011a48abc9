// One report's sending state, for the report screens: kept private, waiting, sent (with
// the time the partner confirmed) or refused (why, and Try again).
import './sync.css';
import { useStore } from '../../app/store';
import type { SendState } from '../../core/sync';
import { t } from '../../i18n';
import { formatInstant } from '../reports/format';
import { sendStates } from './engine';
import { retryReport } from './queue';

export function refusalReason(status: number): string {
  if (status === 409) return t('sync:stopped.conflict');
  if (status === 413) return t('sync:stopped.tooLarge');
  return t('sync:stopped.rejected', { status });
}

export function stateText(state: SendState): string {
  switch (state.state) {
    case 'queued':
      return t('sync:state.queued');
    case 'sent':
      return state.confirmedAt === null
        ? t('sync:state.sentUnknown')
        : t('sync:state.sent', { date: formatInstant(new Date(state.confirmedAt).toISOString()) });
    case 'stopped':
      return `${t('sync:state.stopped')}: ${refusalReason(state.status)}`;
    default:
      return t('sync:state.private');
  }
}

export function useSendState(id: string): SendState {
  const states = useStore(sendStates);
  return states.get(id) ?? { state: 'private' };
}

export function SyncStatus({ id }: { id: string }) {
  const state = useSendState(id);
  return (
    <p class={`sync-status ${state.state}`} data-sync-state={state.state}>
      {stateText(state)}
      {state.state === 'stopped' && (
        <>
          {' '}
          <button type="button" onClick={() => void retryReport(id)}>
            {t('sync:retry')}
          </button>
        </>
      )}
    </p>
  );
}
