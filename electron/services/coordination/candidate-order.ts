import type { Nearness } from '../../../shared/contract/coordination';

/**
 * The order hospitals are suggested in: a call list, best first. Pure and total (ties end on
 * the id), so the same directory and request always give the same list. Keys, in order:
 *
 * 1. Not refused for this request first. A hospital whose last answer was 受入不可 is the last
 *    one to call again; it stays on the list (marked) for when things change.
 * 2. Fewest uncovered needs first: a hospital whose recorded capabilities cover every need
 *    (respite beds, TPPV/NPPV, suction, gastrostomy …) before one that covers fewer.
 * 3./4. Designation and nearness. When the care level is 高度, designation comes first: 第7条(2)
 *    and 第8条(1) of the seed give 拠点病院 and 基幹協力病院 the patients who need 高度の医療.
 *    Otherwise nearness comes first: 第10条(4) asks that patients be cared for 身近な医療機関で.
 *    - Designation rank depends on the kind (designationRank below).
 *    - Nearness: same municipality (a 政令市's wards count as one city), then the same 保健所
 *      area, then the same prefecture, then hospitals whose municipality is not recorded, then
 *      other prefectures.
 * 5. Reading (kana, else name) in Japanese collation, then id.
 */
export interface RankedCandidate {
  id: string;
  type: string;
  /** other designations it holds (拠点病院 and 診療連携拠点病院 at once): its best one counts */
  designations?: readonly string[];
  reading: string;
  missing: number;
  nearness: Nearness;
  refused: boolean;
}

/**
 * Designations by kind, best first, from the seed's articles:
 * - 入院・転院: 拠点病院 (第7条(2) 高度の医療), 基幹協力病院 (第8条(1)), 難病医療協力医療機関
 *   (第11条(1)), 一般協力医療機関 (第9条(1) 一般の医療), other hospitals.
 * - レスパイト: 基幹協力病院 (第8条(3) 一時入院のための病床確保) and 難病医療協力医療機関 (第11条(4))
 *   hold the respite beds; then 拠点病院, 一般協力医療機関, others.
 * - 診断のための受診: 難病診療連携拠点病院 (第10条(1) 診断までの期間の短縮), 難病医療協力医療機関
 *   (第11条(2)), 基幹協力病院, 一般協力医療機関, others.
 */
/**
 * 難病医療拠点病院 (the seed's 拠点病院 of 第3条) ranks with hub_hospital, and 難病診療分野別拠点病院
 * (附則第3条) with it for a diagnosis; a hospital holding several designations counts by its best.
 */
const DESIGNATIONS: Record<string, readonly (readonly string[])[]> = {
  admission: [
    ['hub_hospital', 'medical_hub_hospital'],
    ['core_cooperating_hospital'],
    ['nanbyo_cooperating_institution'],
    ['general_cooperating_institution'],
  ],
  respite: [
    ['core_cooperating_hospital'],
    ['nanbyo_cooperating_institution'],
    ['hub_hospital', 'medical_hub_hospital'],
    ['general_cooperating_institution'],
  ],
  diagnostic_visit: [
    ['hub_hospital', 'specialty_hub_hospital'],
    ['nanbyo_cooperating_institution'],
    ['core_cooperating_hospital', 'medical_hub_hospital'],
    ['general_cooperating_institution'],
  ],
};
DESIGNATIONS.transfer = DESIGNATIONS.admission!;

/** 0 = best; any other medical institution after the designated ones; an unknown kind as 入院. */
export function designationRank(kind: string, type: string, designations: readonly string[] = []): number {
  const order = DESIGNATIONS[kind] ?? DESIGNATIONS.admission!;
  const held = [type, ...designations];
  const i = order.findIndex((group) => group.some((t) => held.includes(t)));
  return i === -1 ? order.length : i;
}

const NEARNESS_RANK: Record<Nearness, number> = {
  municipality: 0,
  health_center: 1,
  prefecture: 2,
  unknown: 3,
  other_prefecture: 4,
};

export function compareCandidates(kind: string, careLevel: string) {
  const designationFirst = careLevel === 'high';
  return (a: RankedCandidate, b: RankedCandidate): number => {
    const designation =
      designationRank(kind, a.type, a.designations) - designationRank(kind, b.type, b.designations);
    const near = NEARNESS_RANK[a.nearness] - NEARNESS_RANK[b.nearness];
    return (
      Number(a.refused) - Number(b.refused) ||
      a.missing - b.missing ||
      (designationFirst ? designation || near : near || designation) ||
      a.reading.localeCompare(b.reading, 'ja') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  };
}
