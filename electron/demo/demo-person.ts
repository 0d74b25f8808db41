// One FICTITIOUS person (療養者) of the demo: identity, disease and situation, drawn so that the
// parts fit together (age and disease, disease and devices, age and care level or work).
import type { PersonInput } from '../../shared/contract/persons';
import type { AgeBand } from '../../shared/vocab/age-bands';
import { ageBandOf } from '../../shared/vocab/age-bands';
import type { DiagnosisStatus } from '../../shared/vocab/diagnosis-statuses';
import type { DisabilityCertificateStatus } from '../../shared/vocab/disability-certificate';
import type { EmploymentStatus } from '../../shared/vocab/employment-statuses';
import type { LivingSituation } from '../../shared/vocab/living-situations';
import type { LongTermCareLevel } from '../../shared/vocab/long-term-care';
import type { MedicalDevice } from '../../shared/vocab/medical-devices';
import type { RecipientCertificateStatus } from '../../shared/vocab/recipient-certificate';
import { daysInMonth } from '../../shared/dates/iso-date';
import { diseaseTable, HOME_OXYGEN, LATE_ONSET, municipalityTable, NEEDS_DEVICES } from './demo-masters';
import { FEMALE_GIVEN_NAMES, familyNameWeights, MALE_GIVEN_NAMES } from './fake-names';
import type { Rng } from './prng';

/** Written into every demo person's notes, so no one mistakes one for a real patient. */
export const FICTITIOUS_NOTE = '架空の人物です（デモ用データ）。';

export interface DemoPerson {
  name: string;
  nameKana: string;
  familyKana: string;
  sex: 'male' | 'female';
  /** age on the first day of the demo period */
  age: number;
  birthDate: string | null;
  ageBand: AgeBand;
  municipalityCode: string | null;
  residence: 'in_pref' | 'out_of_pref' | 'unknown';
  diagnosisStatus: DiagnosisStatus;
  diseases: number[];
  recipientCert: RecipientCertificateStatus;
  disabilityCert: DisabilityCertificateStatus;
  ltcLevel: LongTermCareLevel | null;
  employment: EmploymentStatus;
  living: LivingSituation;
  devices: MedicalDevice[];
}

const AGE_BAND_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 2],
  [10, 3],
  [20, 6],
  [30, 9],
  [40, 14],
  [50, 17],
  [60, 20],
  [70, 19],
  [80, 9],
  [90, 1],
];

export function drawPerson(rng: Rng, fromYear: number): DemoPerson {
  const sex = rng.chance(0.55) ? 'female' : 'male';
  const family = rng.weighted(familyNameWeights());
  const given = rng.pick(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const age = rng.weighted(AGE_BAND_WEIGHTS) + rng.int(0, 9);
  let birthDate: string | null = null;
  if (rng.chance(0.75)) {
    const month = rng.int(1, 12);
    const year = fromYear - age - 1;
    const day = rng.int(1, daysInMonth(year, month));
    birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const place = rng.weighted([
    ['in_pref', 93],
    ['out_of_pref', 4],
    ['unknown', 3],
  ] as const);
  const diagnosisStatus = rng.weighted([
    ['confirmed', 85],
    ['suspected', 7],
    ['undiagnosed', 5],
    ['unknown', 3],
  ] as const);
  const diseases = diagnosisStatus === 'undiagnosed' ? [] : drawDiseases(rng, age);
  return {
    name: `${family.name} ${given.name}`,
    nameKana: `${family.kana} ${given.kana}`,
    familyKana: family.kana,
    sex,
    age,
    birthDate,
    ageBand: ageBandOf(age),
    municipalityCode: place === 'in_pref' ? rng.weighted(municipalityTable()) : null,
    residence: place,
    diagnosisStatus,
    diseases,
    recipientCert:
      diagnosisStatus === 'confirmed'
        ? rng.weighted([
            ['held', 75],
            ['applying', 8],
            ['none', 12],
            ['unknown', 5],
          ] as const)
        : rng.weighted([
            ['none', 70],
            ['unknown', 30],
          ] as const),
    disabilityCert: drawDisabilityCert(rng, diseases),
    ltcLevel: drawCareLevel(rng, age, diseases),
    employment: drawEmployment(rng, age),
    living: rng.weighted([
      ['with_family', 70],
      ['alone', 18],
      ['in_facility', 5],
      ['in_hospital', 3],
      ['other', 2],
      ['unknown', 2],
    ] as const),
    devices: drawDevices(rng, diseases),
  };
}

/** What the first consultation registers as the person (every demo person is marked 架空). */
export function personInputOf(p: DemoPerson): PersonInput {
  return {
    name: p.name,
    nameKana: p.nameKana,
    sex: p.sex,
    ...(p.birthDate ? { birthDate: p.birthDate } : { ageBand: p.ageBand }),
    ...(p.municipalityCode ? { municipalityCode: p.municipalityCode } : { residence: p.residence }),
    notes: FICTITIOUS_NOTE,
  };
}

/** One disease, sometimes two; late-onset diseases are rare before 40. */
export function drawDiseases(rng: Rng, age: number | null): number[] {
  const table = diseaseTable(age !== null && age < 40);
  const first = rng.weighted(table);
  if (!rng.chance(0.05)) return [first];
  const second = rng.weighted(table);
  return second === first ? [first] : [first, second];
}

function drawDevices(rng: Rng, diseases: number[]): MedicalDevice[] {
  const out: MedicalDevice[] = [];
  if (diseases.some((d) => NEEDS_DEVICES.has(d))) {
    const ventilator = rng.weighted([
      [null, 65],
      ['ventilator_nppv', 20],
      ['ventilator_tppv', 15],
    ] as const);
    if (ventilator) out.push(ventilator);
    if (ventilator === 'ventilator_tppv') out.push('tracheostomy');
    if (ventilator === 'ventilator_tppv' || rng.chance(0.2)) out.push('suction');
    if (rng.chance(ventilator ? 0.6 : 0.2)) out.push('tube_feeding');
  }
  if (diseases.some((d) => HOME_OXYGEN.has(d)) && rng.chance(0.4)) out.push('home_oxygen');
  return out;
}

function drawDisabilityCert(rng: Rng, diseases: number[]): DisabilityCertificateStatus {
  const severe = diseases.some((d) => NEEDS_DEVICES.has(d));
  return rng.weighted([
    ['none', severe ? 15 : 55],
    ['grade_1', severe ? 35 : 8],
    ['grade_2', severe ? 20 : 8],
    ['grade_3', 6],
    ['grade_4', 5],
    ['grade_5', 2],
    ['grade_6', 1],
    ['applying', 3],
    ['unknown', 8],
  ] as const);
}

/** 介護保険 from 65, or from 40 for the 特定疾病 among the late-onset diseases. */
function drawCareLevel(rng: Rng, age: number, diseases: number[]): LongTermCareLevel | null {
  const eligible = age >= 65 || (age >= 40 && diseases.some((d) => LATE_ONSET.has(d)));
  if (!eligible) return null;
  return rng.weighted([
    ['none', 40],
    ['support_1', 8],
    ['support_2', 8],
    ['care_1', 10],
    ['care_2', 10],
    ['care_3', 8],
    ['care_4', 6],
    ['care_5', 5],
    ['applying', 3],
    ['unknown', 2],
  ] as const);
}

function drawEmployment(rng: Rng, age: number): EmploymentStatus {
  if (age < 18) return 'student';
  if (age >= 65) return rng.chance(0.15) ? 'employed' : 'not_working';
  return rng.weighted([
    ['employed', 45],
    ['job_seeking', 10],
    ['on_leave', 10],
    ['not_working', 25],
    ['student', age < 25 ? 10 : 0],
    ['other', 5],
    ['unknown', 5],
  ] as const);
}
