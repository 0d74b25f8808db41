import { useEffect, useState } from 'react';
import type { StaffDto } from '../../../shared/contract/staff';
import { call } from '../../api/client';

/** Active staff for owner and responder choices. */
export function useStaffOptions(): StaffDto[] {
  const [staff, setStaff] = useState<StaffDto[]>([]);
  useEffect(() => {
    void call('staff.list', { includeInactive: false }).then(setStaff, () => setStaff([]));
  }, []);
  return staff;
}
