// Decides what shows behind the disguise on start, and answers the calculator's code.
import { h } from 'preact';
import { startArgon2Worker } from '../core/crypto';
import { checkUnlockCode, deviceSettings, vaultStatus } from '../core/vault';
import { installQuickExit } from '../features/quick-exit';
import { startSync } from '../features/sync';
import { startAutoLock } from './autolock';
import { Behind } from './Behind';
import { db } from './db';
import { showBehind } from './mode';
import type { Prefs } from './prefs';
import { go, type Screen } from './router';
import { isUnlocked } from './session';

function open(next: Screen): void {
  go(next);
  showBehind(h(Behind, {}));
}

export async function startBehind(prefs: Prefs): Promise<(code: string) => void> {
  installQuickExit();
  startAutoLock();
  void startSync();
  startArgon2Worker();
  const status = await vaultStatus(db());
  if (status === 'none') open({ name: 'onboarding' });
  else if (status === 'damaged') open({ name: 'damaged' });
  // Without a calculator code (set up was interrupted) the disguise has no way in.
  else if (prefs.launch === 'unlock' || !(await deviceSettings(db())).hasUnlockCode) {
    open({ name: 'unlock' });
  }

  return (code: string) => {
    void (async () => {
      const state = await vaultStatus(db());
      if (state === 'none') return open({ name: 'onboarding' });
      if (state === 'damaged') return open({ name: 'damaged' });
      if (await checkUnlockCode(db(), code)) open({ name: isUnlocked() ? 'home' : 'unlock' });
    })();
  };
}
