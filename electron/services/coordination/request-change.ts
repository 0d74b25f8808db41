import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { CoordinationRequestsTable, DB } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';

export type RequestColumns = Omit<
  CoordinationRequestsTable,
  'id' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'version'
>;

/** The request an action applies to, or NOT_FOUND. */
export async function loadRequest(trx: Transaction<DB>, id: string): Promise<CoordinationRequestsTable> {
  const row = await trx
    .selectFrom('coordination_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such coordination request.');
  return row;
}

/** An ended request (受入決定・取下げ・不成立) is history: no action changes it again. */
export function requireOpenRequest(row: CoordinationRequestsTable): void {
  if (row.state !== 'open') throw new AppError('COORDINATION_ENDED', `The request is already ${row.state}.`);
}

/**
 * Writes the columns that really changed (version + 1), one op with them and one audit entry,
 * in the caller's transaction. `always` lists columns the op carries even when unchanged: a
 * group of fields that must travel together (the end of a request, the consent), so the merge
 * never mixes two writers' groups. Nothing changed: nothing written.
 */
export async function writeRequestChange(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  before: CoordinationRequestsTable,
  next: Partial<RequestColumns>,
  action: string,
  detail: Record<string, unknown> = {},
  always: readonly (keyof RequestColumns)[] = [],
): Promise<void> {
  const old = before as unknown as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => old[k] !== v));
  if (Object.keys(changed).length === 0) return;
  const group = Object.fromEntries(always.map((k) => [k, k in next ? next[k] : old[k]]));
  const t = nowIso(ctx);
  const res = await trx
    .updateTable('coordination_requests')
    .set({ ...changed, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The request was changed meanwhile.');
  await recordOp(trx, opWriter(ctx), 'coordination_request', before.id, {
    ...group,
    ...changed,
    updated_at: t,
    updated_by: ctx.actor.id,
  });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action,
    entity: 'coordination_request',
    entityId: before.id,
    detail: { fields: Object.keys(changed), ...detail },
  });
}
