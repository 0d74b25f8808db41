import { foldForSearch } from '../text/normalize';
import {
  INSTITUTION_CAPABILITIES,
  isInstitutionCapability,
  type InstitutionCapability,
} from '../vocab/institution-capabilities';

/**
 * Free tags people typed before the list existed (or type now) that clearly mean one code.
 * Folded (NFKC, katakana → hiragana, lower case) before lookup. A bare 人工呼吸器 / ventilator
 * is NOT here: it does not say TPPV or NPPV, so it stays a free tag for someone to decide.
 */
const ALIASES: Readonly<Record<string, InstitutionCapability>> = Object.fromEntries(
  (
    [
      ['tppv', 'ventilator_tppv'],
      ['nppv', 'ventilator_nppv'],
      ['吸引', 'suction'],
      ['suction', 'suction'],
      ['頻回吸引', 'frequent_suction'],
      ['胃ろう', 'gastrostomy'],
      ['胃瘻', 'gastrostomy'],
      ['経管栄養', 'gastrostomy'],
      ['gastrostomy', 'gastrostomy'],
      ['respite', 'respite_beds'],
      ['レスパイト', 'respite_beds'],
      ['レスパイト入院', 'respite_beds'],
      ['一時入院', 'respite_beds'],
      ['神経内科', 'neurology'],
      ['脳神経内科', 'neurology'],
      ['neurology', 'neurology'],
      ['遺伝カウンセリング', 'genetic_counselling'],
      ...INSTITUTION_CAPABILITIES.flatMap((c) => [
        [c.ja, c.code],
        [c.en, c.code],
      ]),
    ] as [string, InstitutionCapability][]
  ).map(([k, v]) => [foldForSearch(k), v]),
);

/** The code a tag stands for (a code itself or a known alias), or null for a free tag. */
export function capabilityOfTag(tag: string): InstitutionCapability | null {
  const t = tag.trim();
  if (isInstitutionCapability(t)) return t;
  return ALIASES[foldForSearch(t)] ?? null;
}

/**
 * Tags as stored: known ones become codes (in the list's order), free tags follow trimmed and
 * in the order given; empties and repeats go. The same set always gives the same list, so an
 * unchanged directory entry compares equal on update.
 */
export function normalizeCapabilityTags(tags: readonly string[]): string[] {
  const codes = new Set<string>();
  const free: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag) continue;
    const code = capabilityOfTag(tag);
    if (code) codes.add(code);
    else if (!free.includes(tag)) free.push(tag);
  }
  return [...INSTITUTION_CAPABILITIES.map((c) => c.code).filter((c) => codes.has(c)), ...free];
}

/** The capability codes a stored tag list holds (free tags left out). */
export function capabilityCodes(tags: readonly string[]): Set<InstitutionCapability> {
  const out = new Set<InstitutionCapability>();
  for (const t of tags) {
    const c = capabilityOfTag(t);
    if (c) out.add(c);
  }
  return out;
}
