import type { StaffDto } from '../../../shared/contract/staff';
import { AppError, isAppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { assertAnotherActiveAdmin } from './last-admin';
import { toStaffDto } from './staff-mapper';

/**
 * Ends an account: active = 0 and its key slot removed, so the login can no longer unlock the
 * file. The row stays (records cite it). One's own account is left to another administrator.
 */
export async function deactivateStaff(uow: WriteUnit, id: string): Promise<StaffDto> {
  if (id === uow.actor.id)
    throw new AppError('CONFLICT', 'Another administrator must deactivate your account.');
  const trx = uow.db;
  const before = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such staff member.');
  if (!before.active) {
    uow.audit.skip(); // already ended, nothing to log
    return toStaffDto(before);
  }
  if (before.role === 'administrator') await assertAnotherActiveAdmin(trx, id);
  await uow.records.staff.update(before, { active: 0 });
  uow.audit.about({ entity: 'staff', entityId: id, detail: { login: before.login } });
  // last step: if the slot file cannot be written, the row stays active
  await uow.caseFile.removeSlot(before.login).catch((e: unknown) => {
    // no slot (e.g. an earlier commit failed after removing it): already cannot log in
    if (!(isAppError(e) && e.code === 'UNKNOWN_LOGIN')) throw e;
  });
  return toStaffDto(await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
