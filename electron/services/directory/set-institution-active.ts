import type { InstitutionDto } from '../../../shared/contract/directory';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { toInstitutionDto } from './institution-mapper';
import { writeInstitutionChange } from './write-institution-change';

/**
 * Hides an institution from pickers (or brings it back). Never deleted: referrals and letters
 * cite it.
 */
export async function setInstitutionActive(
  ctx: WriteUnit,
  id: string,
  active: boolean,
): Promise<InstitutionDto> {
  const trx = ctx.db;
  const before = await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such institution.');
  const value = active ? 1 : 0;
  if (before.active === value) {
    ctx.audit.skip(); // nothing changed, nothing to log
    return toInstitutionDto(before);
  }
  return writeInstitutionChange(
    trx,
    ctx,
    before,
    { active: value },
    active ? 'institution.activate' : 'institution.deactivate',
  );
}
