import { sql, type Transaction } from 'kysely';
import { ENTITY_TABLES } from '../../../db/records/registry';
import type { DB } from '../../../db/schema';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import { groupClock, groupNamed, groupOfField, groupValue } from '../../../db/sync/field-groups';
import { HybridClock, MAX_AHEAD_MS } from '../../../db/sync/hlc';
import { writeDecision } from '../../../db/sync/decisions';
import { clockOf, decodeClocks } from '../../../db/sync/row-clocks';
import type { ConflictDto } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { currentValues, writeLocalFields } from './local-change';
import { inTransaction, type UnitOfWork } from '../unit-of-work';

type Db = ServiceContext['db'] | Transaction<DB>;

/** Brings the listed conflicts up to date with local edits made since the last exchange. */
export async function refreshConflicts(ctx: UnitOfWork): Promise<void> {
  await inTransaction(ctx, async () => {
    new ConflictRecorder(ctx.caseFile.sqlite, nowIso(ctx)).refreshListed();
  });
}

/** The clock of the value a row's field (or transition) holds now. */
async function currentClock(db: Db, entity: string, entityId: string, field: string): Promise<string> {
  const row = await db
    .selectFrom('row_clocks')
    .select('clocks')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  const clocks = decodeClocks(row?.clocks);
  const g = groupNamed(entity, field);
  return (g ? groupClock(g, (f) => clockOf(clocks, f)) : clockOf(clocks, field)) ?? '';
}

/**
 * The fields an op wrote, by its HLC. An op pruned from the log (db/sync/prune.ts): the value it
 * left, as kept when an unseen edit overwrote it (db/sync/replaced.ts) or as the row holds it.
 */
async function opFields(
  db: Db,
  hlc: string,
  entity?: string,
  entityId?: string,
): Promise<Record<string, unknown>> {
  const op = await db.selectFrom('op_log').select('fields').where('hlc', '=', hlc).executeTakeFirst();
  if (op) return JSON.parse(op.fields) as Record<string, unknown>;
  if (!entity || !entityId) return {};
  const kept = await db
    .selectFrom('sync_replaced')
    .select('fields')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('hlc', '=', hlc)
    .executeTakeFirst();
  if (kept) return JSON.parse(kept.fields) as Record<string, unknown>;
  if (hlc !== (await currentClockOfRow(db, entity, entityId, hlc))) return {};
  const table = ENTITY_TABLES[entity];
  if (!table) return {};
  const row = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE id = ${entityId}`
    .execute(db)
    .then((r) => r.rows[0]);
  return row ?? {};
}

/** `hlc` when some field of the row holds it now, else null. */
async function currentClockOfRow(
  db: Db,
  entity: string,
  entityId: string,
  hlc: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('row_clocks')
    .select('clocks')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row && Object.values(JSON.parse(row.clocks) as Record<string, string>).includes(hlc) ? hlc : null;
}

/**
 * When an edit was made, as its device's wall clock said: the `updated_at` (or `created_at`)
 * the op carries. The HLC can run ahead of it (it moves past clocks seen from other devices),
 * so it is shown only when the op carries no time of its own.
 */
function wallTime(fields: Record<string, unknown>, hlc: string): { at: string; clockAhead: boolean } {
  const clockMs = HybridClock.parse(hlc).ms;
  const stamp = [fields.updated_at, fields.created_at].find(
    (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  );
  if (!stamp) return { at: new Date(clockMs).toISOString(), clockAhead: false };
  return { at: stamp, clockAhead: clockMs - Date.parse(stamp) > MAX_AHEAD_MS };
}

/** One side of a conflict from the op that wrote it: value, who, when, on which device. */
async function side(db: Db, hlc: string, entity: string, field: string, entityId?: string) {
  const op = await db
    .selectFrom('op_log as o')
    .leftJoin('staff as s', 's.id', 'o.staff_id')
    .select(['o.origin', 'o.staff_id', 'o.fields', 's.display_name'])
    .where('o.hlc', '=', hlc)
    .executeTakeFirst();
  const fields = op
    ? (JSON.parse(op.fields) as Record<string, unknown>)
    : await opFields(db, hlc, entity, entityId);
  const g = groupNamed(entity, field);
  const group = g ? groupValue(g, fields, g.compare) : null;
  return {
    value: (g ? group![g.compare[0]!] : fields[field]) ?? null,
    group,
    hlc,
    ...wallTime(fields, hlc),
    deviceId: op?.origin ?? HybridClock.parse(hlc).deviceId,
    staffId: op?.staff_id ?? null,
    staffName: op?.display_name ?? null,
  };
}

/** The column a person recognises each kind of record by (its table: the entity registry). */
const LABEL_COLUMNS: Record<string, string> = {
  person: 'name',
  consultation: 'serial',
  follow_up: 'title',
  case: 'title',
  institution: 'name',
  staff: 'display_name',
  event: 'title',
};

function recordLabel(ctx: UnitOfWork, entity: string, entityId: string): string | null {
  const column = LABEL_COLUMNS[entity];
  const table = ENTITY_TABLES[entity];
  if (!column || !table) return null;
  const row = ctx.caseFile.sqlite
    .prepare(`SELECT "${column}" AS label FROM "${table}" WHERE id = ?`)
    .get(entityId) as { label: string | null } | undefined;
  return row?.label || null;
}

/** What a decision (a `sync_conflict` row) was about. */
async function decisionTarget(db: Db, conflictId: string) {
  const r = await db
    .selectFrom('sync_conflict_resolutions')
    .select(['entity', 'entity_id', 'field', 'value', 'resolution'])
    .where('id', '=', conflictId)
    .executeTakeFirst();
  return r?.entity && r.entity_id && r.field
    ? { entity: r.entity, entityId: r.entity_id, field: r.field, value: r.value, resolution: r.resolution }
    : null;
}

async function loadConflicts(ctx: UnitOfWork, includeResolved: boolean, id?: string): Promise<ConflictDto[]> {
  const db = ctx.db;
  let q = db
    .selectFrom('sync_conflicts as c')
    .leftJoin('sync_conflict_resolutions as r', 'r.id', 'c.id')
    .leftJoin('staff as s', 's.id', 'r.updated_by')
    .select([
      'c.id',
      'c.entity',
      'c.entity_id',
      'c.field',
      'c.loser_hlc',
      'c.detected_at',
      'r.resolution',
      'r.updated_at as resolved_at',
      'r.updated_by as resolved_by',
      's.display_name as resolved_name',
    ]);
  if (!includeResolved) q = q.where('r.id', 'is', null);
  if (id) q = q.where('c.id', '=', id);
  const rows = await q.orderBy('c.detected_at', 'desc').orderBy('c.id').execute();
  const out: ConflictDto[] = [];
  for (const r of rows) {
    const target = r.entity === 'sync_conflict' ? await decisionTarget(db, r.entity_id) : null;
    out.push({
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      record: recordLabel(ctx, r.entity, r.entity_id),
      field: r.field,
      about: target
        ? {
            entity: target.entity,
            entityId: target.entityId,
            record: recordLabel(ctx, target.entity, target.entityId),
            field: target.field,
          }
        : null,
      current: await side(
        db,
        await currentClock(db, r.entity, r.entity_id, r.field),
        r.entity,
        r.field,
        r.entity_id,
      ),
      other: await side(db, r.loser_hlc, r.entity, r.field, r.entity_id),
      detectedAt: r.detected_at,
      resolution: r.resolution
        ? { choice: r.resolution, at: r.resolved_at!, by: r.resolved_by!, byName: r.resolved_name ?? null }
        : null,
    });
  }
  return out;
}

/** Conflicts to review: both values, who wrote each and when. Viewing them is audited. */
export async function listConflicts(ctx: UnitOfWork, includeResolved: boolean): Promise<ConflictDto[]> {
  await refreshConflicts(ctx);
  const list = await loadConflicts(ctx, includeResolved);
  ctx.audit.note('sync.conflicts.view', { detail: { count: list.length } });
  return list;
}

/** What a side of a conflict puts in the field: the value, or the whole transition it wrote. */
async function valueOfSide(db: Db, c: ConflictDto, hlc: string): Promise<Record<string, unknown>> {
  const fields = await opFields(db, hlc, c.entity, c.entityId);
  const g = groupNamed(c.entity, c.field);
  return g ? groupValue(g, fields) : { [c.field]: fields[c.field] ?? null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Writes these fields as a local edit unless the record holds them already. */
async function putValues(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  entity: string,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  if (entity === 'sync_conflict') {
    await applyDecision(trx, ctx, entityId, fields as { resolution?: unknown; value?: unknown });
    return;
  }
  const now = currentValues(ctx, entity, entityId, Object.keys(fields));
  if (Object.keys(fields).every((f) => same(now[f], fields[f]))) return;
  await writeLocalFields(trx, ctx, entity, entityId, fields);
  // the field now holds a value its line has seen: by the rule every device applies, no conflict
  const recorder = new ConflictRecorder(ctx.caseFile.sqlite, nowIso(ctx));
  const keys = new Set(Object.keys(fields).map((f) => groupOfField(entity, f)?.name ?? f));
  for (const k of keys) recorder.recompute(entity, entityId, k);
}

/**
 * Makes a decision stand: the decision row gets the chosen decision (when it differs) and the
 * field it was about gets the value that decision left there.
 */
async function applyDecision(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  conflictId: string,
  chosen: { resolution?: unknown; value?: unknown },
): Promise<void> {
  const target = await decisionTarget(trx, conflictId);
  if (!target) return;
  const resolution: 'keep' | 'take' = chosen.resolution === 'take' ? 'take' : 'keep';
  const value = typeof chosen.value === 'string' ? chosen.value : null;
  if (target.resolution !== resolution || target.value !== value) {
    const t = nowIso(ctx);
    const fields = { resolution, value, updated_at: t, updated_by: ctx.actor.id };
    await writeDecision(trx, opWriter(ctx), conflictId, fields);
  }
  if (value !== null) {
    await putValues(trx, ctx, target.entity, target.entityId, JSON.parse(value) as Record<string, unknown>);
  }
}

/**
 * Settles a conflict. `keep`: the current value stays. `take`: the overwritten value comes back
 * as a new edit (which every device then receives) — for a state transition, the whole of it.
 * Either way the decision is itself synced (entity `sync_conflict`) with what it was about and
 * the value it left, so the other devices stop listing the conflict; two devices deciding it
 * differently while apart list a conflict about the decision, and settling that one puts the
 * chosen decision's value back into the field.
 */
export async function resolveConflict(
  ctx: UnitOfWork,
  id: string,
  choice: 'keep' | 'take',
): Promise<ConflictDto> {
  const [c] = await loadConflicts(ctx, true, id);
  if (!c) throw new AppError('NOT_FOUND', 'No such conflict.');
  await inTransaction(ctx, async (trx, ctx) => {
    const t = nowIso(ctx);
    const chosen = await valueOfSide(trx, c, choice === 'keep' ? c.current.hlc : c.other.hlc);
    if (c.entity === 'sync_conflict') {
      await applyDecision(trx, ctx, c.entityId, chosen as { resolution?: unknown; value?: unknown });
      new ConflictRecorder(ctx.caseFile.sqlite, t).recompute(c.entity, c.entityId, c.field);
    } else if (choice === 'take') {
      await writeLocalFields(trx, ctx, c.entity, c.entityId, chosen);
      // the field now holds the value that was lost: by the rule every device applies, no conflict
      new ConflictRecorder(ctx.caseFile.sqlite, t).recompute(c.entity, c.entityId, c.field);
    }
    const existing = await trx
      .selectFrom('sync_conflict_resolutions')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    const decided = {
      resolution: choice,
      value: JSON.stringify(chosen),
      updated_at: t,
      updated_by: ctx.actor.id,
    };
    const about = { entity: c.entity, entity_id: c.entityId, field: c.field };
    await writeDecision(
      trx,
      opWriter(ctx),
      id,
      decided,
      existing ? undefined : { ...about, created_at: t, created_by: ctx.actor.id },
    );
    ctx.audit.note('sync.conflict.resolve', {
      entity: c.entity,
      entityId: c.entityId,
      detail: { conflict: id, field: c.field, choice, ...(c.about ? { about: c.about } : {}) },
    });
  });
  const [after] = await loadConflicts(ctx, true, id);
  return (
    after ?? {
      ...c,
      resolution: { choice, at: nowIso(ctx), by: ctx.actor.id, byName: ctx.actor.displayName },
    }
  );
}
