import { can, type Permission } from '../../shared/permissions';
import { useSession } from '../stores/session-store';

/** Whether the signed-in role may do this (the use case checks again; this only hides buttons). */
export function useCan(permission: Permission): boolean {
  const role = useSession((s) => s.status?.user?.role);
  return !!role && can(role, permission);
}
