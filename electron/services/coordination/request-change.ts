import type { Transaction } from 'kysely';
import type { CoordinationRequestsTable, DB } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { recordsIn } from '../context';
import { nothingChanged, type UnitOfWork } from '../unit-of-work';

export type RequestColumns = Omit<
  CoordinationRequestsTable,
  'id' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'version'
>;

export { loadRequest } from '../../../db/records/coordination-request';

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
  ctx: UnitOfWork,
  before: CoordinationRequestsTable,
  next: Partial<RequestColumns>,
  action: string,
  detail: Record<string, unknown> = {},
  always: readonly (keyof RequestColumns)[] = [],
): Promise<void> {
  const changed = await recordsIn(trx, ctx).coordinationRequest.update(before, next, { group: always });
  if (changed.length === 0) return nothingChanged(ctx, action);
  ctx.audit.note(action, {
    entity: 'coordination_request',
    entityId: before.id,
    detail: { fields: changed, ...detail },
  });
}
