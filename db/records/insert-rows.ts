import type { Transaction } from 'kysely';
import { fixedRows } from '../sqlite/fixed-sql';
import type { DB } from '../schema';

type Row = Record<string, unknown>;

/** INSERT texts by table, columns and row count: a save repeats the same few shapes. */
const texts = new Map<string, string>();
const MAX_TEXTS = 500;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value SQLite binds as it is; anything else (a kysely expression) goes through the builder. */
const bindable = (v: unknown) => v === null || typeof v !== 'object' || v instanceof Uint8Array;

/**
 * Inserts rows of one table in one statement, as kysely's `insertInto(table).values(rows)` does
 * (columns whose value is undefined are left out, so they take their default), without building
 * and compiling the query each time: a save inserts four to ten rows, and the builder cost more
 * than SQLite's insert (issue 20). Every row must have the same columns.
 */
export async function insertRows(trx: Transaction<DB>, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const first = rows[0]!;
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  const sameShape = (r: Row) => {
    const own = Object.keys(r).filter((c) => r[c] !== undefined);
    return own.length === columns.length && own.every((c, k) => c === columns[k]);
  };
  const values = rows.flatMap((r) => columns.map((c) => r[c]));
  if (!rows.every(sameShape) || !values.every(bindable)) {
    await trx
      .insertInto(table as never)
      .values(rows as never)
      .execute();
    return;
  }
  const key = `${table}\u0000${rows.length}\u0000${columns.join('\u0000')}`;
  let text = texts.get(key);
  if (!text) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  await fixedRows(trx, text, values);
}
