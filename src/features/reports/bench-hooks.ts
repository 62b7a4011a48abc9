// Hooks for tests/bench only (loaded when the build sets VITE_BENCH_HOOKS=1; production
// builds never contain this module): switch autosave off to measure its cost, and seed
// many realistic reports straight into the vault.
import { vault } from '../../app/session';
import { emptyReport, INCIDENT_TYPES, type Report, SETTINGS } from '../../core/reports';
import { setAutosave } from './draft';
import { reloadReports } from './state';
import { REPORT_KIND } from './store';

const WORDS =
  'he arrived late and was already angry about the price then refused to pay and took my phone from the table when I asked him to leave he pushed me against the door and said he knew where I lived the car was parked outside with a second man waiting he used a different name on the phone and paid with a fake transfer screenshot'.split(
    ' ',
  );

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function fakeReport(i: number, now: Date): Report {
  const rnd = seeded(i + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const day = new Date(now.getTime() - Math.floor(rnd() * 730) * 86_400_000);
  const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  const base = emptyReport(crypto.randomUUID(), day);
  const digits = String(7700900000 + Math.floor(rnd() * 99999));
  return {
    ...base,
    types: [pick(INCIDENT_TYPES), pick(INCIDENT_TYPES)].filter((t, j, a) => a.indexOf(t) === j),
    date,
    time: `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
    duration: 'about an hour',
    area: text(3),
    setting: pick(SETTINGS),
    contactMethod: text(4),
    perpetrator: {
      phones: [{ raw: `0${digits}`, normalised: `+44${digits}` }],
      emails: [`user${i}@example.com`],
      handles: [`@handle${i}`],
      nameUsed: pick(['Dave', 'Mike', 'Tom', 'Sam', 'Chris']),
      paymentHandles: [],
    },
    description: {
      ...base.description,
      ageRange: '30-40',
      height: 'tall',
      build: 'heavy',
      hair: 'short dark',
      clothing: text(5),
      accent: 'local',
    },
    vehicle: {
      plateRaw: `AB${i % 100} CDE`,
      plateNormalised: `AB${i % 100}CDE`,
      make: 'Ford',
      model: 'Focus',
      colour: pick(['silver', 'black', 'blue']),
      features: text(4),
    },
    whatHappened: text(80 + Math.floor(rnd() * 80)),
    injuries: rnd() < 0.3 ? text(10) : '',
  };
}

export function installBenchHooks(): void {
  (window as unknown as Record<string, unknown>).__nightjarBench = {
    setAutosave,
    async seedReports(n: number): Promise<void> {
      const now = new Date();
      for (let start = 0; start < n; start += 100) {
        const batch = [];
        for (let i = start; i < Math.min(n, start + 100); i++) {
          const report = fakeReport(i, now);
          batch.push({ kind: REPORT_KIND, id: report.id, data: report });
        }
        await vault().putMany(batch);
      }
      await reloadReports();
    },
  };
}
