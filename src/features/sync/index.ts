// Sending reports to the partner: the small API the report screens and Settings use.
//
//   startSync()                 once at start-up (app/controller.ts)
//   applyConsent(report, body?) on save: queue when the tier sends, unqueue for 'private'
//   queueReport(body, id) / unqueueReport(id) / retryReport(id) / forgetReport(id)
//   sendNow()                   the Send button
//   sendStates / outboxState(ids) / useSendState(id) / <SyncStatus id>   per-report state
//   onReceipts(cb)              the partner confirmed reports (and "delete my copy")
//   <SyncSettings />            the Settings section

export type { SendState } from '../../core/sync';
export { type SyncConfigView, syncConfig } from './config';
export {
  backgroundSyncAvailable,
  onReceipts,
  type ReceiptBatch,
  type ReceiptNotice,
  type SendOutcome,
  sendStates,
  startSync,
} from './engine';
export { type PairingOffer, pendingPairing } from './pairing';
export {
  applyConsent,
  consentAllowsSending,
  forgetReport,
  outboxState,
  type QueueResult,
  queueReport,
  retryReport,
  sendNow,
  unqueueReport,
} from './queue';
export { SendNowButton } from './SendNowButton';
export { SyncSettings } from './SyncSettings';
export { refusalReason, SyncStatus, stateText, useSendState } from './SyncStatus';
