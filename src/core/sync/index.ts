// Sending reports to the partner organisation: padding, sealing, partner profile, outbox,
// backoff, sync policy, delivery receipts. UI-free; the page (features/sync) and the
// service worker (sw/) both build on it.
export * from './backoff';
export * from './delivered';
export * from './device-key';
export * from './outbox';
export * from './padding';
export * from './partner-config';
export * from './policy';
export * from './profile';
export * from './receipts';
export * from './seal';
export * from './sender';
