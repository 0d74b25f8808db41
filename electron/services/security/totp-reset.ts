import { deleteSecondFactor, listSecondFactors } from '../../../db/stores/second-factor';
import { AppError } from '../../../shared/errors';
import type { UnitOfWork, WriteUnit } from '../unit-of-work';

/**
 * Recovery for a lost phone: an administrator removes another account's second factor; that
 * person signs in with the passphrase alone and enrols again. One's own goes through
 * `totp.disable` with a current code, so a second factor cannot be switched off by whoever
 * finds an administrator's screen unlocked. (staff.manage is the channel's, checked first.)
 */
export async function resetTotp(uow: WriteUnit, staffId: string) {
  if (staffId === uow.actor.id) {
    throw new AppError('FORBIDDEN', 'Turn off your own second factor with a current code.');
  }
  const staff = await uow.db
    .selectFrom('staff')
    .select(['id', 'login'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff) throw new AppError('NOT_FOUND', 'No such account.');
  const hadSecondFactor = await deleteSecondFactor(uow.db, staffId);
  uow.audit.about({ entity: 'staff', entityId: staffId, detail: { login: staff.login, hadSecondFactor } });
  return { ok: true as const };
}

export async function totpAccounts(uow: UnitOfWork) {
  const rows = await listSecondFactors(uow.db);
  return rows.map((r) => ({ staffId: r.staff_id, enabled: r.state === 'active' }));
}
