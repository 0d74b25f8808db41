import type { Transaction } from 'kysely';
import { requireActiveStaff } from '../../../db/records/staff';
import type { DB } from '../../../db/schema';
import { nowIso, recordsIn } from '../context';
import type { UnitOfWork } from '../unit-of-work';

/**
 * Opens a case inside the caller's transaction (intake of a 継続 consultation, or by hand).
 * `openedAt`: when support began — a case opened by a consultation takes the consultation's
 * date-time, not the day it was typed (by hand: now).
 */
export async function insertCase(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  c: { personId: string | null; title: string; ownerId?: string | null; openedAt?: string },
): Promise<string> {
  const ownerId = c.ownerId ?? ctx.actor.id;
  await requireActiveStaff(trx, [ownerId], 'The case owner is not an active staff member.');
  const id = await recordsIn(trx, ctx).case.insert({
    person_id: c.personId,
    title: c.title,
    state: 'open',
    owner_id: ownerId,
    opened_at: c.openedAt ?? nowIso(ctx),
    closed_at: null,
    outcome: null,
    outcome_note: null,
  });
  ctx.audit.note('case.open', { entity: 'case', entityId: id });
  return id;
}
