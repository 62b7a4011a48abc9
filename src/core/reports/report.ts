// A "bad date" report as plain data, modelled on the outreach schemes' forms (DESIGN.md,
// "A report"). Storage and encryption happen elsewhere; this is what goes inside a record.
// Decisions: every free-text field is a string ('' when unknown) so forms bind directly
// and search needs no null checks; only the incident types and the date are required,
// because a worker may remember little else and a partial report still protects others.

export const INCIDENT_TYPES = [
  'rude',
  'unpaid',
  'theft',
  'threats',
  'stalking',
  'assault',
  'sexual-assault',
  'stealthing',
  'drugging',
  'police',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SETTINGS = ['incall', 'outcall', 'street', 'car', 'online', 'other'] as const;
export type Setting = (typeof SETTINGS)[number];

export const SUPPORT_KINDS = ['medical', 'legal', 'counselling', 'housing', 'none'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** From least to most shared: keep private, support from the partner, warn others, police. */
export const CONSENT_TIERS = ['private', 'support', 'warn', 'police'] as const;
export type ConsentTier = (typeof CONSENT_TIERS)[number];

export interface PhoneIdentifier {
  /** As the worker typed it. */
  raw: string;
  /** normalisePhone(raw): compared and searched. */
  normalised: string;
}

export interface Perpetrator {
  phones: PhoneIdentifier[];
  emails: string[];
  handles: string[];
  nameUsed: string;
  paymentHandles: string[];
}

export interface Description {
  sex: string;
  ageRange: string;
  height: string;
  build: string;
  hair: string;
  facialHair: string;
  marks: string;
  clothing: string;
  accent: string;
  weapon: string;
}

export interface Vehicle {
  /** As typed, even partial. */
  plateRaw: string;
  /** normalisePlate(plateRaw). */
  plateNormalised: string;
  make: string;
  model: string;
  colour: string;
  features: string;
}

/** A reference to an evidence photo stored as its own record (metadata already stripped). */
export interface PhotoRef {
  id: string;
  width: number;
  height: number;
  bytes: number;
  mime: string;
}

export interface Report {
  /** A UUID, also the record id and the id sent to the partner. */
  id: string;
  types: IncidentType[];
  /** YYYY-MM-DD, the worker's local calendar date. */
  date: string;
  /** HH:MM (24-hour) or ''. */
  time: string;
  /** Free text ("about an hour"). */
  duration: string;
  /** Area or place, free text. */
  area: string;
  setting: Setting | '';
  /** How contact started, free text (an ad site, a phone call, the street). */
  contactMethod: string;
  perpetrator: Perpetrator;
  description: Description;
  vehicle: Vehicle;
  whatHappened: string;
  injuries: string;
  supportWanted: SupportKind[];
  photos: PhotoRef[];
  consent: ConsentTier;
  workingName: string;
  /** A safe way to be contacted, free text. */
  safeContact: string;
  /** ISO 8601 instants (UTC). */
  createdAt: string;
  updatedAt: string;
}

export function emptyReport(id: string, now: Date): Report {
  const at = now.toISOString();
  return {
    id,
    types: [],
    date: '',
    time: '',
    duration: '',
    area: '',
    setting: '',
    contactMethod: '',
    perpetrator: { phones: [], emails: [], handles: [], nameUsed: '', paymentHandles: [] },
    description: {
      sex: '',
      ageRange: '',
      height: '',
      build: '',
      hair: '',
      facialHair: '',
      marks: '',
      clothing: '',
      accent: '',
      weapon: '',
    },
    vehicle: { plateRaw: '', plateNormalised: '', make: '', model: '', colour: '', features: '' },
    whatHappened: '',
    injuries: '',
    supportWanted: [],
    photos: [],
    consent: 'private',
    workingName: '',
    safeContact: '',
    createdAt: at,
    updatedAt: at,
  };
}

export type ReportField = 'types' | 'date' | 'time' | 'setting' | 'supportWanted' | 'consent';
export interface ReportProblem {
  field: ReportField;
  error: 'required' | 'invalid';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar date of an instant, as YYYY-MM-DD. */
export const localDate = (at: Date): string =>
  `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** A real calendar date written YYYY-MM-DD (no 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

export const isTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

const within = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Problems that stop a report being saved as complete, in form order; [] when valid.
 * The date may not be later than today, the local calendar date of `now`.
 */
export function validateReport(r: Report, now: Date = new Date()): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (r.types.length === 0) problems.push({ field: 'types', error: 'required' });
  else if (!r.types.every((t) => within(INCIDENT_TYPES, t))) {
    problems.push({ field: 'types', error: 'invalid' });
  }
  if (r.date === '') problems.push({ field: 'date', error: 'required' });
  else if (!isIsoDate(r.date) || r.date > localDate(now)) {
    problems.push({ field: 'date', error: 'invalid' });
  }
  if (r.time !== '' && !isTime(r.time)) problems.push({ field: 'time', error: 'invalid' });
  if (r.setting !== '' && !within(SETTINGS, r.setting)) {
    problems.push({ field: 'setting', error: 'invalid' });
  }
  if (!r.supportWanted.every((s) => within(SUPPORT_KINDS, s))) {
    problems.push({ field: 'supportWanted', error: 'invalid' });
  }
  if (!within(CONSENT_TIERS, r.consent)) problems.push({ field: 'consent', error: 'invalid' });
  return problems;
}
