import type { StaffRole } from './vocab/staff-roles';

/**
 * Who may do what. Enforced in the use cases (electron/services); the UI only hides what a
 * role cannot do. Peer supporters record peer consultations and see the consultations they
 * took part in and their own follow-ups, not the whole case file.
 */
export const PERMISSIONS = {
  'consultation.record': ['administrator', 'counselor', 'peer_supporter'],
  'consultation.edit': ['administrator', 'counselor'],
  /** read any consultation; without it, only those one responded to or created */
  'consultation.viewAll': ['administrator', 'counselor', 'read_only'],
  'person.view': ['administrator', 'counselor', 'read_only'],
  'person.edit': ['administrator', 'counselor'],
  'followup.manage': ['administrator', 'counselor'],
  'followup.completeOwn': ['administrator', 'counselor', 'peer_supporter'],
  'followup.viewAll': ['administrator', 'counselor', 'read_only'],
  'case.manage': ['administrator', 'counselor'],
  'directory.view': ['administrator', 'counselor', 'peer_supporter', 'read_only'],
  'directory.manage': ['administrator', 'counselor'],
  /** admission and respite coordination: the board and requests, and working on them */
  'coordination.view': ['administrator', 'counselor', 'read_only'],
  'coordination.manage': ['administrator', 'counselor'],
  'staff.manage': ['administrator'],
  'audit.read': ['administrator'],
  'backup.run': ['administrator', 'counselor'],
  /** create referrals, move their state, record the recipient's reply */
  'referral.manage': ['administrator', 'counselor'],
  /** record and withdraw a person's consent to share information */
  'consent.record': ['administrator', 'counselor'],
  /** issue a letter (consent checked, or the emergency exception with a reason) */
  'letter.issue': ['administrator', 'counselor'],
  /** a copy leaves the app: a PDF saved, a reprint, a printed provision log */
  'letter.export': ['administrator', 'counselor'],
  /** read the register and the provision log (提供記録) */
  'letter.view': ['administrator', 'counselor', 'read_only'],
  /** the letterhead: the center's address, phone, document symbol */
  'letter.settings': ['administrator'],
  'backup.configure': ['administrator'],
  /** put a backup back in place of the case file (the current one is kept beside it) */
  'backup.restore': ['administrator'],
  /** the case file's integrity check and schema version (`yorisoi verify`) */
  'casefile.check': ['administrator', 'counselor'],
  /** a new data key: the file re-encrypted, a new recovery code */
  'casefile.rotateKey': ['administrator'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
