/**
 * Counting for the tables that place each person in one cell only (tables 6 and 13): 延件数 by
 * the value recorded with each consultation, 実人数 by the value of each person's last
 * consultation in scope (the selection's `last`), so the rows add up to the total.
 */
import type { ServiceContext } from '../context';
import { rowKeys } from './count-groups';
import { selectionOf, type ColumnName } from './report-selection';
import type { ReportScope } from './report-scope';

export interface Cell {
  visits: number;
  persons: number;
}

/**
 * 延件数 and 実人数 per key. Persons: counted on their last consultation in scope only
 * (the selection's `last`, see report-selection.ts).
 */
export async function countLatest(
  ctx: ServiceContext,
  s: ReportScope,
  columns: ColumnName[],
  key: (...values: (string | null)[]) => string,
): Promise<Map<string, Cell>> {
  const sel = await selectionOf(ctx, s);
  const { keys, of } = rowKeys(sel, columns, key);
  const cells = keys.map(() => ({ visits: 0, persons: 0 }));
  for (let i = 0; i < sel.size; i++) {
    const c = cells[of[i]!]!;
    c.visits++;
    c.persons += sel.last[i]!;
  }
  return new Map(keys.map((k, n) => [k, cells[n]!]));
}

export const cellOf = (m: Map<string, Cell>, k: string): Cell => m.get(k) ?? { visits: 0, persons: 0 };

export function sum(m: Map<string, Cell>, pick: (k: string) => boolean): Cell {
  const out = { visits: 0, persons: 0 };
  for (const [k, c] of m)
    if (pick(k)) [out.visits, out.persons] = [out.visits + c.visits, out.persons + c.persons];
  return out;
}
