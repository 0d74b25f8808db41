import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors';
import type { DB } from '../schema';
import { recordOp } from '../sync/op-log';
import { insertRows } from './insert-rows';
import type { RecordScope } from './record-scope';
import { ENTITIES, type EntitySpec, type EntityTable, type SyncedEntity } from './registry';

type Row = Record<string, unknown>;
type StampColumn = 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'version';
type DerivedOf<E extends SyncedEntity> = (typeof ENTITIES)[E] extends {
  derived: readonly (infer D extends string)[];
}
  ? D
  : never;

/** A stored row of the entity. */
export type RecordRow<E extends SyncedEntity> = DB[EntityTable<E>];

/** What a new row takes from its writer: every column but the id, the stamps and derived ones. */
export type NewRecord<E extends SyncedEntity> = Omit<
  RecordRow<E>,
  'id' | StampColumn | DerivedOf<E> | 'deleted_at'
> & { deleted_at?: null };

/** The columns an update may change. */
export type RecordChanges<E extends SyncedEntity> = Partial<
  Omit<RecordRow<E>, 'id' | StampColumn | DerivedOf<E>>
>;

export interface InsertOptions {
  /** the id, when the caller needs it first (a letter's file shares its letter's id) */
  id?: string;
  /** list fields (consultations): they go in the op; the caller's module writes the child rows */
  lists?: Row;
  /** derived columns: in the row, never in the op */
  derived?: Row;
}

export interface UpdateOptions extends Omit<InsertOptions, 'id'> {
  /** the op carries these even when unchanged: a group of fields that must travel together */
  group?: readonly string[];
  /** write the stamps, the version and an op even when no column changed */
  touch?: boolean;
}

const spec = (e: SyncedEntity): EntitySpec => ENTITIES[e];

function creationStamps(s: EntitySpec, t: string, by: string): Row {
  if (s.stamps === 'times') return { created_at: t, updated_at: t };
  return { created_at: t, created_by: by, updated_at: t, updated_by: by };
}

function updateStamps(s: EntitySpec, t: string, by: string): Row {
  return s.stamps === 'times' ? { updated_at: t } : { updated_at: t, updated_by: by };
}

const label = (e: SyncedEntity) => e.replace(/_/g, ' ');

/**
 * Inserts one row of a synced entity and records its creation op (every column it got but the
 * id, the version and derived columns, plus its lists) in the caller's transaction. Returns the
 * new id. The entity's module (db/records/<entity>.ts) adds what the entity derives.
 */
export async function insertRecord<E extends SyncedEntity>(
  s: RecordScope,
  entity: E,
  fields: NewRecord<E>,
  opts: InsertOptions = {},
): Promise<string> {
  const sp = spec(entity);
  const id = opts.id ?? uuidv7();
  const stamps = creationStamps(sp, s.now(), s.staffId);
  const row: Row = { id, ...fields, ...opts.derived, ...stamps };
  if (sp.stamps === 'versioned') row.version = 1;
  await insertRows(s.trx, sp.table, [row]);
  await recordOp(s.trx, s.writer, entity, id, { ...fields, ...opts.lists, ...stamps });
  return id;
}

/**
 * Writes the columns of `changes` that differ from `before` (the row as read in this same
 * transaction), moves the stamps and the version, and records one op with the changed fields
 * (and lists) only. A row changed since it was read is a CONFLICT. Nothing changed: nothing
 * written, and [] returned; else the names of the changed fields.
 */
export async function updateRecord<E extends SyncedEntity>(
  s: RecordScope,
  entity: E,
  before: RecordRow<E>,
  changes: RecordChanges<E>,
  opts: UpdateOptions = {},
): Promise<string[]> {
  const sp = spec(entity);
  const old = before as unknown as Row;
  const changed = Object.fromEntries(
    Object.entries(changes as Row).filter(([k, v]) => v !== undefined && old[k] !== v),
  );
  const lists = opts.lists ?? {};
  const names = [...Object.keys(changed), ...Object.keys(lists)];
  if (names.length === 0 && !opts.touch) return [];
  const stamps = updateStamps(sp, s.now(), s.staffId);
  const versioned = sp.stamps === 'versioned';
  const version = versioned ? (old.version as number) : null;
  let q = s.trx
    .updateTable(sp.table)
    .set({ ...changed, ...opts.derived, ...stamps, ...(versioned ? { version: version! + 1 } : {}) } as never)
    .where('id', '=', old.id as never);
  if (versioned) q = q.where('version', '=', version as never);
  const res = await q.executeTakeFirst();
  // the row was read in this same transaction; a miss means someone else wrote in between
  if (Number(res.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', `The ${label(entity)} was changed meanwhile.`);
  }
  const group = Object.fromEntries((opts.group ?? []).map((k) => [k, k in changed ? changed[k] : old[k]]));
  await recordOp(s.trx, s.writer, entity, old.id as string, { ...group, ...changed, ...lists, ...stamps });
  return names;
}

/** The writer of an entity with nothing of its own to derive: the generic insert and update. */
export function plainRecord<E extends SyncedEntity>(entity: E) {
  return {
    insert: (s: RecordScope, fields: NewRecord<E>, opts?: InsertOptions): Promise<string> =>
      insertRecord(s, entity, fields, opts),
    update: (
      s: RecordScope,
      before: RecordRow<E>,
      changes: RecordChanges<E>,
      opts?: UpdateOptions,
    ): Promise<string[]> => updateRecord(s, entity, before, changes, opts),
  };
}
