// 新規／継続: first contact, or part of an open case.
import { codeGuard } from './vocab';

export const NEW_OR_CONTINUING = [
  { code: 'new', ja: '新規', en: 'New' },
  { code: 'continuing', ja: '継続', en: 'Continuing' },
] as const;

export type NewOrContinuing = (typeof NEW_OR_CONTINUING)[number]['code'];
export const isNewOrContinuing = codeGuard(NEW_OR_CONTINUING);
