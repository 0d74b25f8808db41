import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB, InstitutionsTable } from '../../../db/schema';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { recordsIn, type ServiceContext } from '../context';
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
  const fields = await recordsIn(trx, ctx).institution.update(before, changed);
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action,
    entity: 'institution',
    entityId: before.id,
    detail: { fields },
  });
  return toInstitutionDto(
    await trx.selectFrom('institutions').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
  );
}
