// Every message between the page and the service worker, as one discriminated union.
// Both tsconfigs (DOM and WebWorker) include this folder, so it must stay free of DOM types.

export type PageToWorker =
  /** The user tapped "update ready": activate the waiting worker now. */
  { type: 'SKIP_WAITING' };

export type WorkerToPage = { type: 'ACTIVATED'; version: string };

export const SKIP_WAITING: PageToWorker = { type: 'SKIP_WAITING' };

export function isPageToWorker(data: unknown): data is PageToWorker {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'SKIP_WAITING'
  );
}
