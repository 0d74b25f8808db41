import { z } from 'zod';
import { fiscalYearOf } from '../dates/fiscal-year';
import { channel } from './channel';
import { id } from './common';

/**
 * The statistics tables (DOMAIN §6), in report order. Ids are stable: the renderer's charts,
 * the CSV and the .xlsx sheets follow them. `tNN` is the table number of DOMAIN §6.
 */
export const REPORT_TABLE_IDS = [
  't01-method',
  't01-month',
  't01-month-method',
  't02-consulter',
  't03-disease-group',
  't03-top-diseases',
  't04-category',
  't05-response',
  't05-referral',
  't06-age-sex',
  't06-health-center',
  't06-municipality',
  't06-age-ltc',
  't07-duration',
  't08-profession',
  't08-kind',
  't09-employment',
  't09-support',
  't10-events',
  't10-event-list',
  't11-cases',
  't12-coordination',
  't12-refusal',
  't13-recipient-cert',
  't13-disability-cert',
  't13-ltc',
  't13-devices',
  't13-diagnosis',
  't13-outcome',
  't14-activities',
  't14-activity-list',
] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

/** Where the consultations happened: everywhere, at the center, at outreach sites, at one event. */
export const reportSite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('center') }),
  z.object({ kind: z.literal('outreach') }),
  z.object({ kind: z.literal('event'), eventId: id }),
]);
export type ReportSite = z.infer<typeof reportSite>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

const filterShape = {
  fiscalYear: z.number().int().min(1990).max(2200),
  /** first month of the range (YYYY-MM, within the fiscal year); default April */
  fromMonth: yearMonth.optional(),
  /** last month of the range (YYYY-MM, within the fiscal year); default March */
  toMonth: yearMonth.optional(),
  site: reportSite.default({ kind: 'all' }),
  /** how many disease numbers the top-N table lists */
  topN: z.number().int().min(1).max(100).default(20),
  lang: z.enum(['ja', 'en']).default('ja'),
  /** only these tables (default: all) */
  tables: z.array(z.enum(REPORT_TABLE_IDS)).min(1).optional(),
};

/** Months must fall in the fiscal year, in order (April … March). */
function checkMonths(
  f: { fiscalYear: number; fromMonth?: string | undefined; toMonth?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  for (const key of ['fromMonth', 'toMonth'] as const) {
    const m = f[key];
    if (m && fiscalYearOf(`${m}-01`) !== f.fiscalYear) {
      ctx.addIssue({ code: 'custom', path: [key], message: `${m} is not in fiscal year ${f.fiscalYear}` });
    }
  }
  if (f.fromMonth && f.toMonth && f.fromMonth > f.toMonth) {
    ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'toMonth is before fromMonth' });
  }
}

export const reportFilter = z.object(filterShape).superRefine(checkMonths);
export type ReportFilter = z.input<typeof reportFilter>;

export const reportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;

export const reportColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** numbers (right-aligned, summed in charts) or text labels */
  numeric: z.boolean(),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportRow = z.object({
  /** stable row key: a vocabulary code, a month, an id, or 'total' */
  key: z.string(),
  kind: z.enum(['item', 'subtotal', 'total']),
  cells: z.array(reportCell),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  id: z.enum(REPORT_TABLE_IDS),
  title: z.string(),
  /** Excel sheet name: at most 31 characters, none of []:*?/\ */
  sheetName: z.string().max(31),
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  /** how this table counts (the same text as the help) */
  note: z.string(),
});
export type ReportTable = z.infer<typeof reportTable>;

export const reportDto = z.object({
  centerName: z.string(),
  fiscalYear: z.number(),
  /** ISO dates, inclusive */
  from: z.string(),
  to: z.string(),
  /** the day "open at the end" is measured on: the period end, or today if that is earlier */
  asOf: z.string(),
  site: reportSite,
  siteLabel: z.string(),
  /** e.g. 令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日） */
  periodLabel: z.string(),
  /** the day the report was made, ISO and as shown */
  madeOn: z.string(),
  madeOnLabel: z.string(),
  /** the general counting rules (help text) */
  rules: z.array(z.string()),
  tables: z.array(reportTable),
});
export type ReportDto = z.infer<typeof reportDto>;

export const REPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportFile = z.object({
  filename: z.string(),
  mimeType: z.string(),
  /** the file's bytes, base64 */
  base64: z.string(),
  bytes: z.number(),
});
export type ReportFile = z.infer<typeof reportFile>;

export const reportChannels = {
  /** the tables as data (for the screen and charts); aggregates only, no personal data */
  'report.build': channel({ auth: 'session', input: reportFilter, output: reportDto }),
  /** a file to save: CSV (UTF-8 with BOM, all tables) or .xlsx (one sheet per table); logged */
  'report.export': channel({
    auth: 'session',
    input: z.object({ ...filterShape, format: z.enum(REPORT_FORMATS) }).superRefine(checkMonths),
    output: reportFile,
  }),
};
