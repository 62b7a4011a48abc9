import type { Report, ReportField } from '../../../core/reports';

export type Change = (update: (report: Report) => Report) => void;
export type Errors = Partial<Record<ReportField, string>>;

export interface SectionProps {
  report: Report;
  change: Change;
  errors: Errors;
}
