// The sync policy as a full truth table: every combination of policy, trigger, disguise,
// lock and network, against the rule written out independently here.
import { describe, expect, it } from 'vitest';
import {
  maySend,
  type SendConditions,
  type SyncPolicy,
  type SyncTrigger,
  sendBlockedBy,
} from '../../src/core/sync';

const POLICIES: SyncPolicy[] = ['manual', 'unlocked', 'background'];
const TRIGGERS: SyncTrigger[] = [
  'manual',
  'start',
  'unlock',
  'online',
  'queued',
  'retry',
  'background',
];
const BOOLS = [false, true];

/** The rule, stated from scratch. */
function expected(c: SendConditions): boolean {
  if (c.disguiseShowing || !c.online) return false;
  if (c.trigger === 'background') return c.policy === 'background'; // the service worker
  if (c.policy === 'manual') return c.unlocked && c.trigger === 'manual';
  if (c.policy === 'unlocked') return c.unlocked;
  return true; // background: the page sends whenever the disguise is not showing
}

describe('sync policy', () => {
  const rows: SendConditions[] = [];
  for (const policy of POLICIES)
    for (const trigger of TRIGGERS)
      for (const disguiseShowing of BOOLS)
        for (const unlocked of BOOLS)
          for (const online of BOOLS)
            rows.push({ policy, trigger, disguiseShowing, unlocked, online });

  it('covers all 168 combinations', () => {
    expect(rows.length).toBe(3 * 7 * 2 * 2 * 2);
  });

  it.each(rows.map((r) => [JSON.stringify(r), r] as const))('%s', (_name, c) => {
    expect(maySend(c)).toBe(expected(c));
    expect(sendBlockedBy(c) === null).toBe(expected(c));
  });

  it('never sends while the disguise shows, whatever else holds', () => {
    for (const c of rows.filter((r) => r.disguiseShowing)) {
      expect(sendBlockedBy(c)).toBe('disguise');
    }
  });

  it('gives the first reason in a fixed order: disguise, offline, locked, policy', () => {
    const base: SendConditions = {
      policy: 'manual',
      trigger: 'start',
      disguiseShowing: true,
      unlocked: false,
      online: false,
    };
    expect(sendBlockedBy(base)).toBe('disguise');
    expect(sendBlockedBy({ ...base, disguiseShowing: false })).toBe('offline');
    expect(sendBlockedBy({ ...base, disguiseShowing: false, online: true })).toBe('locked');
    expect(sendBlockedBy({ ...base, disguiseShowing: false, online: true, unlocked: true })).toBe(
      'policy',
    );
    expect(
      sendBlockedBy({
        ...base,
        policy: 'unlocked',
        trigger: 'background',
        disguiseShowing: false,
        online: true,
      }),
    ).toBe('policy');
  });

  it('sends on the worker’s tap under every policy while unlocked, online and undisguised', () => {
    for (const policy of POLICIES) {
      expect(
        maySend({
          policy,
          trigger: 'manual',
          disguiseShowing: false,
          unlocked: true,
          online: true,
        }),
      ).toBe(true);
    }
  });
});
