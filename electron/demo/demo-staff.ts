// FICTITIOUS colleagues for the demo case file, so consultations have varied responders and
// professions. They are staff rows without key slots: they appear as responders and follow-up
// owners, but nobody can log in as them. Written like `staff.add` (row, op, audit).
import type { StaffProfession } from '../../shared/vocab/staff-professions';
import type { StaffRole } from '../../shared/vocab/staff-roles';
import type { UnitOfWork } from '../services/unit-of-work';

interface DemoColleague {
  login: string;
  displayName: string;
  role: StaffRole;
  profession: StaffProfession;
}

export const DEMO_COLLEAGUES: readonly DemoColleague[] = [
  {
    login: 'demo-counselor',
    displayName: '鈴木 恵子（架空）',
    role: 'counselor',
    profession: 'nanbyo_counselor',
  },
  {
    login: 'demo-phn',
    displayName: '高橋 美穂（架空）',
    role: 'counselor',
    profession: 'public_health_nurse',
  },
  { login: 'demo-sw', displayName: '田中 直樹（架空）', role: 'counselor', profession: 'social_worker' },
  {
    login: 'demo-peer',
    displayName: '伊藤 和子（架空）',
    role: 'peer_supporter',
    profession: 'peer_supporter',
  },
  { login: 'demo-doctor', displayName: '渡辺 誠（架空）', role: 'read_only', profession: 'physician' },
];

/** Adds the demo colleagues not there yet (each logged as its staff.add); how many were added. */
export async function ensureDemoStaff(uow: UnitOfWork): Promise<number> {
  uow.require('staff.manage');
  return uow.write(async (w) => {
    const trx = w.db;
    const existing = new Set(
      (
        await trx
          .selectFrom('staff')
          .select('login')
          .where(
            'login',
            'in',
            DEMO_COLLEAGUES.map((c) => c.login),
          )
          .execute()
      ).map((r) => r.login),
    );
    let added = 0;
    for (const c of DEMO_COLLEAGUES) {
      if (existing.has(c.login)) continue;
      const id = await w.records.staff.insert({
        login: c.login,
        display_name: c.displayName,
        role: c.role,
        profession: c.profession,
        active: 1,
      });
      w.audit.add('staff.add', {
        entity: 'staff',
        entityId: id,
        detail: { login: c.login, role: c.role, demo: true },
      });
      added++;
    }
    return added;
  });
}
