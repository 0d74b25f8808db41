import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';

/**
 * Opens a case inside the caller's transaction (intake of a 継続 consultation, or by hand).
 * `openedAt`: when support began — a case opened by a consultation takes the consultation's
 * date-time, not the day it was typed (by hand: now).
 */
export async function insertCase(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  c: { personId: string | null; title: string; ownerId?: string | null; openedAt?: string },
): Promise<string> {
  const ownerId = c.ownerId ?? ctx.actor.id;
  const owner = await trx.selectFrom('staff').select('active').where('id', '=', ownerId).executeTakeFirst();
  if (!owner?.active) throw new AppError('INVALID_INPUT', 'The case owner is not an active staff member.');
  const id = uuidv7();
  const t = nowIso(ctx);
  const fields = {
    person_id: c.personId,
    title: c.title,
    state: 'open' as const,
    owner_id: ownerId,
    opened_at: c.openedAt ?? t,
    closed_at: null,
    outcome: null,
    outcome_note: null,
  };
  await trx
    .insertInto('cases')
    .values({
      id,
      ...fields,
      created_at: t,
      created_by: ctx.actor.id,
      updated_at: t,
      updated_by: ctx.actor.id,
      version: 1,
    })
    .execute();
  await recordOp(trx, opWriter(ctx), 'case', id, { ...fields, created_at: t, created_by: ctx.actor.id });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'case.open',
    entity: 'case',
    entityId: id,
  });
  return id;
}
