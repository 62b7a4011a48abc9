// What happens behind the disguise: decides the first screen, handles the unlock code.
import { h } from 'preact';
import { Behind } from './Behind';
import { showBehind } from './mode';
import type { Prefs } from './prefs';

export async function startBehind(_prefs: Prefs): Promise<(code: string) => void> {
  return (_code: string) => {
    showBehind(h(Behind, {}));
  };
}
