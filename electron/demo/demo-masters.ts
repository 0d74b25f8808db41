// Weighted draws from the embedded master lists: where demo persons live (mostly 埼玉県) and
// which 指定難病 they have (the common ones far more often, as in a real center).
import { MUNICIPALITIES_CSV } from '../../shared/masters/embedded/municipalities-csv';
import { NANBYO_CSV } from '../../shared/masters/embedded/nanbyo-csv';
import { parseMunicipalitiesCsv } from '../../shared/masters/parse-municipalities';
import { parseNanbyoCsv } from '../../shared/masters/parse-nanbyo';
import { DISEASE_SHORT_NAMES } from './fake-text';

/** The prefecture the demo center serves. */
export const DEMO_PREF_CODE = '11';

/**
 * Rough relative frequency of the commonest diseases (受給者証 holders in thousands, rounded),
 * boosted for the neuromuscular diseases that bring the most consultations to a center.
 * Every other number of the list gets OTHER_DISEASE_WEIGHT.
 */
const COMMON_DISEASES: Readonly<Record<number, number>> = {
  97: 140, // 潰瘍性大腸炎
  6: 160, // パーキンソン病
  49: 65, // 全身性エリテマトーデス
  96: 50, // クローン病
  69: 35, // 後縦靱帯骨化症
  18: 40, // 脊髄小脳変性症
  51: 28, // 全身性強皮症
  11: 28, // 重症筋無力症
  2: 40, // 筋萎縮性側索硬化症
  13: 25, // 多発性硬化症／視神経脊髄炎
  90: 25, // 網膜色素変性症
  50: 24, // 皮膚筋炎／多発性筋炎
  85: 22, // 特発性間質性肺炎
  17: 18, // 多系統萎縮症
  5: 16, // 進行性核上性麻痺
  93: 20, // 原発性胆汁性胆管炎
  71: 20, // 特発性大腿骨頭壊死症
  63: 20, // 免疫性血小板減少症
  222: 20, // 一次性ネフローゼ症候群
  306: 18, // 好酸球性副鼻腔炎
  53: 18, // シェーグレン症候群
  84: 16, // サルコイドーシス
  22: 16, // もやもや病
  56: 15, // ベーチェット病
  43: 12, // 顕微鏡的多発血管炎
  66: 12, // IgA腎症
  60: 10, // 再生不良性貧血
  95: 7, // 自己免疫性肝炎
  7: 6, // 大脳皮質基底核変性症
  40: 6, // 高安動脈炎
  14: 6, // CIDP/MMN
  113: 6, // 筋ジストロフィー
  86: 4, // 肺動脈性肺高血圧症
  58: 4, // 肥大型心筋症
  271: 4, // 強直性脊椎炎
  3: 2, // 脊髄性筋萎縮症
  1: 2, // 球脊髄性筋萎縮症
};
const OTHER_DISEASE_WEIGHT = 0.5;

/** Diseases that mostly begin late in life: rare in young demo persons. */
export const LATE_ONSET = new Set([2, 5, 6, 7, 17, 18, 69, 85, 93]);
/** Neuromuscular diseases that bring ventilators, suction and tube feeding home. */
export const NEEDS_DEVICES = new Set([1, 2, 3, 5, 7, 17, 18, 113]);
/** Lung diseases with home oxygen. */
export const HOME_OXYGEN = new Set([85, 86, 84]);

export interface DemoDisease {
  number: number;
  /** what a counselor would write in a note */
  label: string;
  weight: number;
}

export interface DemoMunicipality {
  code: string;
  name: string;
  weight: number;
}

/** Bigger cities of the prefecture: more residents, more consultations. */
const BIG_CITIES = new Set([
  '川口市',
  '川越市',
  '所沢市',
  '越谷市',
  '草加市',
  '春日部市',
  '上尾市',
  '熊谷市',
]);

let diseases: DemoDisease[] | null = null;
let municipalities: DemoMunicipality[] | null = null;

/** Every 指定難病 of the embedded list, weighted (parsed once). */
export function demoDiseases(): DemoDisease[] {
  diseases ??= parseNanbyoCsv(NANBYO_CSV).map((d) => ({
    number: d.number,
    label: DISEASE_SHORT_NAMES[d.number] ?? d.nameJa.replace(/[（(].*$/, '').split('／')[0]!,
    weight: COMMON_DISEASES[d.number] ?? OTHER_DISEASE_WEIGHT,
  }));
  return diseases;
}

/**
 * Municipalities of the demo prefecture, weighted by rough size: 政令市 wards and ordinary
 * cities 3, the big cities 6, towns and villages 1. The 政令市 itself is left out (its wards
 * stand for it).
 */
export function demoMunicipalities(): DemoMunicipality[] {
  if (municipalities) return municipalities;
  const rows = parseMunicipalitiesCsv(MUNICIPALITIES_CSV).filter((m) => m.prefCode === DEMO_PREF_CODE);
  const withWards = new Set(rows.filter((m) => m.name.includes(' ')).map((m) => m.name.split(' ')[0]));
  municipalities = rows
    .filter((m) => !withWards.has(m.name))
    .map((m) => ({
      code: m.code,
      name: m.name,
      weight: BIG_CITIES.has(m.name) ? 6 : m.name.endsWith('町') || m.name.endsWith('村') ? 1 : 3,
    }));
  return municipalities;
}

let municipalityWeights: (readonly [string, number])[] | null = null;
const diseaseWeights = new Map<boolean, (readonly [number, number])[]>();

/** [code, weight] pairs for a weighted draw of a home municipality. */
export function municipalityTable(): readonly (readonly [string, number])[] {
  municipalityWeights ??= demoMunicipalities().map((m) => [m.code, m.weight] as const);
  return municipalityWeights;
}

/** [number, weight] pairs for a weighted draw of a disease; late-onset ones are rare when young. */
export function diseaseTable(young: boolean): readonly (readonly [number, number])[] {
  let table = diseaseWeights.get(young);
  if (!table) {
    table = demoDiseases().map(
      (d) => [d.number, young && LATE_ONSET.has(d.number) ? d.weight * 0.03 : d.weight] as const,
    );
    diseaseWeights.set(young, table);
  }
  return table;
}
