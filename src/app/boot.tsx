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
// A code typed before the app behind the disguise has loaded waits for it.
let pendingCode: string | null = null;
let codeHandler: (code: string) => void = (code) => {
  pendingCode = code;
};

export function paintFace(): void {
  renderFace(<Face kind={faceKind} label={label} onCode={(code) => codeHandler(code)} />);
}

/** After a language switch: the disguise's accessible names and title follow. */
export function repaintFace(): void {
  changeFace(faceKind);
}

/** Settings: switch the disguise now (and on every later launch). */
export function changeFace(kind: FaceKind): void {
  faceKind = kind;
  paintFace();
  setFaceIdentity(label(FACE_TITLE_KEY[kind]) ?? 'Calculator', FACE_ICON[kind]);
}

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export function boot(): void {
  const prefs = readPrefs();
  faceKind = prefs.face;
  applyTheme(prefs.theme);
  document.body.dataset.mode = 'face';
  paintFace();

  void (async () => {
    // Nothing else is fetched until the disguise has painted (or 100 ms have passed, for
    // a page opened in the background where frames do not run).
    await afterFirstPaint();
    const { initI18n, t } = await import('../i18n');
    await initI18n(prefs.lang);
    label = (key) => t(`disguise:${key}` as never) as string;
    paintFace();
    setFaceIdentity(label(FACE_TITLE_KEY[faceKind]) ?? 'Calculator', FACE_ICON[faceKind]);
    const { startBehind } = await import('./controller');
    codeHandler = await startBehind(prefs);
    if (pendingCode) codeHandler(pendingCode);
    pendingCode = null;
  })();

  void afterFirstPaint().then(() => import('../sw-bridge').then((m) => m.startServiceWorker()));
}
