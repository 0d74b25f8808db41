import { writeAudit } from '../../../db/audit';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import { HybridClock } from '../../../db/sync/hlc';
import { recordOp } from '../../../db/sync/op-log';
import type { ConflictDto } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { writeLocalFields } from './local-change';
import { requireSyncExchange } from './sync-access';

type Db = ServiceContext['db'];

/** Brings the listed conflicts up to date with local edits made since the last exchange. */
export async function refreshConflicts(ctx: ServiceContext): Promise<void> {
  await ctx.db.transaction().execute(async () => {
    new ConflictRecorder(ctx.caseFile.sqlite, nowIso(ctx)).refreshListed();
  });
}

/** The clock of the value a row's field holds now. */
async function currentClock(db: Db, entity: string, entityId: string, field: string): Promise<string> {
  const row = await db
    .selectFrom('row_clocks')
    .select('clocks')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return (row ? (JSON.parse(row.clocks) as Record<string, string>)[field] : undefined) ?? '';
}

/** One side of a conflict from the op that wrote it: value, who, when, on which device. */
async function side(db: Db, hlc: string, field: string) {
  const op = await db
    .selectFrom('op_log as o')
    .leftJoin('staff as s', 's.id', 'o.staff_id')
    .select(['o.origin', 'o.staff_id', 'o.fields', 's.display_name'])
    .where('o.hlc', '=', hlc)
    .executeTakeFirst();
  const fields = op ? (JSON.parse(op.fields) as Record<string, unknown>) : {};
  return {
    value: fields[field] ?? null,
    hlc,
    at: new Date(HybridClock.parse(hlc).ms).toISOString(),
    deviceId: op?.origin ?? HybridClock.parse(hlc).deviceId,
    staffId: op?.staff_id ?? null,
    staffName: op?.display_name ?? null,
  };
}

/** The column a person recognises each kind of record by. */
const LABELS: Record<string, { table: string; column: string }> = {
  person: { table: 'persons', column: 'name' },
  consultation: { table: 'consultations', column: 'serial' },
  follow_up: { table: 'follow_ups', column: 'title' },
  institution: { table: 'institutions', column: 'name' },
  staff: { table: 'staff', column: 'display_name' },
  event: { table: 'events', column: 'title' },
};

function recordLabel(ctx: ServiceContext, entity: string, entityId: string): string | null {
  const l = LABELS[entity];
  if (!l) return null;
  const row = ctx.caseFile.sqlite
    .prepare(`SELECT "${l.column}" AS label FROM "${l.table}" WHERE id = ?`)
    .get(entityId) as { label: string | null } | undefined;
  return row?.label || null;
}

async function loadConflicts(
  ctx: ServiceContext,
  includeResolved: boolean,
  id?: string,
): Promise<ConflictDto[]> {
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
    out.push({
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      record: recordLabel(ctx, r.entity, r.entity_id),
      field: r.field,
      current: await side(db, await currentClock(db, r.entity, r.entity_id, r.field), r.field),
      other: await side(db, r.loser_hlc, r.field),
      detectedAt: r.detected_at,
      resolution: r.resolution
        ? { choice: r.resolution, at: r.resolved_at!, by: r.resolved_by!, byName: r.resolved_name ?? null }
        : null,
    });
  }
  return out;
}

/** Conflicts to review: both values, who wrote each and when. Viewing them is audited. */
export async function listConflicts(ctx: ServiceContext, includeResolved: boolean): Promise<ConflictDto[]> {
  requireSyncExchange(ctx);
  await refreshConflicts(ctx);
  const list = await loadConflicts(ctx, includeResolved);
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'sync.conflicts.view',
    detail: { count: list.length },
  });
  return list;
}

/**
 * Settles a conflict. `keep`: the current value stays. `take`: the overwritten value comes back
 * as a new edit (which every device then receives). Either way the decision is itself synced
 * (entity `sync_conflict`), so the other devices stop listing the conflict.
 */
export async function resolveConflict(
  ctx: ServiceContext,
  id: string,
  choice: 'keep' | 'take',
): Promise<ConflictDto> {
  requireSyncExchange(ctx);
  const [c] = await loadConflicts(ctx, true, id);
  if (!c) throw new AppError('NOT_FOUND', 'No such conflict.');
  await ctx.db.transaction().execute(async (trx) => {
    const t = nowIso(ctx);
    if (choice === 'take') {
      await writeLocalFields(trx, ctx, c.entity, c.entityId, { [c.field]: c.other.value });
      // the field now holds the value that was lost: by the rule every device applies, no conflict
      new ConflictRecorder(ctx.caseFile.sqlite, t).recompute(c.entity, c.entityId, c.field);
    }
    const existing = await trx
      .selectFrom('sync_conflict_resolutions')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    const fields = existing
      ? { resolution: choice, updated_at: t, updated_by: ctx.actor.id }
      : {
          resolution: choice,
          created_at: t,
          created_by: ctx.actor.id,
          updated_at: t,
          updated_by: ctx.actor.id,
        };
    if (existing) {
      await trx.updateTable('sync_conflict_resolutions').set(fields).where('id', '=', id).execute();
    } else {
      await trx
        .insertInto('sync_conflict_resolutions')
        .values({ id, ...(fields as typeof fields & { created_at: string; created_by: string }) })
        .execute();
    }
    await recordOp(trx, opWriter(ctx), 'sync_conflict', id, fields);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'sync.conflict.resolve',
      entity: c.entity,
      entityId: c.entityId,
      detail: { conflict: id, field: c.field, choice },
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
