import type { ReportDto, ReportTable, ReportTableId } from '../../../shared/contract/reports';
import { CONTENT_CATEGORIES } from '../../../shared/vocab/content-categories';

/**
 * What the charts draw, taken from the report's tables (the same numbers as the tables and
 * the exported files: the charts never count anything themselves).
 */
/** A series: its data key, and the vocabulary code the chart names it by. */
export interface Series {
  key: string;
  code: string;
}
export interface ChartData {
  rows: Record<string, string | number>[];
  series: Series[];
}

export function findTable(r: ReportDto, id: ReportTableId): ReportTable | undefined {
  return r.tables.find((t) => t.id === id);
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function column(t: ReportTable, key: string): number {
  return t.columns.findIndex((c) => c.key === key);
}

/**
 * Table 1-3 → one bar per month, stacked by method. Only methods used in the period become
 * series (ten colours for one phone call a year help nobody); `methodLabel` names them.
 */
export function monthMethodData(t: ReportTable, monthLabel: (ym: string) => string): ChartData {
  const methodCols = t.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.key.startsWith('visits:') && c.key !== 'visits:total');
  const totals = t.rows.find((r) => r.kind === 'total');
  const used = methodCols.filter(({ i }) => num(totals?.cells[i]) > 0);
  const rows = t.rows
    .filter((r) => r.kind === 'item')
    .map((r) => ({
      label: monthLabel(r.key),
      ...Object.fromEntries(used.map(({ c, i }) => [c.key, num(r.cells[i])])),
    }));
  return { rows, series: used.map(({ c }) => ({ key: c.key, code: c.key.slice('visits:'.length) })) };
}

/** Top-level content categories (1 … 9): the subtotal rows, and 9 which has no sub-categories. */
const TOP_CODES = CONTENT_CATEGORIES.filter((c) => c.parent === null).map((c) => c.code as string);

/** Table 4 → per top-level category: 延件数 of all contents and the main-content count. */
export function categoryData(t: ReportTable): ChartData & { codes: string[] } {
  const [main, all] = [column(t, 'mainVisits'), column(t, 'allVisits')];
  const rowFor = (code: string) =>
    t.rows.find((r) => r.key === `top:${code}`) ?? t.rows.find((r) => r.key === code);
  const codes = TOP_CODES.filter((code) => rowFor(code));
  const rows = codes.map((code) => {
    const r = rowFor(code)!;
    return { code, label: code, all: num(r.cells[all]), main: num(r.cells[main]) };
  });
  return {
    rows,
    codes,
    series: [
      { key: 'all', code: 'all' },
      { key: 'main', code: 'main' },
    ],
  };
}

/** Table 3 → 延件数 and 実人数 per disease group (labels as the table has them). */
export function diseaseGroupData(t: ReportTable): ChartData {
  const [label, visits, persons] = [column(t, 'diseaseGroup'), column(t, 'visits'), column(t, 'persons')];
  const rows = t.rows
    .filter((r) => r.kind === 'item')
    .map((r) => ({
      key: r.key,
      label: String(r.cells[label]),
      visits: num(r.cells[visits]),
      persons: num(r.cells[persons]),
    }));
  return { rows, series: [{ key: 'visits', code: 'visits' }] };
}

/** Table 6 → 実人数 per age band, stacked by sex (each person once, at their last consultation). */
export function ageSexData(t: ReportTable): ChartData {
  const label = column(t, 'ageBand');
  const sexCols = t.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.key.startsWith('persons:') && c.key !== 'persons:total');
  const rows = t.rows
    .filter((r) => r.kind === 'item')
    .map((r) => ({
      key: r.key,
      label: String(r.cells[label]),
      ...Object.fromEntries(sexCols.map(({ c, i }) => [c.key, num(r.cells[i])])),
    }));
  return { rows, series: sexCols.map(({ c }) => ({ key: c.key, code: c.key.slice('persons:'.length) })) };
}

/** True when every value of the series is zero (the chart then says so instead of empty axes). */
export function isEmpty(d: ChartData): boolean {
  return d.rows.every((r) => d.series.every((s) => num(r[s.key]) === 0));
}
