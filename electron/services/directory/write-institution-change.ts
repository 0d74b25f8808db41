import type { Transaction } from 'kysely';
import type { DB, InstitutionsTable } from '../../../db/schema';
import type { InstitutionDto } from '../../../shared/contract/directory';
import type { WriteUnit } from '../unit-of-work';
import { toInstitutionDto } from './institution-mapper';

/**
 * Writes the changed columns of an institution inside the caller's transaction: the row
 * (version + 1), one op with only those columns, and the audit entry.
 */
export async function writeInstitutionChange(
  trx: Transaction<DB>,
  ctx: WriteUnit,
  before: InstitutionsTable,
  changed: Partial<InstitutionsTable>,
  action: string,
): Promise<InstitutionDto> {
  const fields = await ctx.records.institution.update(before, changed);
  ctx.audit.about({ entity: 'institution', entityId: before.id, detail: { fields } }, action);
  return toInstitutionDto(
    await trx.selectFrom('institutions').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
  );
}
