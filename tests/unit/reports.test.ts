import { describe, expect, it } from 'vitest';
import {
  emptyReport,
  isIsoDate,
  isTime,
  localDate,
  type Report,
  snippet,
  summariseReport,
  validateReport,
} from '../../src/core/reports';

const ID = '3f1c2a4e-8d1b-4c1e-9a77-0d2b6f3e5a10';
// Local noon on 15 June 2024, so "today" is the same date in every time zone.
const NOW = new Date(2024, 5, 15, 12, 0);

const valid = (patch: Partial<Report> = {}): Report => ({
  ...emptyReport(ID, NOW),
  types: ['theft'],
  date: '2024-06-10',
  ...patch,
});

describe('emptyReport', () => {
  it('starts blank, private, with both timestamps at now', () => {
    const r = emptyReport(ID, NOW);
    expect(r.id).toBe(ID);
    expect(r.types).toEqual([]);
    expect(r.consent).toBe('private');
    expect(r.setting).toBe('');
    expect(r.perpetrator).toEqual({
      phones: [],
      emails: [],
      handles: [],
      nameUsed: '',
      paymentHandles: [],
    });
    expect(Object.values(r.description).every((v) => v === '')).toBe(true);
    expect(Object.values(r.vehicle).every((v) => v === '')).toBe(true);
    expect(r.createdAt).toBe(NOW.toISOString());
    expect(r.updatedAt).toBe(r.createdAt);
  });

  it('shares no arrays between reports', () => {
    const a = emptyReport('a', NOW);
    const b = emptyReport('b', NOW);
    a.types.push('rude');
    a.perpetrator.phones.push({ raw: '1', normalised: '1' });
    expect(b.types).toEqual([]);
    expect(b.perpetrator.phones).toEqual([]);
  });

  it('survives a JSON round trip unchanged', () => {
    const r = valid({ time: '23:15' });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('validateReport', () => {
  const cases: Array<[name: string, patch: Partial<Report>, problems: string[]]> = [
    ['a minimal report', {}, []],
    ['an empty report', { types: [], date: '' }, ['types:required', 'date:required']],
    ['no type', { types: [] }, ['types:required']],
    ['several types', { types: ['rude', 'unpaid', 'stealthing'] }, []],
    ['every type', { types: ['sexual-assault', 'drugging', 'police', 'other'] }, []],
    ['an unknown type', { types: ['theft', 'mugging' as never] }, ['types:invalid']],
    ['no date', { date: '' }, ['date:required']],
    ['today', { date: '2024-06-15' }, []],
    ['tomorrow', { date: '2024-06-16' }, ['date:invalid']],
    ['next year', { date: '2025-01-01' }, ['date:invalid']],
    ['long ago', { date: '1999-12-31' }, []],
    ['a leap day', { date: '2024-02-29' }, []],
    ['a missing leap day', { date: '2023-02-29' }, ['date:invalid']],
    ['30 February', { date: '2024-02-30' }, ['date:invalid']],
    ['month 13', { date: '2024-13-01' }, ['date:invalid']],
    ['day 0', { date: '2024-05-00' }, ['date:invalid']],
    ['a UK date', { date: '10/06/2024' }, ['date:invalid']],
    ['an unpadded date', { date: '2024-6-1' }, ['date:invalid']],
    ['a timestamp', { date: '2024-06-10T10:00' }, ['date:invalid']],
    ['no time', { time: '' }, []],
    ['midnight', { time: '00:00' }, []],
    ['late', { time: '23:59' }, []],
    ['hour 24', { time: '24:00' }, ['time:invalid']],
    ['minute 60', { time: '12:60' }, ['time:invalid']],
    ['an unpadded time', { time: '9:30' }, ['time:invalid']],
    ['seconds', { time: '09:30:00' }, ['time:invalid']],
    ['12-hour', { time: '9pm' }, ['time:invalid']],
    ['each setting', { setting: 'car' }, []],
    ['an unknown setting', { setting: 'hotel' as never }, ['setting:invalid']],
    ['support wanted', { supportWanted: ['medical', 'counselling'] }, []],
    ['unknown support', { supportWanted: ['money' as never] }, ['supportWanted:invalid']],
    ['police consent', { consent: 'police' }, []],
    ['unknown consent', { consent: 'public' as never }, ['consent:invalid']],
    [
      'many problems, in form order',
      { types: [], date: '2030-01-01', time: '7', consent: 'x' as never },
      ['types:required', 'date:invalid', 'time:invalid', 'consent:invalid'],
    ],
  ];
  it.each(cases)('%s', (_name, patch, problems) => {
    const found = validateReport(valid(patch), NOW).map((p) => `${p.field}:${p.error}`);
    expect(found).toEqual(problems);
  });

  it('uses the current date by default', () => {
    expect(validateReport(valid({ date: localDate(new Date()) }))).toEqual([]);
    expect(validateReport(valid({ date: '9999-12-31' }))).toEqual([
      { field: 'date', error: 'invalid' },
    ]);
  });
});

describe('date and time helpers', () => {
  it.each([
    ['2024-01-31', true],
    ['2024-04-31', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['0000-01-01', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it.each([
    ['07:05', true],
    ['19:45', true],
    ['7:05', false],
    ['', false],
  ])('isTime(%j) is %s', (value, ok) => {
    expect(isTime(value)).toBe(ok);
  });

  it('gives the local calendar date', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});

describe('summariseReport', () => {
  const long =
    'He refused to pay at the end and then followed me to the bus stop, shouting, and took my phone.';

  it('returns data for the screen to format', () => {
    const r = valid({ types: ['unpaid', 'theft'], time: '22:30', whatHappened: 'Refused to pay.' });
    expect(summariseReport(r)).toEqual({
      id: ID,
      types: ['unpaid', 'theft'],
      date: '2024-06-10',
      time: '22:30',
      snippet: 'Refused to pay.',
    });
  });

  it.each<[string, Partial<Report>, string]>([
    ['what happened first', { whatHappened: 'Took money back', area: 'Leeds' }, 'Took money back'],
    ['the area when nothing else', { whatHappened: '  \n ', area: 'Holbeck' }, 'Holbeck'],
    ['nothing at all', {}, ''],
    ['whitespace collapsed', { whatHappened: ' a\n\n b\t c ' }, 'a b c'],
    [
      'long text cut at a word, with an ellipsis',
      { whatHappened: long },
      'He refused to pay at the end and then followed me to the bus stop, shouting,…',
    ],
  ])('%s', (_name, patch, text) => {
    expect(summariseReport(valid(patch)).snippet).toBe(text);
  });

  it('never exceeds the length and never splits a character', () => {
    for (let n = 1; n <= 30; n++) {
      const s = snippet('Verfolgt 👩🏽‍🦱 und bedroht. Café 😡😡😡 e\u0301 ende', n);
      expect([...new Intl.Segmenter().segment(s)].length).toBeLessThanOrEqual(n);
      expect(s).not.toMatch(/[\ud800-\udbff]$|\u200d…?$/);
    }
    expect(snippet('😡'.repeat(100), 10)).toBe(`${'😡'.repeat(9)}…`);
  });

  it('does not share the types array with the report', () => {
    const r = valid();
    summariseReport(r).types.push('other');
    expect(r.types).toEqual(['theft']);
  });

  it('takes a custom length', () => {
    expect(summariseReport(valid({ whatHappened: long }), 20).snippet).toBe('He refused to pay…');
  });
});
