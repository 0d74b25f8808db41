import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { reportFilter, ReportSite } from '../../../shared/contract/reports';
import { fiscalYearRange } from '../../../shared/dates/fiscal-year';
import { todayLocal, type ServiceContext } from '../context';
import type { ReportLang } from './report-text';

export type ParsedReportFilter = z.output<typeof reportFilter>;

/** What every table counts over: resolved dates and site, and the wording's language. */
export interface ReportScope {
  fiscalYear: number;
  /** ISO dates, inclusive */
  from: string;
  to: string;
  /** the day "open at the end" is measured on: `to`, or today when that is earlier */
  asOf: string;
  site: ReportSite;
  topN: number;
  lang: ReportLang;
}

function lastDayOfMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month
  return `${yearMonth}-${String(day).padStart(2, '0')}`;
}

export function resolveScope(ctx: ServiceContext, f: ParsedReportFilter): ReportScope {
  const fy = fiscalYearRange(f.fiscalYear);
  const from = f.fromMonth ? `${f.fromMonth}-01` : fy.from;
  const to = f.toMonth ? lastDayOfMonth(f.toMonth) : fy.to;
  const today = todayLocal(ctx);
  return {
    fiscalYear: f.fiscalYear,
    from,
    to,
    asOf: today < to ? today : to,
    site: f.site,
    topN: f.topN,
    lang: f.lang,
  };
}

/**
 * The consultations a report counts, as a condition on the alias `c`: not deleted, received in
 * the fiscal year and the date range, at the chosen site.
 * Dates: received_at is the wall-clock date and time as typed (no time zone, never converted),
 * and received_date / fiscal_year come from its date part: 3/31 23:59 is the old fiscal year,
 * 4/1 00:00 the new one, on any machine. (Cases and follow-ups carry UTC stamps; table 11
 * turns them into local days.) A fiscal year runs April 1 to March 31 of the next year. fiscal_year leads so the report
 * index (fiscal_year, received_date, …) is used.
 */
export function inScope(s: ReportScope): RawBuilder<boolean> {
  const site =
    s.site.kind === 'center'
      ? sql`AND c.site_kind = 'center'`
      : s.site.kind === 'outreach'
        ? sql`AND c.site_kind = 'outreach'`
        : s.site.kind === 'event'
          ? sql`AND c.event_id = ${s.site.eventId}`
          : sql``;
  return sql<boolean>`c.fiscal_year = ${s.fiscalYear} AND c.received_date BETWEEN ${s.from} AND ${s.to} AND c.deleted_at IS NULL ${site}`;
}
