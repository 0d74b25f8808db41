import type { InstitutionDto } from '../../../shared/contract/directory';
import { AppError } from '../../../shared/errors';
import { requirePermission, type ServiceContext } from '../context';
import { toInstitutionDto } from './institution-mapper';
import { writeInstitutionChange } from './write-institution-change';

/**
 * Hides an institution from pickers (or brings it back). Never deleted: referrals and letters
 * cite it.
 */
export async function setInstitutionActive(
  ctx: ServiceContext,
  id: string,
  active: boolean,
): Promise<InstitutionDto> {
  requirePermission(ctx, 'directory.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'No such institution.');
    const value = active ? 1 : 0;
    if (before.active === value) return toInstitutionDto(before);
    return writeInstitutionChange(
      trx,
      ctx,
      before,
      { active: value },
      active ? 'institution.activate' : 'institution.deactivate',
    );
  });
}
