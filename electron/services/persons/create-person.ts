import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import type { PersonDetail } from '../../../shared/contract/persons';
import { recordsIn, requirePermission, todayLocal, type ServiceContext } from '../context';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Inserts a person inside the caller's transaction (also used by consultation intake). */
export async function insertPerson(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedPerson,
): Promise<string> {
  const id = await recordsIn(trx, ctx).person.insert(personFields(input, todayLocal(ctx)));
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
