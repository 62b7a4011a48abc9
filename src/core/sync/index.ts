// Sending reports to the partner organisation: padding, sealing, partner profile.
export * from './padding';
export * from './profile';
export * from './seal';
