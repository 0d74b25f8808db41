// State of a follow-up task.
import { codeGuard } from './vocab';

export const FOLLOW_UP_STATES = [
  { code: 'open', ja: '未完了', en: 'Open' },
  { code: 'done', ja: '完了', en: 'Done' },
  { code: 'cancelled', ja: '取消', en: 'Cancelled' },
] as const;

export type FollowUpState = (typeof FOLLOW_UP_STATES)[number]['code'];
export const isFollowUpState = codeGuard(FOLLOW_UP_STATES);
