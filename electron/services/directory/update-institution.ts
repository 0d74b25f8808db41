import type { InstitutionDto } from '../../../shared/contract/directory';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { institutionFields, toInstitutionDto, type ParsedInstitution } from './institution-mapper';
import { writeInstitutionChange } from './write-institution-change';

/** Edits an institution; only changed columns are written. A stale version is a CONFLICT. */
export async function updateInstitution(
  ctx: WriteUnit,
  id: string,
  expectedVersion: number,
  changes: ParsedInstitution,
): Promise<InstitutionDto> {
  const trx = ctx.db;
  const before = await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such institution.');
  if (before.version !== expectedVersion) {
    throw new AppError('CONFLICT', `The institution was changed meanwhile (version ${before.version}).`);
  }
  const next = institutionFields(changes);
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
  );
  if (Object.keys(changed).length === 0) {
    ctx.audit.skip(); // nothing changed, nothing to log
    return toInstitutionDto(before);
  }
  return writeInstitutionChange(trx, ctx, before, changed, 'institution.update');
}
