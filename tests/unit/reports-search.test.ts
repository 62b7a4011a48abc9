import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  emptyReport,
  fold,
  normalisePhone,
  normalisePlate,
  type Report,
  type ReportQuery,
  searchReports,
} from '../../src/core/reports';

const NOW = new Date(2024, 5, 15, 12, 0);

function report(id: string, patch: (r: Report) => void): Report {
  const r = emptyReport(id, NOW);
  patch(r);
  return r;
}

const phone = (raw: string, country?: string) => ({
  raw,
  normalised: normalisePhone(raw, country),
});

const reports: Report[] = [
  report('a', (r) => {
    r.types = ['unpaid', 'threats'];
    r.date = '2024-06-01';
    r.area = 'Holbeck, near the Café Rouge';
    r.setting = 'car';
    r.perpetrator.phones = [phone('+44 7700 900123')];
    r.perpetrator.nameUsed = 'Dave';
    r.vehicle = {
      plateRaw: 'ab12 cde',
      plateNormalised: normalisePlate('ab12 cde'),
      make: 'Ford',
      model: 'Focus',
      colour: 'Red',
      features: 'dent in the back door',
    };
    r.whatHappened = 'Refused to pay and drove off.';
  }),
  report('b', (r) => {
    r.types = ['assault'];
    r.date = '2024-05-20';
    r.area = 'City centre';
    r.perpetrator.phones = [phone('07700 900456', '44'), phone('202-555-0199')];
    r.perpetrator.emails = ['J.Smith@example.com'];
    r.perpetrator.handles = ['@big.mike_99'];
    r.perpetrator.paymentHandles = ['$MikeCash'];
    r.description.hair = 'Rötlich, kurz';
    r.description.marks = 'Tattoo of a snake on his neck';
    r.description.accent = 'Irish';
    r.injuries = 'Bruised wrist';
    r.workingName = 'Roxy';
    r.safeContact = 'Signal only';
    r.whatHappened = 'Grabbed my wrist when I said no.';
  }),
  report('c', (r) => {
    r.types = ['stalking', 'other'];
    r.date = '2024-06-15';
    r.contactMethod = 'Answered an advert';
    r.duration = 'Twenty minutes';
    r.perpetrator.phones = [phone('0044 7700 900789')];
    r.vehicle.plateRaw = 'XY-99';
    r.vehicle.plateNormalised = normalisePlate('XY-99');
    r.vehicle.make = 'Škoda';
    r.whatHappened = 'Waited outside ÉCOLE gate every night.';
  }),
  report('d', (r) => {
    // A draft with no date yet.
    r.types = ['rude'];
    r.area = 'Online';
    r.whatHappened = 'Abusive messages after I declined.';
  }),
];

const ids = (query: ReportQuery) => searchReports(reports, query).map((r) => r.id);

describe('searchReports: text', () => {
  const cases: Array<[query: string, found: string[]]> = [
    ['', ['a', 'b', 'c', 'd']],
    ['   ', ['a', 'b', 'c', 'd']],
    ['refused', ['a']],
    ['REFUSED TO PAY', ['a']],
    ['cafe rouge', ['a']],
    ['CAFÉ', ['a']],
    ['rotlich', ['b']],
    ['skoda', ['c']],
    ['ecole', ['c']],
    ['école', ['c']],
    ['red ford', ['a']],
    ['ford red dent', ['a']],
    ['ford blue', []],
    ['snake', ['b']],
    ['irish', ['b']],
    ['bruised', ['b']],
    ['roxy', ['b']],
    ['signal', ['b']],
    ['advert', ['c']],
    ['twenty', ['c']],
    ['dave', ['a']],
    ['j.smith@example', ['b']],
    ['jsmith', ['b']],
    ['big.mike', ['b']],
    ['bigmike', ['b']],
    ['$mikecash', ['b']],
    ['wrist', ['b']],
    ['nowhere', []],
    // plates, typed any way
    ['ab12 cde', ['a']],
    ['AB12CDE', ['a']],
    ['ab-12-cde', ['a']],
    ['ab 12', ['a']],
    ['b12c', ['a']],
    ['xy.99', ['c']],
    // each word may match anywhere: 'Roxy' and '@big.mike_99' in b
    ['xy 99', ['b', 'c']],
    ['xy99', ['c']],
    // phones, typed any way
    ['07700 900123', ['a']],
    ['+44 7700 900123', ['a']],
    ['0044 7700 900123', ['a']],
    ['(07700) 900-123', ['a']],
    ['7700900123', ['a']],
    ['900123', ['a']],
    ['07700 900456', ['b']],
    ['+447700900456', ['b']],
    ['+44 7700 900789', ['c']],
    ['07700900789', ['c']],
    ['07700 900124', []],
    ['07700', ['a', 'b', 'c']],
    ['+1 202 555 0199', ['b']],
    ['2025550199', ['b']],
    ['000', []],
    // not text: ids, enums and dates
    ['unpaid', []],
    ['car', []],
    ['private', []],
    ['2024-06-01', []],
  ];
  it.each(cases)('%j finds %j', (text, found) => {
    expect(ids({ text })).toEqual(found);
  });
});

describe('searchReports: filters', () => {
  const cases: Array<[name: string, query: ReportQuery, found: string[]]> = [
    ['no criteria', {}, ['a', 'b', 'c', 'd']],
    ['one type', { types: ['assault'] }, ['b']],
    ['any of several types', { types: ['threats', 'stalking'] }, ['a', 'c']],
    ['no types means all', { types: [] }, ['a', 'b', 'c', 'd']],
    ['an unknown type', { types: ['nothing'] }, []],
    ['from, inclusive', { from: '2024-06-01' }, ['a', 'c']],
    ['to, inclusive', { to: '2024-06-01' }, ['a', 'b']],
    ['a single day', { from: '2024-06-15', to: '2024-06-15' }, ['c']],
    ['a range', { from: '2024-05-01', to: '2024-06-10' }, ['a', 'b']],
    ['an empty range', { from: '2024-06-10', to: '2024-06-01' }, []],
    ['empty bounds are no bounds', { from: '', to: '' }, ['a', 'b', 'c', 'd']],
    ['everything together', { text: 'wrist', types: ['assault'], from: '2024-05-01' }, ['b']],
    ['text and a type that disagree', { text: 'wrist', types: ['theft'] }, []],
    ['text and dates that disagree', { text: 'ford', to: '2024-05-31' }, []],
  ];
  it.each(cases)('%s', (_name, query, found) => {
    expect(ids(query)).toEqual(found);
  });

  it('gives the same answers from an index and from the reports', () => {
    const index = buildSearchIndex(reports);
    for (const text of ['ford', '07700 900123', 'ab 12', 'rotlich', '']) {
      expect(searchReports(index, { text })).toEqual(searchReports(reports, { text }));
    }
    expect(searchReports(index, { text: 'wrist' })[0]).toBe(reports[1]);
  });
});

describe('fold', () => {
  it.each([
    ['Café', 'cafe'],
    ['ŠKODA', 'skoda'],
    ['  two\n\tlines  ', 'two lines'],
    ['ＡＢ', 'ab'],
    ['naïve façade', 'naive facade'],
  ])('%j → %j', (s, folded) => {
    expect(fold(s)).toBe(folded);
  });
});

describe('search speed', () => {
  it('searches 1,000 reports in well under 50 ms', () => {
    const words =
      'he said that we would meet near the station then drove me away and refused'.split(' ');
    const many: Report[] = [];
    for (let i = 0; i < 1000; i++) {
      many.push(
        report(`r${i}`, (r) => {
          r.types = [i % 2 ? 'theft' : 'rude'];
          r.date = `2024-${String((i % 12) + 1).padStart(2, '0')}-10`;
          r.area = `Area ${i}`;
          r.perpetrator.phones = [phone(`07700 9${String(i).padStart(5, '0')}`, '44')];
          r.perpetrator.handles = [`@user${i}`];
          r.vehicle.plateRaw = `AB${i} XYZ`;
          r.vehicle.plateNormalised = normalisePlate(r.vehicle.plateRaw);
          r.description.clothing = 'Dark jacket, jeans, trainers';
          r.whatHappened = Array.from(
            { length: 120 },
            (_, k) => words[(i + k) % words.length],
          ).join(' ');
        }),
      );
    }
    const index = buildSearchIndex(many);
    const queries: ReportQuery[] = [
      { text: 'refused station' },
      { text: '07700 900999' },
      { text: 'ab999 xyz' },
      { text: 'nothing like this', types: ['theft'], from: '2024-03-01', to: '2024-09-30' },
      { text: 'café' },
    ];
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      for (const q of queries) searchReports(index, q);
      times.push((performance.now() - start) / queries.length);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(10);
    expect(searchReports(index, { text: '07700 900999' }).map((r) => r.id)).toEqual(['r999']);
    expect(searchReports(index, { text: 'ab999 xyz' }).map((r) => r.id)).toEqual(['r999']);
  });
});
