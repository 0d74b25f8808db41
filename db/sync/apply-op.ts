import type { SqliteDb } from '../sqlite/open-encrypted';
import { unknownCodeFields } from './known-codes';
import { DerivedRows, personSearchText } from './derived-rows';
import {
  isCreation,
  LIST_FIELDS,
  LOCAL_ONLY_FIELDS,
  NO_CONFLICT_ENTITIES,
  remoteStaffLogin,
  STAMP_FIELDS,
  tableOf,
} from './entities';
import { groupClock, groupOfField, groupsTouched } from './field-groups';
import { ConsultationListWriter } from './list-fields';
import { clockOf, decodeClocks, encodeClocks, setClocks, type RowClocks } from './row-clocks';
import { ReplacedValues } from './replaced';
import { readTableInfo, type Stmt, type TableInfo } from './table-info';

/** The origin of the ops a snapshot row is merged as (db/sync/snapshot.ts): not in any log. */
export const SNAPSHOT_ORIGIN = '';

/** An op as the merge sees it (parsed fields and prev clocks). */
export interface IncomingOp {
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  entityId: string;
  fields: Record<string, unknown>;
  prev: Record<string, string | null>;
}

export type PendingReason = 'unknown_entity' | 'unknown_field' | 'missing_row' | 'other_center';

/** What could not be applied yet, and why. */
export interface Parked {
  reason: PendingReason;
  fields: string[];
}

function sqlValue(v: unknown): string | number | bigint | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

/**
 * Applies ops to the case file, field by field, last writer wins by HLC, against the clocks in
 * row_clocks. Idempotent (an op whose clock is already there changes nothing) and commutative
 * (any order of the same ops ends in the same row). Runs inside the caller's transaction on the
 * raw SQLite handle with prepared statements: the hot path of a 100,000-op import.
 *
 * A row's `version` counts the ops applied to it, wherever they were made, so every device
 * that holds the same ops shows the same version (the edit forms' stale-version check keeps
 * working across devices).
 */
export class OpApplier {
  readonly derived: DerivedRows;
  /** fields whose conflict list may have changed: "entity\0id\0field" */
  readonly conflictCandidates = new Set<string>();
  #tables = new Map<string, TableInfo | null>();
  #stmts = new Map<string, Stmt>();
  #lists: ConsultationListWriter;
  #getClocks: Stmt;
  #putClocks: Stmt;
  readonly replaced: ReplacedValues;

  constructor(private readonly sqlite: SqliteDb) {
    this.derived = new DerivedRows(sqlite);
    this.replaced = new ReplacedValues(sqlite);
    this.#lists = new ConsultationListWriter(sqlite);
    this.#getClocks = sqlite.prepare<unknown[]>(
      `SELECT clocks FROM row_clocks WHERE entity = ? AND entity_id = ?`,
    );
    this.#putClocks = sqlite.prepare<unknown[]>(
      `INSERT INTO row_clocks (entity, entity_id, clocks) VALUES (?, ?, ?)
       ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks`,
    );
  }

  #table(entity: string): TableInfo | null {
    if (!this.#tables.has(entity)) {
      const t = tableOf(entity);
      this.#tables.set(entity, t ? readTableInfo(this.sqlite, t) : null);
    }
    return this.#tables.get(entity)!;
  }

  #stmt(key: string, sql: () => string): Stmt {
    let s = this.#stmts.get(key);
    if (!s) {
      s = this.sqlite.prepare<unknown[]>(sql());
      this.#stmts.set(key, s);
    }
    return s;
  }

  /**
   * Applies what this device knows of an op. `only` limits it to some fields (a parked op being
   * retried); `firstTime` says whether any part of the op was applied before (for `version`).
   * Returns what must wait, or null.
   */
  apply(op: IncomingOp, only?: readonly string[], firstTime = true): Parked | null {
    const names = only ?? Object.keys(op.fields);
    if (names.length === 0) return null;
    const info = this.#table(op.entity);
    if (!info) return { reason: 'unknown_entity', fields: [...names] };
    const lists = LIST_FIELDS[op.entity] ?? [];
    const localOnly = LOCAL_ONLY_FIELDS[op.entity] ?? [];
    const known: string[] = [];
    const unknown: string[] = [];
    // a code from a newer app's vocabulary waits like a field this version lacks (known-codes.ts)
    const newerCodes = new Set(unknownCodeFields(op.entity, op.fields, names));
    for (const f of names) {
      if (
        f !== 'id' &&
        !newerCodes.has(f) &&
        (info.columns.has(f) || lists.includes(f) || localOnly.includes(f))
      )
        known.push(f);
      else unknown.push(f);
    }
    const clockRow = this.#getClocks.get(op.entity, op.entityId) as { clocks: string } | undefined;
    const before = decodeClocks(clockRow?.clocks);
    const clocks = decodeClocks(clockRow?.clocks);
    // a row with clocks exists (rows are never deleted); one without may predate the op log
    const exists =
      !!clockRow ||
      !!this.#stmt(`exists:${info.name}`, () => `SELECT 1 FROM "${info.name}" WHERE id = ?`).get(op.entityId);
    if (!exists && !isCreation(op.fields)) return { reason: 'missing_row', fields: [...names] };
    // a record made with such a code is not half made: all of it waits for the update
    if (!exists && newerCodes.size) return { reason: 'unknown_field', fields: [...names] };
    if (known.length === 0) return { reason: 'unknown_field', fields: unknown };

    // a retried field was not applied by this op before, so a clock equal to the op's is not its own
    const holds = (c: string | null) => c !== null && (only ? c > op.hlc : c >= op.hlc);
    const winners: string[] = [];
    /** fields of a transition the op won but left out (an older app's op): they become null */
    const cleared: string[] = [];
    const grouped = new Set<string>();
    for (const g of groupsTouched(op.entity, known)) {
      for (const f of g.fields) grouped.add(f);
      if (holds(groupClock(g, (f) => clockOf(before, f)))) continue;
      for (const f of g.fields) {
        if (known.includes(f)) winners.push(f);
        else if (!(f in op.fields) && info.columns.has(f) && !info.notNull.has(f)) cleared.push(f);
      }
    }
    for (const f of known) if (!grouped.has(f) && !holds(clockOf(before, f))) winners.push(f);
    const columns = winners.filter(
      (f) => info.columns.has(f) && !lists.includes(f) && !localOnly.includes(f),
    );
    const bump = firstTime && info.hasVersion;
    if (exists && op.origin !== SNAPSHOT_ORIGIN) this.#keepReplaced(op, info, winners, before);
    if (!exists) {
      if (!this.#insert(info, op, columns)) return { reason: 'missing_row', fields: [...names] };
    } else if (columns.length || cleared.length || bump) {
      const set = [...columns, ...cleared];
      const sets = [...set.map((c) => `"${c}" = ?`), ...(bump ? ['version = version + 1'] : [])];
      this.#stmt(
        `upd:${info.name}:${set.join(',')}:${bump}`,
        () => `UPDATE "${info.name}" SET ${sets.join(', ')} WHERE id = ?`,
      ).run(...columns.map((c) => sqlValue(op.fields[c])), ...cleared.map(() => null), op.entityId);
    }
    for (const f of winners) {
      if (lists.includes(f)) this.#lists.write(op.entityId, f, op.fields[f], !exists);
    }
    if (winners.length || cleared.length) {
      setClocks(clocks, [...winners, ...cleared], op.hlc, isCreation(op.fields));
      this.#putClocks.run(op.entity, op.entityId, encodeClocks(clocks));
    }
    this.#markDerived(op, winners, !exists);
    // every entity, decisions on conflicts included: two devices settling one conflict
    // differently while apart is a conflict about the decision (issue 17)
    // a snapshot row (no op, no prev) matters only where it holds another value than this row
    const noted = op.origin === SNAPSHOT_ORIGIN ? known.filter((f) => clockOf(before, f) !== op.hlc) : known;
    this.#noteCandidates(op, noted, before, localOnly);
    return unknown.length ? { reason: 'unknown_field', fields: unknown } : null;
  }

  /**
   * Fields (or transitions) the writer changed from a value other than the one held here: a
   * concurrent edit somewhere. Fields with listed conflicts are rechecked after every import
   * (ConflictRecorder), so only these need a look.
   */
  #noteCandidates(op: IncomingOp, known: string[], before: RowClocks, localOnly: readonly string[]): void {
    const done = new Set<string>();
    for (const f of known) {
      if (STAMP_FIELDS.has(f) || localOnly.includes(f)) continue;
      const g = groupOfField(op.entity, f);
      if (g) {
        if (done.has(g.name)) continue;
        done.add(g.name);
        const replaced = groupClock(g, (m) => (m in op.fields ? (op.prev[m] ?? null) : null));
        if (replaced !== groupClock(g, (m) => clockOf(before, m)))
          this.conflictCandidates.add(`${op.entity}\0${op.entityId}\0${g.name}`);
      } else if ((op.prev[f] ?? null) !== clockOf(before, f)) {
        this.conflictCandidates.add(`${op.entity}\0${op.entityId}\0${f}`);
      }
    }
  }

  /**
   * Before an edit overwrites values it did not build on (a concurrent edit) whose op is no
   * longer in the log (pruned), keeps them so the conflict list can still show them.
   */
  #keepReplaced(op: IncomingOp, info: TableInfo, winners: string[], before: RowClocks): void {
    if (NO_CONFLICT_ENTITIES.has(op.entity)) return;
    const lists = LIST_FIELDS[op.entity] ?? [];
    const localOnly = LOCAL_ONLY_FIELDS[op.entity] ?? [];
    const done = new Set<string>();
    for (const f of winners) {
      if (STAMP_FIELDS.has(f) || lists.includes(f) || localOnly.includes(f) || !info.columns.has(f)) continue;
      const g = groupOfField(op.entity, f);
      const key = g ? g.name : f;
      if (done.has(key)) continue;
      done.add(key);
      const members = g ? g.fields.filter((m) => info.columns.has(m)) : [f];
      const held = g ? groupClock(g, (m) => clockOf(before, m)) : clockOf(before, f);
      const built = g
        ? groupClock(g, (m) => (m in op.fields ? (op.prev[m] ?? null) : null))
        : (op.prev[f] ?? null);
      if (held === null || held === built || this.replaced.inLog(held)) continue;
      const row = this.sqlite
        .prepare(`SELECT ${members.map((m) => `"${m}"`).join(', ')} FROM "${info.name}" WHERE id = ?`)
        .get(op.entityId) as Record<string, unknown> | undefined;
      if (row) this.replaced.keep(op.entity, op.entityId, key, held, row);
    }
  }

  /** Inserts a new row; false when a required column is missing and cannot be filled. */
  #insert(info: TableInfo, op: IncomingOp, columns: string[]): boolean {
    const values = new Map<string, unknown>(columns.map((c) => [c, op.fields[c]]));
    const fill = (c: string, v: unknown) => {
      if (info.columns.has(c) && (!values.has(c) || values.get(c) === undefined)) values.set(c, v);
    };
    fill('updated_at', op.fields.created_at);
    fill('updated_by', op.fields.created_by);
    if (op.entity === 'staff') values.set('login', remoteStaffLogin(op.entityId));
    if (op.entity === 'person')
      values.set('search_text', personSearchText(values.get('name'), values.get('name_kana')));
    for (const c of info.required) {
      if (values.get(c) !== undefined && values.get(c) !== null) continue;
      // a `statistics` op leaves out free text such as a title: an empty text stands in
      if (info.textColumns.has(c)) values.set(c, '');
      else return false;
    }
    if (info.hasVersion) values.set('version', 1);
    const cols = [...values.keys()];
    this.#stmt(
      `ins:${info.name}:${cols.join(',')}`,
      () =>
        `INSERT INTO "${info.name}" (id, ${cols.map((c) => `"${c}"`).join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`,
    ).run(op.entityId, ...cols.map((c) => sqlValue(values.get(c))));
    return true;
  }

  #markDerived(op: IncomingOp, winners: string[], created: boolean): void {
    // a new person's search text went in with the row, and no record cites it yet
    if (op.entity === 'person' && !created && winners.some((f) => f === 'name' || f === 'name_kana')) {
      this.derived.personNameChanged(op.entityId);
    }
    if (op.entity === 'consultation' && winners.length) this.derived.consultationChanged(op.entityId);
  }
}
