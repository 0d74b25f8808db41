// Access roles of staff accounts (least privilege, DOMAIN §9).
import { codeGuard } from './vocab';

export const STAFF_ROLES = [
  { code: 'administrator', ja: '管理者', en: 'Administrator' },
  { code: 'counselor', ja: '相談員', en: 'Counselor' },
  { code: 'peer_supporter', ja: 'ピア・サポーター', en: 'Peer supporter' },
  { code: 'read_only', ja: '閲覧のみ', en: 'Read only' },
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number]['code'];
export const isStaffRole = codeGuard(STAFF_ROLES);
