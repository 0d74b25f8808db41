import { z } from 'zod';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { SNAPSHOT_ORIGIN, type OpApplier, type Parked } from './apply-op';
import { groupClock, groupOfField, groupValue } from './field-groups';
import { NOT_SENT } from './backfill';
import {
  ENTITY_TABLES,
  LIST_FIELDS,
  LOCAL_ONLY_FIELDS,
  NO_CONFLICT_ENTITIES,
  STAMP_FIELDS,
} from './entities';
import { ConsultationListReader } from './list-fields';
import { clockOf, decodeClocks, ROW_KEY, type RowClocks } from './row-clocks';
import { readTableInfo } from './table-info';
import { filterOpForProfile, type SharingProfile } from './sharing-profile';

/**
 * A snapshot: the rows themselves, each with its field clocks, for a peer that needs ops this
 * device has pruned (a device paired after pruning, or a copy restored from a backup, which
 * pairs as a new device). Built from the rows, so it holds the effect of every op here; the
 * receiver merges each row field by field by those clocks, exactly as it would the ops, so a
 * value it holds that is newer (an edit it has not sent yet) stays. Rows go first in the
 * bundle body, then the ops above the floor (manifest.snapshot).
 */
export const rowLine = z.object({
  entity: z.string().regex(/^[a-z_]{1,40}$/),
  entityId: z.string().min(1).max(100),
  fields: z.custom<Record<string, unknown>>((v) => !!v && typeof v === 'object' && !Array.isArray(v)),
  clocks: z.record(z.string(), z.string().regex(/^\d{13}-\d{4}-.{1,100}$/)),
  version: z.number().int().nonnegative().nullable(),
});
export type RowLine = z.infer<typeof rowLine>;

export const isRowLine = (raw: unknown): boolean =>
  !!raw && typeof raw === 'object' && 'clocks' in raw && !('origin' in raw);

function tableExists(sqlite: SqliteDb, table: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
}

/** Every row a peer with this profile may see, as body lines, a page of rows at a time. */
export function* snapshotLines(
  sqlite: SqliteDb,
  profile: SharingProfile,
  pageSize = 500,
): Generator<string[]> {
  const lists = new ConsultationListReader(sqlite);
  for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
    if (!tableExists(sqlite, table)) continue;
    const page = sqlite.prepare(
      `SELECT t.*, rc.clocks AS "~clocks" FROM "${table}" t
         JOIN row_clocks rc ON rc.entity = ? AND rc.entity_id = t.id
        WHERE t.id > ? ORDER BY t.id LIMIT ?`,
    );
    for (let after = ''; ;) {
      const rows = page.all(entity, after, pageSize) as Record<string, unknown>[];
      if (rows.length === 0) break;
      const out: string[] = [];
      for (const row of rows) {
        const id = String(row.id);
        const all: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) if (!NOT_SENT.has(k) && k !== '~clocks') all[k] = v;
        for (const f of LIST_FIELDS[entity] ?? []) all[f] = lists.read(id, f);
        const fields = filterOpForProfile(
          { entity, fields: JSON.stringify(all), prev: '{}' },
          profile,
        ).fields;
        if (fields === '{}') continue;
        const sent = JSON.parse(fields) as Record<string, unknown>;
        const clocks = JSON.parse(String(row['~clocks'])) as Record<string, string>;
        const kept = Object.fromEntries(Object.entries(clocks).filter(([k]) => k === ROW_KEY || k in sent));
        const version = typeof row.version === 'number' ? row.version : null;
        out.push(
          `{"entity":${JSON.stringify(entity)},"entityId":${JSON.stringify(id)},"fields":${fields},` +
            `"clocks":${JSON.stringify(kept)},"version":${JSON.stringify(version)}}\n`,
        );
      }
      if (out.length) yield out;
      after = String(rows[rows.length - 1]!.id);
      if (rows.length < pageSize) break;
    }
  }
}

/**
 * Merges one snapshot row: the whole row at its row clock (a row this device lacks is made with
 * every column), then each field that was edited later at its own clock. Last writer wins per
 * field, as for ops. A row made here takes the sender's version. Returns what could not be applied
 * yet (null: all of it): a kind of record or a field this app does not know, or a code from a
 * newer app that keeps a new row out whole; the caller parks the row (pending-rows.ts).
 */
export function applyRowLine(
  sqlite: SqliteDb,
  applier: OpApplier,
  row: RowLine,
  /** a parked row being retried: only the fields that waited (pending-rows.ts) */
  waiting?: readonly string[],
): Parked | null {
  const base = row.clocks[ROW_KEY];
  const table = ENTITY_TABLES[row.entity];
  if (!base || !table || !tableExists(sqlite, table))
    return { reason: 'unknown_entity', fields: Object.keys(row.fields) };
  const hasVersion = readTableInfo(sqlite, table)?.hasVersion ?? false;
  const version = sqlite
    .prepare(`SELECT ${hasVersion ? 'version' : '0'} FROM "${table}" WHERE id = ?`)
    .pluck()
    .get(row.entityId) as number | undefined;
  if (version !== undefined && !waiting) keepLosing(sqlite, applier, row);
  const op = (hlc: string, fields: Record<string, unknown>) => ({
    origin: SNAPSHOT_ORIGIN,
    seq: 0,
    hlc,
    entity: row.entity,
    entityId: row.entityId,
    fields,
    prev: {},
  });
  // the row's version is the sender's (or this device's, if it counted more), never bumped here
  const only = (fields: Record<string, unknown>) => waiting?.filter((f) => f in fields);
  let still = applier.apply(op(base, row.fields), only(row.fields), false);
  const later = new Map<string, Record<string, unknown>>();
  for (const [f, c] of Object.entries(row.clocks)) {
    if (f === ROW_KEY || c === base || !(f in row.fields)) continue;
    const fields = later.get(c) ?? {};
    fields[f] = row.fields[f];
    later.set(c, fields);
  }
  for (const c of [...later.keys()].sort()) {
    const fields = later.get(c)!;
    const p = applier.apply(op(c, fields), only(fields), false);
    still ??= p; // the first reason says most (a new row kept out by a newer code: unknown_field)
  }
  if (hasVersion && row.version !== null) {
    const v = Math.max(row.version, version ?? 0);
    sqlite.prepare(`UPDATE "${table}" SET version = ? WHERE id = ?`).run(v, row.entityId);
  }
  return still;
}

/**
 * A snapshot value that loses here to an edit made without seeing it (an edit this device has
 * not sent yet, made before it had the value) is a conflict, as it is on the sender once that
 * edit arrives there: kept like a replaced value (db/sync/replaced.ts), since no op of it exists.
 */
function keepLosing(sqlite: SqliteDb, applier: OpApplier, row: RowLine): void {
  if (NO_CONFLICT_ENTITIES.has(row.entity)) return;
  const local = decodeClocks(
    sqlite
      .prepare(`SELECT clocks FROM row_clocks WHERE entity = ? AND entity_id = ?`)
      .pluck()
      .get(row.entity, row.entityId) as string | undefined,
  );
  const sent: RowClocks = decodeClocks(JSON.stringify(row.clocks));
  const skip = new Set([...(LIST_FIELDS[row.entity] ?? []), ...(LOCAL_ONLY_FIELDS[row.entity] ?? [])]);
  const opAt = sqlite.prepare(`SELECT fields, prev FROM op_log WHERE hlc = ?`);
  const done = new Set<string>();
  for (const f of Object.keys(row.fields)) {
    if (STAMP_FIELDS.has(f) || skip.has(f)) continue;
    const g = groupOfField(row.entity, f);
    const key = g ? g.name : f;
    if (done.has(key)) continue;
    done.add(key);
    const theirs = g ? groupClock(g, (m) => clockOf(sent, m)) : clockOf(sent, f);
    const mine = g ? groupClock(g, (m) => clockOf(local, m)) : clockOf(local, f);
    if (!theirs || !mine || mine <= theirs) continue;
    const o = opAt.get(mine) as { fields: string; prev: string } | undefined;
    if (!o) continue;
    const fields = JSON.parse(o.fields) as Record<string, unknown>;
    const prev = JSON.parse(o.prev) as Record<string, string | null>;
    const built = g ? groupClock(g, (m) => (m in fields ? (prev[m] ?? null) : null)) : (prev[f] ?? null);
    if (built === theirs) continue;
    const values = g ? groupValue(g, row.fields) : { [f]: row.fields[f] };
    applier.replaced.keep(row.entity, row.entityId, key, theirs, values);
  }
}
