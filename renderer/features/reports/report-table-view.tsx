import type { ReportCell, ReportColumn, ReportTable } from '../../../shared/contract/reports';
import { isIsoDate } from '../../../shared/dates/iso-date';
import { formatDateBoth } from '../../../shared/dates/wareki';

function show(v: ReportCell, c: ReportColumn, lang: 'ja' | 'en'): string {
  if (v === null) return '';
  if (typeof v === 'number')
    return v.toLocaleString(lang === 'en' ? 'en' : 'ja-JP', { maximumFractionDigits: 1 });
  if (c.key === 'date' && isIsoDate(v)) return formatDateBoth(v, lang);
  return v;
}

/**
 * One report table as an HTML table: the title as caption, Japanese headers, the first column
 * as row headers, numbers right-aligned with separators, subtotal and total rows marked, and
 * the table's counting rule underneath. The cells are the report's values as they are.
 */
export function ReportTableView({ table, lang }: { table: ReportTable; lang: 'ja' | 'en' }) {
  return (
    <section className="report-table" id={`table-${table.id}`} data-table={table.id}>
      {/* a wide table scrolls inside its own box, which the keyboard can reach and scroll */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={table.title}>
        <table className="table numbers">
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => {
              // the row's header is its first cell, or its label when the first (a code) is empty
              const head =
                show(r.cells[0] ?? null, table.columns[0]!, lang) === '' && r.cells.length > 1 ? 1 : 0;
              return (
                <tr key={r.key} data-row={r.key} className={r.kind === 'item' ? undefined : r.kind}>
                  {r.cells.map((v, i) => {
                    const c = table.columns[i]!;
                    return i === head ? (
                      <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>
                        {show(v, c, lang)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {show(v, c, lang)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint table-note">※ {table.note}</p>
    </section>
  );
}
