import type { StaffDto } from '../../../shared/contract/staff';
import { can } from '../../../shared/permissions';
import type { ServiceContext } from '../context';
import { toStaffDto } from './staff-mapper';

/**
 * Staff for responder and owner pickers: every role may list active staff. Former staff
 * (includeInactive) only for roles that edit records, where past responders still appear;
 * read-only and peer accounts get the active list whatever they ask.
 */
export async function listStaff(ctx: ServiceContext, includeInactive: boolean): Promise<StaffDto[]> {
  const withInactive = includeInactive && can(ctx.actor.role, 'consultation.edit');
  let sel = ctx.db.selectFrom('staff').selectAll();
  if (!withInactive) sel = sel.where('active', '=', 1);
  const rows = await sel.orderBy('active', 'desc').orderBy('display_name').orderBy('id').execute();
  return rows.map(toStaffDto);
}
