import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB, InstitutionsTable } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { toInstitutionDto } from './institution-mapper';

/**
 * Writes the changed columns of an institution inside the caller's transaction: the row
 * (version + 1), one op with only those columns, and the audit entry.
 */
export async function writeInstitutionChange(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  before: InstitutionsTable,
  changed: Partial<InstitutionsTable>,
  action: string,
): Promise<InstitutionDto> {
  const t = nowIso(ctx);
  await trx
    .updateTable('institutions')
    .set({ ...changed, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
    .where('id', '=', before.id)
    .execute();
  await recordOp(trx, opWriter(ctx), 'institution', before.id, {
    ...changed,
    updated_at: t,
    updated_by: ctx.actor.id,
  });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action,
    entity: 'institution',
    entityId: before.id,
    detail: { fields: Object.keys(changed) },
  });
  return toInstitutionDto(
    await trx.selectFrom('institutions').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
  );
}
