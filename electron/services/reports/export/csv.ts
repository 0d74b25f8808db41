import type { ReportCell, ReportDto } from '../../../../shared/contract/reports';
import { reportText, type ReportLang } from '../report-text';
import { headerLines, ruleLines } from './report-header';

/**
 * All tables in ONE CSV file, for Excel in a Japanese office:
 * - UTF-8 with a BOM (without it Excel reads UTF-8 as Shift_JIS and shows mojibake), CRLF line
 *   ends, RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled).
 * - The header block (center, period, site, date made), then each table: its title, header
 *   row, rows and its counting note, with a blank line between tables; the general counting
 *   rules come last.
 * Why one file and not one per table: an export is one act with one audit entry and one file
 * to hand over; Excel opens it with a double click; many files would need a zip or many save
 * dialogs. Per-table data for machines is in the JSON export and the .xlsx sheets.
 */
export const BOM = '\uFEFF';

/** A text cell starting like a formula (= + - @) is prefixed with ' so Excel shows it as text. */
function field(v: ReportCell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: ReportCell[]) => cells.map(field).join(',');

export function reportToCsv(r: ReportDto, lang: ReportLang): string {
  const t = reportText(lang);
  const out: string[] = headerLines(r, lang).map(([k, v]) => line([k, v]));
  for (const table of r.tables) {
    out.push('', line([table.title]), line(table.columns.map((c) => c.label)));
    for (const row of table.rows) out.push(line(row.cells));
    out.push(line([`※ ${table.note}`]));
  }
  out.push('', line([t.meta.rulesTitle]), ...ruleLines(r).map((rule) => line([rule])));
  return `${BOM}${out.join('\r\n')}\r\n`;
}
