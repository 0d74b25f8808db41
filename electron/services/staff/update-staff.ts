import { writeAudit } from '../../../db/audit';
import type { StaffTable } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/contract';
import type { StaffDto } from '../../../shared/contract/staff';
import { AppError } from '../../../shared/errors';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { assertAnotherActiveAdmin } from './last-admin';
import { toStaffDto } from './staff-mapper';

type Editable = Pick<StaffTable, 'display_name' | 'role' | 'profession'>;

/** Display name, role and profession; a field left out stays, a null profession clears it. */
export async function updateStaff(
  ctx: ServiceContext,
  input: ParsedInput<'staff.update'>,
): Promise<StaffDto> {
  requirePermission(ctx, 'staff.manage');
  const dto = await ctx.db.transaction().execute(async (trx) => {
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
    if (Object.keys(changed).length === 0) return toStaffDto(before);
    if (changed.role && before.role === 'administrator' && before.active) {
      await assertAnotherActiveAdmin(trx, before.id);
    }
    await recordsIn(trx, ctx).staff.update(before, changed);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'staff.update',
      entity: 'staff',
      entityId: before.id,
      // role changes are what a privilege review looks for
      detail: {
        fields: Object.keys(changed),
        ...(changed.role ? { role: { from: before.role, to: changed.role } } : {}),
      },
    });
    return toStaffDto(
      await trx.selectFrom('staff').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
    );
  });
  // editing oneself takes effect in this session at once (a demoted admin loses staff.manage now)
  if (dto.id === ctx.actor.id) {
    Object.assign(ctx.actor, { displayName: dto.displayName, role: dto.role, profession: dto.profession });
  }
  return dto;
}
