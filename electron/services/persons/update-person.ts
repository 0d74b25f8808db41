import { writeAudit } from '../../../db/audit';
import type { PersonDetail } from '../../../shared/contract/persons';
import { AppError } from '../../../shared/errors';
import { recordsIn, requirePermission, todayLocal, type ServiceContext } from '../context';
import { personFields, toPersonDetail, type ParsedPerson } from './person-mapper';

/** Edits a person; only changed fields go to the op log. A stale version is a CONFLICT. */
export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  changes: ParsedPerson,
): Promise<PersonDetail> {
  requirePermission(ctx, 'person.edit');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || before.deleted_at) throw new AppError('NOT_FOUND', 'No such person.');
    if (before.version !== expectedVersion) {
      throw new AppError('CONFLICT', `The person was changed meanwhile (version ${before.version}).`);
    }
    const changed = await recordsIn(trx, ctx).person.update(before, personFields(changes, todayLocal(ctx)));
    if (changed.length === 0) return toPersonDetail(before);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'person.update',
      entity: 'person',
      entityId: id,
      detail: { fields: changed },
    });
    return toPersonDetail(
      await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
