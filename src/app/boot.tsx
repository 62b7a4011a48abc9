// Start-up, in the order that keeps the first paint small and fast:
//   1. paint the disguise (Preact + the calculator only; no i18next, Dexie or crypto),
//   2. load translations and give the disguise its accessible names,
//   3. load the app behind the disguise, which decides whether this is a first run,
//   4. after the first paint, register the service worker.

import type { Label } from '../features/disguise/Calculator';
import { FACE_ICON, FACE_TITLE_KEY, Face } from '../features/disguise/Face';
import { applyTheme } from '../ui/theme';
import { renderFace, setFaceIdentity } from './mode';
import type { Face as FaceKind } from './prefs';
import { readPrefs } from './prefs';

let label: Label = () => undefined;
let faceKind: FaceKind = 'calculator';
let codeHandler: (code: string) => void = () => {};

export function paintFace(): void {
  renderFace(<Face kind={faceKind} label={label} onCode={(code) => codeHandler(code)} />);
}


export function boot(): void {
  const prefs = readPrefs();
  faceKind = prefs.face;
  applyTheme(prefs.theme);
  document.body.dataset.mode = 'face';
  paintFace();

  void (async () => {
    const { initI18n, t } = await import('../i18n');
    await initI18n(prefs.lang);
    label = (key) => t(`disguise:${key}` as never) as string;
    paintFace();
    setFaceIdentity(label(FACE_TITLE_KEY[faceKind]) ?? 'Calculator', FACE_ICON[faceKind]);
    const { startBehind } = await import('./controller');
    codeHandler = await startBehind(prefs);
  })();

  const startWorker = () => void import('../sw-bridge').then((m) => m.startServiceWorker());
  if (document.readyState === 'complete') startWorker();
  else window.addEventListener('load', startWorker, { once: true });
}
