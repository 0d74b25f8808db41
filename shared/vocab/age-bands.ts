// 10-year age bands used in statistics and in the `statistics` sharing profile.
import { codeGuard } from './vocab';

export const AGE_BANDS = [
  { code: '0-9', ja: '0〜9歳', en: '0–9', min: 0, max: 9 },
  { code: '10-19', ja: '10〜19歳', en: '10–19', min: 10, max: 19 },
  { code: '20-29', ja: '20〜29歳', en: '20–29', min: 20, max: 29 },
  { code: '30-39', ja: '30〜39歳', en: '30–39', min: 30, max: 39 },
  { code: '40-49', ja: '40〜49歳', en: '40–49', min: 40, max: 49 },
  { code: '50-59', ja: '50〜59歳', en: '50–59', min: 50, max: 59 },
  { code: '60-69', ja: '60〜69歳', en: '60–69', min: 60, max: 69 },
  { code: '70-79', ja: '70〜79歳', en: '70–79', min: 70, max: 79 },
  { code: '80-89', ja: '80〜89歳', en: '80–89', min: 80, max: 89 },
  { code: '90+', ja: '90歳以上', en: '90+', min: 90, max: null },
  { code: 'unknown', ja: '不明', en: 'Unknown', min: null, max: null },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['code'];
export const isAgeBand = codeGuard(AGE_BANDS);

/** Band for a whole-year age; null, negative (no band matches) or fractional ages are 'unknown'. */
export function ageBandOf(age: number | null | undefined): AgeBand {
  if (age == null || !Number.isInteger(age)) return 'unknown';
  const band = AGE_BANDS.find((b) => b.min !== null && age >= b.min && (b.max === null || age <= b.max));
  return band?.code ?? 'unknown';
}
