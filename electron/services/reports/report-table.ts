import type {
  ReportCell,
  ReportColumn,
  ReportRow,
  ReportTable,
  ReportTableId,
} from '../../../shared/contract/reports';
import { vocabLabel, type VocabEntry } from '../../../shared/vocab/vocab';
import type { ReportScope } from './report-scope';
import { fill, reportText, type ReportText } from './report-text';

/** Key of the row for consultations where the value was left empty. */
export const NOT_RECORDED = 'not_recorded';
export const TOTAL = 'total';

type ColumnKey = keyof ReportText['columns'];

/** Column builders: a text column or a number column, labelled from the resources. */
export function columnsOf(t: ReportText) {
  return {
    text: (key: ColumnKey): ReportColumn => ({ key, label: t.columns[key], numeric: false }),
    num: (key: ColumnKey): ReportColumn => ({ key, label: t.columns[key], numeric: true }),
    /** a number column with a label built here (e.g. 延件数（男）) */
    numAs: (key: string, label: string): ReportColumn => ({ key, label, numeric: true }),
  };
}

export function item(key: string, cells: ReportCell[]): ReportRow {
  return { key, kind: 'item', cells };
}
export function subtotal(key: string, cells: ReportCell[]): ReportRow {
  return { key, kind: 'subtotal', cells };
}
export function total(cells: ReportCell[], key = TOTAL): ReportRow {
  return { key, kind: 'total', cells };
}

/** Assembles a table with its title, sheet name and counting note in the scope's language. */
export function makeTable(
  id: ReportTableId,
  s: ReportScope,
  columns: ReportColumn[],
  rows: ReportRow[],
  noteKey: keyof ReportText['help'],
): ReportTable {
  const t = reportText(s.lang);
  return { id, title: t.tables[id], sheetName: t.sheets[id], columns, rows, note: t.help[noteKey] };
}

/** Label of a vocabulary code in the report language; an unknown code shows as itself. */
export function labelOf(list: readonly VocabEntry[], code: string, s: ReportScope): string {
  if (code === NOT_RECORDED) return reportText(s.lang).rows.notRecorded;
  return vocabLabel(list, code, s.lang) ?? code;
}

/**
 * Row keys in a stable order: every code of the vocabulary (zeros included, so a sheet keeps
 * its shape year after year), then codes found in the data that the vocabulary does not know
 * (e.g. from a newer app on another device), then `extra` keys found in the data.
 */
export function orderedKeys(
  codes: readonly string[],
  found: Iterable<string>,
  extra: string[] = [],
): string[] {
  const known = new Set([...codes, ...extra]);
  const present = new Set(found);
  const unknown = [...present].filter((k) => !known.has(k)).sort();
  return [...codes, ...unknown, ...extra.filter((k) => present.has(k))];
}

export function subtotalLabel(s: ReportScope, name: string): string {
  return fill(reportText(s.lang).rows.subtotalOf, { x: name });
}
