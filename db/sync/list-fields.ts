import type { SqliteDb } from '../sqlite/open-encrypted';
import type { Stmt } from './table-info';

/**
 * The consultation's list fields as ops carry them (consultationLists() in
 * electron/services/consultations/consultation-fields.ts) and the child rows they become
 * (writeConsultationLists there). Written here with prepared statements: an import of 100,000
 * ops cannot afford a query builder round trip per row. Each list is replaced whole: a list is
 * one field for last-writer-wins.
 */
interface ListSpec {
  table: string;
  columns: readonly string[];
  row: (item: unknown) => unknown[];
  /** the item back from a child row (for a snapshot of the row: db/sync/snapshot.ts) */
  item: (row: Record<string, unknown>) => unknown;
}

const obj = (x: unknown) => {
  if (!x || typeof x !== 'object') throw new TypeError('list item is not an object');
  return x as Record<string, unknown>;
};

const SPECS: Record<string, ListSpec> = {
  categories: {
    table: 'consultation_categories',
    columns: ['code', 'is_main'],
    row: (x) => [obj(x).code, obj(x).main ? 1 : 0],
    item: (r) => ({ code: r.code, main: r.is_main === 1 }),
  },
  responses: { table: 'consultation_responses', columns: ['code'], row: (x) => [x], item: (r) => r.code },
  diseases: {
    table: 'consultation_diseases',
    columns: ['number', 'list_version'],
    row: (x) => [obj(x).number, obj(x).listVersion],
    item: (r) => ({ number: r.number, listVersion: r.list_version }),
  },
  responders: {
    table: 'consultation_responders',
    columns: ['staff_id', 'profession'],
    row: (x) => [obj(x).staffId, obj(x).profession],
    item: (r) => ({ staffId: r.staff_id, profession: r.profession }),
  },
};

export class ConsultationListWriter {
  #stmts = new Map<string, { del: Stmt; ins: Stmt }>();

  constructor(private readonly sqlite: SqliteDb) {}

  /** `fresh`: the consultation was inserted just now, so it has no child rows to remove. */
  write(consultationId: string, field: string, value: unknown, fresh = false): void {
    const spec = SPECS[field];
    if (!spec) throw new TypeError(`unknown list field ${field}`);
    if (!Array.isArray(value)) throw new TypeError(`${field} is not a list`);
    let s = this.#stmts.get(field);
    if (!s) {
      s = {
        del: this.sqlite.prepare<unknown[]>(`DELETE FROM ${spec.table} WHERE consultation_id = ?`),
        ins: this.sqlite.prepare<unknown[]>(
          `INSERT INTO ${spec.table} (consultation_id, ${spec.columns.join(', ')}) VALUES (?${', ?'.repeat(spec.columns.length)})`,
        ),
      };
      this.#stmts.set(field, s);
    }
    if (!fresh) s.del.run(consultationId);
    for (const item of value) s.ins.run(consultationId, ...spec.row(item));
  }
}

/** A consultation's list fields as an op carries them, read back from the child rows. */
export class ConsultationListReader {
  #stmts = new Map<string, Stmt>();

  constructor(private readonly sqlite: SqliteDb) {}

  read(consultationId: string, field: string): unknown[] {
    const spec = SPECS[field];
    if (!spec) throw new TypeError(`unknown list field ${field}`);
    let s = this.#stmts.get(field);
    if (!s) {
      s = this.sqlite.prepare<unknown[]>(
        `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE consultation_id = ?`,
      );
      this.#stmts.set(field, s);
    }
    return (s.all(consultationId) as Record<string, unknown>[]).map(spec.item);
  }
}
