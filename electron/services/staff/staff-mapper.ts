import type { StaffTable } from '../../../db/schema';
import type { StaffDto } from '../../../shared/contract/staff';

export function toStaffDto(r: StaffTable): StaffDto {
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    profession: r.profession,
    active: r.active === 1,
  };
}
