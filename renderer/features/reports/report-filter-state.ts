import type { ReportFilter, ReportSite } from '../../../shared/contract/reports';
import { monthsOfFiscalYear } from './report-period';

/** What the filter bar holds; `site` is encoded for a <select>: all, center, outreach, event:<id>. */
export interface ReportFilterState {
  fiscalYear: number;
  fromMonth: string;
  toMonth: string;
  site: string;
}

export function defaultFilter(fiscalYear: number): ReportFilterState {
  const months = monthsOfFiscalYear(fiscalYear);
  return { fiscalYear, fromMonth: months[0]!, toMonth: months[11]!, site: 'all' };
}

export function siteOf(value: string): ReportSite {
  if (value.startsWith('event:')) return { kind: 'event', eventId: value.slice('event:'.length) };
  if (value === 'center' || value === 'outreach') return { kind: value };
  return { kind: 'all' };
}

/** The contract input: months only when they narrow the year (the file name says so then). */
export function toReportInput(f: ReportFilterState, lang: 'ja' | 'en'): ReportFilter {
  const months = monthsOfFiscalYear(f.fiscalYear);
  const whole = f.fromMonth === months[0] && f.toMonth === months[11];
  return {
    fiscalYear: f.fiscalYear,
    ...(whole ? {} : { fromMonth: f.fromMonth, toMonth: f.toMonth }),
    site: siteOf(f.site),
    lang,
  };
}
