// Quick exit. In the same event handler, before anything else, the disguise replaces the
// whole UI (lockNow paints it with a synchronous DOM swap and sets title and favicon);
// then drafts are sealed and the vault is locked. The URL is put back to the plain start
// URL and history is never pushed, so Back, the app switcher and a back/forward-cache
// restore can only ever show the disguise.
//
// Triggers: the "Quick exit" button on every screen behind the disguise; Shift pressed
// three times within 5 seconds (GOV.UK's pattern: any other key resets the count); Escape
// twice within 1 second.
import { mode, showFace } from '../../app/mode';
import { isUnlocked, lockNow } from '../../app/session';

const SHIFT_WINDOW_MS = 5_000;
const ESCAPE_WINDOW_MS = 1_000;

export function quickExit(): void {
  lockNow();
  if (location.pathname !== '/' || location.search || location.hash) {
    history.replaceState(null, '', '/');
  }
}

let shiftTimes: number[] = [];
let lastEscape = Number.NEGATIVE_INFINITY;

function onKeyDown(event: KeyboardEvent): void {
  if (mode.get() !== 'behind') {
    shiftTimes = [];
    return;
  }
  if (event.key === 'Shift') {
    if (event.repeat) return;
    const now = event.timeStamp;
    shiftTimes = [...shiftTimes.filter((t) => now - t <= SHIFT_WINDOW_MS), now];
    if (shiftTimes.length >= 3) {
      shiftTimes = [];
      event.preventDefault();
      quickExit();
    }
    return;
  }
  shiftTimes = [];
  if (event.key === 'Escape') {
    const now = event.timeStamp;
    if (now - lastEscape <= ESCAPE_WINDOW_MS) {
      lastEscape = Number.NEGATIVE_INFINITY;
      event.preventDefault();
      quickExit();
    } else {
      lastEscape = now;
    }
  }
}

let installed = false;

export function installQuickExit(): void {
  if (installed) return;
  installed = true;
  // Capture phase on window: runs before any screen's own handlers.
  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('pageshow', (event) => {
    // A restore from the back/forward cache: only the disguise may show.
    if (event.persisted && !isUnlocked()) showFace();
  });
}
