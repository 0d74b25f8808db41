import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDb } from '../sqlite/open-encrypted';

export interface TableInfo {
  name: string;
  columns: ReadonlySet<string>;
  /** NOT NULL columns without a default (besides the key): a creation op must fill them */
  required: readonly string[];
  /** NOT NULL columns (a group field an op left out is set to null only where it may be) */
  notNull: ReadonlySet<string>;
  /** TEXT columns (a stripped creation op fills a required one with '') */
  textColumns: ReadonlySet<string>;
  hasVersion: boolean;
}

interface PragmaColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

/** The columns this device's schema has for a table, or null when the table does not exist. */
export function readTableInfo(sqlite: SqliteDb, table: string): TableInfo | null {
  const cols = sqlite.prepare(`SELECT * FROM pragma_table_info(?)`).all(table) as PragmaColumn[];
  if (cols.length === 0) return null;
  return {
    name: table,
    columns: new Set(cols.map((c) => c.name)),
    notNull: new Set(cols.filter((c) => c.notnull).map((c) => c.name)),
    required: cols.filter((c) => c.notnull && c.dflt_value === null && !c.pk).map((c) => c.name),
    textColumns: new Set(cols.filter((c) => c.type.toUpperCase() === 'TEXT').map((c) => c.name)),
    hasVersion: cols.some((c) => c.name === 'version'),
  };
}

/** A prepared statement taking any positional parameters. */
export type Stmt = Database.Statement<unknown[]>;
