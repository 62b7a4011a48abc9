// The encrypted vault: create, find, unlock, read and write records, lock.

export {
  FIRST_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  msUntilNextAttempt,
  unlockDelayMs,
} from './delay';
export { deviceSettings, unlockWaitMs } from './device-state';
export { FORMAT_VERSION, type HeaderError } from './header';
export {
  type CreateVaultError,
  type CreateVaultOptions,
  createVault,
  type UnlockError,
  unlockVault,
  type VaultStatus,
  vaultStatus,
} from './lifecycle';
export { isValidUnlockCode, MIN_PASSPHRASE_CHARS } from './passphrase';
export type { VaultRecord } from './record-codec';
export { checkUnlockCode } from './unlock-code';
export { type ChangePassphraseError, type Vault, VaultLockedError } from './vault';
