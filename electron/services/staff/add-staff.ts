import { normalizeLogin } from '../../../db/crypto/key-slots';
import { assertPassphraseAcceptable } from '../../../db/passphrase-policy';
import type { ParsedInput } from '../../../shared/contract';
import type { StaffDto } from '../../../shared/contract/staff';
import { AppError } from '../../../shared/errors';
import type { UnitOfWork } from '../unit-of-work';
import { toStaffDto } from './staff-mapper';

/**
 * A new account: the staff row and a key slot for its passphrase. The slot lives in the
 * sidecar file, outside the database, so it is written as the transaction's last step (after
 * the row and its audit entry): if it fails, the row rolls back; if the commit fails after it,
 * the slot is taken back.
 */
export async function addStaff(uow: UnitOfWork, input: ParsedInput<'staff.add'>): Promise<StaffDto> {
  assertPassphraseAcceptable(input.passphrase);
  const login = normalizeLogin(input.login);
  if (!login) throw new AppError('INVALID_INPUT', 'A login is required.');
  let slotWritten = false;
  try {
    return await uow.write(async (w) => {
      const trx = w.db;
      const taken = await trx.selectFrom('staff').select('id').where('login', '=', login).executeTakeFirst();
      if (taken) throw new AppError('LOGIN_EXISTS', `The login "${login}" is taken.`);
      const id = await w.records.staff.insert({
        login,
        display_name: input.displayName,
        role: input.role,
        profession: input.profession ?? null,
        active: 1,
      });
      w.audit.about({ entity: 'staff', entityId: id, detail: { login, role: input.role } });
      const row = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await w.caseFile.addSlot(login, input.passphrase);
      slotWritten = true;
      return toStaffDto(row);
    });
  } catch (e) {
    // the commit itself failed after the slot was written: take the slot back
    if (slotWritten) await uow.caseFile.removeSlot(login).catch(() => undefined);
    throw e;
  }
}
