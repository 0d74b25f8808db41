import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { PersonDetail } from '../../../shared/contract/persons';
import { nowIso, opWriter, requirePermission, todayLocal, type ServiceContext } from '../context';
import { todayIsTrusted } from '../sync/clock-check';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Inserts a person inside the caller's transaction (also used by consultation intake). */
export async function insertPerson(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedPerson,
): Promise<string> {
  const id = uuidv7();
  const t = nowIso(ctx);
  const fields = personFields(input, (await todayIsTrusted(ctx, trx)) ? todayLocal(ctx) : null);
  const row = {
    id,
    ...fields,
    created_at: t,
    created_by: ctx.actor.id,
    updated_at: t,
    updated_by: ctx.actor.id,
    version: 1,
    deleted_at: null,
  };
  await trx.insertInto('persons').values(row).execute();
  const { search_text: _derived, ...synced } = fields;
  await recordOp(trx, opWriter(ctx), 'person', id, { ...synced, created_at: t, created_by: ctx.actor.id });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'person.create',
    entity: 'person',
    entityId: id,
  });
  return id;
}

export async function createPerson(ctx: ServiceContext, input: ParsedPerson): Promise<PersonDetail> {
  requirePermission(ctx, 'person.edit');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertPerson(trx, ctx, input);
    return toPersonDetail(
      await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
