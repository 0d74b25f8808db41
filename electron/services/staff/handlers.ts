import type { HandlerMap } from '../handler-types';
import { addStaff } from './add-staff';
import { deactivateStaff } from './deactivate-staff';
import { listAudit } from './list-audit';
import { listStaff } from './list-staff';
import { updateStaff } from './update-staff';

type StaffChannels = 'staff.list' | 'staff.add' | 'staff.update' | 'staff.deactivate' | 'audit.list';

export const staffHandlers: HandlerMap<StaffChannels> = {
  'staff.list': (ctx, i) => listStaff(ctx, i.includeInactive),
  'staff.add': (ctx, i) => addStaff(ctx, i),
  'staff.update': (ctx, i) => updateStaff(ctx, i),
  'staff.deactivate': (ctx, i) => deactivateStaff(ctx, i.id),
  'audit.list': (ctx, i) => listAudit(ctx, i),
};
