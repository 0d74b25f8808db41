import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  reportChannels,
  ReportDto,
  ReportFile,
  ReportFormat,
} from '../../../../shared/contract/reports';
import type { UnitOfWork } from '../../unit-of-work';
import { buildReport } from '../build-report';
import { reportToCsv } from './csv';
import { reportToXlsx } from './xlsx';

export type ParsedExport = z.output<(typeof reportChannels)['report.export']['input']>;

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** yorisoi-stats-FY2025[-2025-04_2025-06][-center|-outreach|-event-0190abcd].xlsx (ASCII: any file system). */
export function reportFilename(r: ReportDto, format: ReportFormat): string {
  const full = r.from.endsWith('-04-01') && r.to.endsWith('-03-31');
  const months = full ? '' : `-${r.from.slice(0, 7)}_${r.to.slice(0, 7)}`;
  const site =
    r.site.kind === 'all'
      ? ''
      : r.site.kind === 'event'
        ? `-event-${r.site.eventId.slice(0, 8)}`
        : `-${r.site.kind}`;
  return `yorisoi-stats-FY${r.fiscalYear}${months}${site}.${format}`;
}

async function encode(r: ReportDto, p: ParsedExport, now: Date): Promise<Buffer> {
  if (p.format === 'csv') return Buffer.from(reportToCsv(r, p.lang), 'utf8');
  if (p.format === 'xlsx') return reportToXlsx(r, p.lang, now);
  return Buffer.from(`${JSON.stringify(r, null, 2)}\n`, 'utf8');
}

/**
 * Builds the report and encodes it as a file for the user to save. Every export is written to
 * the audit log (DOMAIN §7: who, when, what, which period), with the file's SHA-256 so the
 * log can prove which file left; the dispatcher writes the entry (report.export) before the
 * bytes are returned.
 */
export async function exportReport(ctx: UnitOfWork, p: ParsedExport): Promise<ReportFile> {
  const { format, ...filter } = p;
  const r = await buildReport(ctx, filter);
  const bytes = await encode(r, p, ctx.now());
  const filename = reportFilename(r, format);
  ctx.audit.about({
    entity: 'report',
    detail: {
      format,
      filename,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fiscalYear: r.fiscalYear,
      from: r.from,
      to: r.to,
      site: r.site,
      tables: r.tables.map((t) => t.id),
      lang: p.lang,
    },
  });
  return { filename, mimeType: MIME[format], base64: bytes.toString('base64'), bytes: bytes.length };
}
