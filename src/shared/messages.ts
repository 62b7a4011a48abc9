// Every message between the page and the service worker, as one discriminated union.
// Both tsconfigs (DOM and WebWorker) include this folder, so it must stay free of DOM types.

export type PageToWorker =
  /** The user tapped "update ready": activate the waiting worker now. */
  | { type: 'SKIP_WAITING' }
  /**
   * The page is going out of view with reports queued under the 'background' policy and no
   * Background Sync: the worker may carry on sending (it re-checks the policy itself).
   */
  | { type: 'FLUSH_OUTBOX' };

export type WorkerToPage =
  | { type: 'ACTIVATED'; version: string }
  /** The worker sent, refused or rescheduled outbox rows: re-read states and receipts. */
  | { type: 'OUTBOX_CHANGED' }
  /** A sync event came while a window was visible: the page decides and sends itself. */
  | { type: 'OUTBOX_DUE' };

export const SKIP_WAITING: PageToWorker = { type: 'SKIP_WAITING' };
export const FLUSH_OUTBOX: PageToWorker = { type: 'FLUSH_OUTBOX' };

/** The Background Sync tag of the outbox. */
export const OUTBOX_SYNC_TAG = 'outbox';

const PAGE_TO_WORKER = new Set<string>(['SKIP_WAITING', 'FLUSH_OUTBOX']);
const WORKER_TO_PAGE = new Set<string>(['ACTIVATED', 'OUTBOX_CHANGED', 'OUTBOX_DUE']);

function typeOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

export function isPageToWorker(data: unknown): data is PageToWorker {
  const type = typeOf(data);
  return type !== null && PAGE_TO_WORKER.has(type);
}

export function isWorkerToPage(data: unknown): data is WorkerToPage {
  const type = typeOf(data);
  return type !== null && WORKER_TO_PAGE.has(type);
}
