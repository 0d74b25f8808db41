import type { T3LetterSeed } from '../coordination/t3-letter-seed';
import { eraOn, formatDateBoth, formatWareki } from '../../../shared/dates/wareki';
import {
  CARE_LEVELS,
  COORDINATION_KINDS,
  COORDINATION_REASONS,
  SUCTION_NEEDS,
  VENTILATOR_NEEDS,
  vocabLabel,
  type VocabEntry,
} from '../../../shared/vocab';

const ja = (list: readonly VocabEntry[], code: string) => vocabLabel(list, code, 'ja') ?? code;

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * A stay in 和暦（西暦）: 令和7年6月21日〜6月28日（2025年6月21日〜6月28日） within one year and era,
 * both dates in full across a year's or an era's end; an open end says so.
 */
export function stayBoth(from: string, to: string | null): string {
  if (!to) return `${formatDateBoth(from)}から（終わりは未定）`;
  if (from.slice(0, 4) !== to.slice(0, 4) || eraOn(from) !== eraOn(to))
    return `${formatDateBoth(from)}〜${formatDateBoth(to)}`;
  return `${formatWareki(from)}〜${monthDay(to)}（${Number(from.slice(0, 4))}年${monthDay(from)}〜${monthDay(to)}）`;
}

export interface T3Fill {
  purposes: string[];
  purposeOther: string;
  sections: { treatment: string; care: string; timing: string };
}

/**
 * The parts of a T3 draft an accepted coordination request fills (DOMAIN §5, T3): the purpose
 * (respite and diagnosis have their own boxes; an admission or a transfer is written under the
 * purpose), the medical care the hospital must provide, the care situation and the reason, and
 * the stay agreed with the hospital next to the dates first asked for. Japanese labels from the
 * vocabularies: the letter is a Japanese document. `living` is the consultation's living
 * situation, already as its label.
 */
export function t3DraftFill(seed: T3LetterSeed, living = ''): T3Fill {
  const n = seed.medicalNeeds;
  const treatment = [
    n.ventilator === 'none' ? '人工呼吸器：なし' : ja(VENTILATOR_NEEDS, n.ventilator),
    n.suction === 'none' ? '吸引：なし' : ja(SUCTION_NEEDS, n.suction),
    `胃ろう・経管栄養：${n.gastrostomy ? 'あり' : 'なし'}`,
    `医療的ケアの程度：${ja(CARE_LEVELS, n.careLevel)}`,
    ...(n.note ? [`その他：${n.note}`] : []),
  ].join('\n');
  const care = [
    `理由：${ja(COORDINATION_REASONS, seed.reason)}`,
    ...(seed.reasonNote ? [seed.reasonNote] : []),
    ...(living ? [`生活：${living}`] : []),
  ].join('\n');
  // a label and its dates on lines of their own: a date is never broken across lines
  const timing = [
    '受入れの予定（受入決定）',
    `\u3000${stayBoth(seed.acceptedFrom, seed.acceptedTo)}`,
    '当初の希望',
    `\u3000${stayBoth(seed.wantedFrom, seed.wantedTo)}`,
  ].join('\n');
  const boxed = seed.purpose === 'respite' || seed.purpose === 'diagnosis';
  return {
    purposes: boxed ? [seed.purpose] : [],
    purposeOther: boxed ? '' : `${ja(COORDINATION_KINDS, seed.purpose)}の受入れ（調整により受入決定）`,
    sections: { treatment, care, timing },
  };
}
