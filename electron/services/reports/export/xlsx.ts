import ExcelJS from 'exceljs';
import type { ReportDto, ReportTable } from '../../../../shared/contract/reports';
import { reportText, type ReportLang } from '../report-text';
import { headerLines, ruleLines } from './report-header';
import { safeSheetName } from './sheet-name';

/**
 * The report as an .xlsx workbook: one sheet per table, each starting with the table title and
 * the header block (center, period in 和暦 and 西暦, site, date made), then the table with its
 * Japanese headers (frozen while scrolling), totals in bold, and the counting note below. A
 * last sheet lists the counting rules. Values are plain numbers and strings: no formulas, no
 * macros (an .xlsx cannot carry macros).
 */
const HEADER_ROW = 7; // title, 4 header lines, a blank line, then the column headers

function addTableSheet(
  wb: ExcelJS.Workbook,
  r: ReportDto,
  table: ReportTable,
  lang: ReportLang,
  taken: Set<string>,
) {
  const ws = wb.addWorksheet(safeSheetName(table.sheetName, taken), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.addRow([table.title]).font = { bold: true, size: 14 };
  for (const [k, v] of headerLines(r, lang)) ws.addRow([k, v]);
  ws.addRow([]);
  const head = ws.addRow(table.columns.map((c) => c.label));
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  for (const row of table.rows) {
    const added = ws.addRow(row.cells);
    if (row.kind !== 'item') added.font = { bold: true };
    if (row.kind === 'total') added.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  }
  ws.addRow([]);
  const note = ws.addRow([`※ ${table.note}`]);
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(note.number, 1, note.number, Math.max(table.columns.length, 2));
  note.height = Math.min(400, 15 * Math.ceil(table.note.length / (lang === 'ja' ? 45 : 90)));
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.numeric ? 13 : i === 0 ? 24 : 20;
    // counts with thousands separators; the mean (the only fraction) with one decimal
    if (c.numeric) ws.getColumn(i + 1).numFmt = c.key === 'meanMinutes' ? '#,##0.0' : '#,##0';
  });
  ws.getColumn(2).width = Math.max(ws.getColumn(2).width ?? 0, 20); // the header block's values
}

function addRulesSheet(wb: ExcelJS.Workbook, r: ReportDto, lang: ReportLang, taken: Set<string>) {
  const t = reportText(lang);
  const ws = wb.addWorksheet(safeSheetName(t.meta.rulesSheet, taken));
  ws.addRow([t.meta.rulesTitle]).font = { bold: true, size: 14 };
  for (const [k, v] of headerLines(r, lang)) ws.addRow([k, v]);
  ws.addRow([]);
  ws.getColumn(1).width = 110;
  for (const rule of ruleLines(r)) ws.addRow([rule]).alignment = { wrapText: true, vertical: 'top' };
}

export async function reportToXlsx(r: ReportDto, lang: ReportLang, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yorisoi';
  wb.created = now;
  wb.modified = now;
  wb.title = `${r.centerName} ${r.periodLabel}`;
  const taken = new Set<string>();
  for (const table of r.tables) addTableSheet(wb, r, table, lang, taken);
  addRulesSheet(wb, r, lang, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
