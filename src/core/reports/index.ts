// Reports as plain data and the logic on them; storage and encryption live elsewhere.
export { normalisePhone, normalisePlate } from './normalise';
export type {
  ConsentTier,
  Description,
  IncidentType,
  Perpetrator,
  PhoneIdentifier,
  PhotoRef,
  Report,
  ReportField,
  ReportProblem,
  Setting,
  SupportKind,
  Vehicle,
} from './report';
export {
  CONSENT_TIERS,
  emptyReport,
  INCIDENT_TYPES,
  isIsoDate,
  isTime,
  localDate,
  SETTINGS,
  SUPPORT_KINDS,
  validateReport,
} from './report';
export type { ReportQuery, SearchIndex } from './search';
export { buildSearchIndex, fold, searchReports } from './search';
export type { ReportSummary } from './summary';
export { snippet, summariseReport } from './summary';
