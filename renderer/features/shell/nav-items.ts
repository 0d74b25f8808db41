import { can } from '../../../shared/permissions';
import type { StaffRole } from '../../../shared/vocab/staff-roles';
import type { Screen } from '../../stores/nav-store';

export type NavGroupName = 'daily' | 'center' | 'admin' | 'personal';

export interface NavGroup {
  name: NavGroupName;
  screens: Screen[];
}

/**
 * The menu, in the order the work comes: the day's consultations first, then the center's
 * shared work, administration, and one's own settings. Only what the role may open is listed
 * (the use cases refuse the rest anyway). Empty groups are left out.
 */
export function navGroups(role: StaffRole | undefined, syncMode: string | null): NavGroup[] {
  const may = (p: Parameters<typeof can>[1]) => !!role && can(role, p);
  const seesAll = may('consultation.viewAll');
  const pick = (entries: [Screen, boolean][]) => entries.filter(([, show]) => show).map(([s]) => s);
  const groups: NavGroup[] = [
    {
      name: 'daily',
      screens: pick([
        ['intake', may('consultation.record')],
        ['search', true],
        ['followups', true],
        ['coordination', may('coordination.view')],
        ['letters', may('letter.view')],
      ]),
    },
    {
      name: 'center',
      screens: pick([
        ['directory', true],
        ['reports', seesAll],
        ['events', true],
        ['activities', true],
        ['sync', seesAll],
        ['prefecture', seesAll && syncMode === 'prefecture'],
      ]),
    },
    {
      name: 'admin',
      screens: pick([
        ['staff', may('staff.manage')],
        ['audit', may('audit.read')],
        ['backup', may('backup.run')],
      ]),
    },
    { name: 'personal', screens: ['security', 'settings'] },
  ];
  return groups.filter((g) => g.screens.length > 0);
}
