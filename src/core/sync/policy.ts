// Whether a report may leave the device now. One pure function, so the rule can be read in
// one place and tested as a truth table; the page and the service worker both ask it.
//
// Decisions:
// - Never while the disguise is showing: someone may be holding the phone, and nothing the
//   app does then may differ from a calculator. The service worker cannot see the page, so
//   it counts any visible window of the app as "disguise showing" and leaves sending to the
//   page, which knows (sw/sw.ts).
// - Never offline (pointless, and a failed attempt only grows the backoff).
// - The worker's policy:
//     'manual'     only when they tap Send, while unlocked;
//     'unlocked'   whenever the app is unlocked (any trigger, including Send);
//     'background' also while locked or closed: the page sends whenever the disguise is not
//                  showing, the service worker when no window of the app is visible.
//   The service worker's trigger ('background') is allowed by the 'background' policy only.
// - Nothing here ever shows a notification; no path that sends has one.

import type { SyncPolicy } from '../storage';

export type { SyncPolicy };

export type SyncTrigger =
  /** The worker tapped Send. */
  | 'manual'
  /** The app started (page). */
  | 'start'
  /** The vault was unlocked, or the app behind the disguise came into view (page). */
  | 'unlock'
  /** The browser came back online (page). */
  | 'online'
  /** A report was just queued (page). */
  | 'queued'
  /** A backoff timer ran out, or the service worker handed over (page). */
  | 'retry'
  /** Background Sync or a hand-over message, in the service worker. */
  | 'background';

export interface SendConditions {
  policy: SyncPolicy;
  disguiseShowing: boolean;
  unlocked: boolean;
  online: boolean;
  trigger: SyncTrigger;
}

export type SendBlock = 'disguise' | 'offline' | 'locked' | 'policy';

/** null when a send may start now; otherwise the first reason it may not. */
export function sendBlockedBy(c: SendConditions): SendBlock | null {
  if (c.disguiseShowing) return 'disguise';
  if (!c.online) return 'offline';
  if (c.trigger === 'background') return c.policy === 'background' ? null : 'policy';
  switch (c.policy) {
    case 'manual':
      if (!c.unlocked) return 'locked';
      return c.trigger === 'manual' ? null : 'policy';
    case 'unlocked':
      return c.unlocked ? null : 'locked';
    case 'background':
      return null;
    default:
      return 'policy';
  }
}

export function maySend(c: SendConditions): boolean {
  return sendBlockedBy(c) === null;
}
