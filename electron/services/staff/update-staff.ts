import type { StaffTable } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/contract';
import type { StaffDto } from '../../../shared/contract/staff';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { assertAnotherActiveAdmin } from './last-admin';
import { toStaffDto } from './staff-mapper';

type Editable = Pick<StaffTable, 'display_name' | 'role' | 'profession'>;

/** Display name, role and profession; a field left out stays, a null profession clears it. */
export async function updateStaff(w: WriteUnit, input: ParsedInput<'staff.update'>): Promise<StaffDto> {
  const trx = w.db;
  const before = await trx.selectFrom('staff').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such staff member.');
  const next: Editable = {
    display_name: input.displayName ?? before.display_name,
    role: input.role ?? before.role,
    profession: input.profession === undefined ? before.profession : input.profession,
  };
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => before[k as keyof Editable] !== v),
  ) as Partial<Editable>;
  if (Object.keys(changed).length === 0) {
    w.audit.skip(); // nothing changed, nothing to log
    return toStaffDto(before);
  }
  if (changed.role && before.role === 'administrator' && before.active) {
    await assertAnotherActiveAdmin(trx, before.id);
  }
  await w.records.staff.update(before, changed);
  w.audit.about({
    entity: 'staff',
    entityId: before.id,
    // role changes are what a privilege review looks for
    detail: {
      fields: Object.keys(changed),
      ...(changed.role ? { role: { from: before.role, to: changed.role } } : {}),
    },
  });
  const dto = toStaffDto(
    await trx.selectFrom('staff').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
  );
  // editing oneself takes effect in this session at once (a demoted admin loses staff.manage
  // now; should the commit fail, the session is only narrower until the next sign-in)
  if (dto.id === w.actor.id) {
    Object.assign(w.actor, { displayName: dto.displayName, role: dto.role, profession: dto.profession });
  }
  return dto;
}
