import { onLock } from '../../app/session';
import { createStore } from '../../app/store';

/** Wrong passphrases since the previous successful unlock, shown once on the home screen. */
export const failedSinceLastUnlock = createStore(0);
onLock(() => failedSinceLastUnlock.set(0));
