// State of a case (継続支援); closing one records an outcome.
import { codeGuard } from './vocab';

export const CASE_STATES = [
  { code: 'open', ja: '継続中', en: 'Open' },
  { code: 'closed', ja: '終結', en: 'Closed' },
] as const;

export type CaseState = (typeof CASE_STATES)[number]['code'];
export const isCaseState = codeGuard(CASE_STATES);
