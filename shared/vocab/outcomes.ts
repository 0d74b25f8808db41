// 転帰 of a consultation (and of a closed case).
import { codeGuard } from './vocab';

export const OUTCOMES = [
  { code: 'closed', ja: '終了', en: 'Closed' },
  { code: 'continuing', ja: '継続', en: 'Continuing' },
  { code: 'handed_over', ja: '引継ぎ', en: 'Handed over' },
] as const;

export type Outcome = (typeof OUTCOMES)[number]['code'];
export const isOutcome = codeGuard(OUTCOMES);
