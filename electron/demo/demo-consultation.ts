// The content of one FICTITIOUS consultation: how it came in, who called, what it was about
// (categories and a note that reads like a counselor's), what was done and by whom.
// Weights follow the national study of center consultations (DOMAIN §2): topics 医療 29%,
// 介護 24%, 就労 15%, 福祉制度 13%; responses 説明・助言 49%, 傾聴 19%, 他機関紹介 17%.
import type { ConsultationInput } from '../../shared/contract/consultations';
import { AGE_BANDS, type AgeBand } from '../../shared/vocab/age-bands';
import type { ConsultationKind } from '../../shared/vocab/consultation-kinds';
import type { ConsultationMethod } from '../../shared/vocab/consultation-methods';
import type { ConsulterRelationship } from '../../shared/vocab/consulter-relationships';
import { consulterGroupOf } from '../../shared/vocab/consulter-relationships';
import {
  RECORDABLE_CONTENT_CATEGORIES,
  topContentCategoryOf,
  type ContentCategory,
} from '../../shared/vocab/content-categories';
import type { ResponseType } from '../../shared/vocab/response-types';
import { isStaffProfession, type StaffProfession } from '../../shared/vocab/staff-professions';
import { demoDiseases, municipalityTable } from './demo-masters';
import { drawDiseases, type DemoPerson } from './demo-person';
import { CONSULTER_OPENERS, REFERRAL_FRAGMENTS, RESPONSE_FRAGMENTS, SUMMARY_FRAGMENTS } from './fake-text';
import type { Rng } from './prng';

export interface DemoStaff {
  id: string;
  profession: string;
}

type Content = Pick<
  ConsultationInput,
  | 'method'
  | 'kind'
  | 'siteKind'
  | 'durationMin'
  | 'consulter'
  | 'patient'
  | 'categories'
  | 'mainCategory'
  | 'summary'
  | 'responses'
  | 'responseText'
  | 'responders'
>;

type PatientInput = NonNullable<ConsultationInput['patient']>;

const METHODS: readonly (readonly [ConsultationMethod, number])[] = [
  ['phone', 58],
  ['in_person', 15],
  ['email', 8],
  ['outreach', 5],
  ['home_visit', 3],
  ['online', 3],
  ['fax', 2],
  ['letter', 1],
  ['accompany', 1],
  ['other', 1],
];

/** Minutes spent, by method: [shortest, longest]; short ones are commoner. */
const DURATION: Readonly<Record<ConsultationMethod, readonly [number, number]>> = {
  phone: [5, 60],
  in_person: [20, 90],
  email: [10, 30],
  fax: [10, 30],
  letter: [10, 30],
  home_visit: [30, 120],
  outreach: [20, 60],
  online: [20, 60],
  accompany: [60, 180],
  other: [10, 30],
};

const TOP_WEIGHTS: Readonly<Record<string, number>> = {
  '1': 29,
  '2': 24,
  '4': 15,
  '3': 13,
  '5': 8,
  '6': 4,
  '8': 3,
  '7': 2,
  '9': 2,
};

/** Share of each leaf within its top-level category. */
const LEAF_SHARES: Readonly<Record<string, number>> = {
  '1.1': 5,
  '1.2': 5,
  '1.3': 2,
  '1.4': 5,
  '1.5': 2,
  '1.6': 1,
  '1.7': 3,
  '1.8': 1.5,
  '1.9': 2,
  '2.1': 6,
  '2.2': 4,
  '2.3': 2,
  '2.4': 5,
  '2.5': 3,
  '3.1': 8,
  '3.2': 1,
  '3.3': 4,
  '3.4': 3,
  '3.5': 1.5,
  '3.6': 0.5,
  '3.7': 1,
  '4.1': 4,
  '4.2': 5,
  '4.3': 3,
  '4.4': 1.5,
  '4.5': 0.5,
  '5.1': 6,
  '5.2': 2,
  '5.3': 2,
  '5.4': 1,
  '6.1': 3,
  '6.2': 1.5,
  '6.3': 1.5,
  '7.1': 1,
  '7.2': 1,
  '8.1': 2,
  '8.2': 1,
  '9': 1,
};

const BASE_LEAF_WEIGHTS: readonly (readonly [ContentCategory, number])[] = (() => {
  const leaves = RECORDABLE_CONTENT_CATEGORIES.map((c) => c.code);
  const topTotal = new Map<string, number>();
  for (const code of leaves) {
    const top = topContentCategoryOf(code);
    topTotal.set(top, (topTotal.get(top) ?? 0) + (LEAF_SHARES[code] ?? 1));
  }
  return leaves.map((code) => {
    const top = topContentCategoryOf(code);
    return [code, ((TOP_WEIGHTS[top] ?? 1) * (LEAF_SHARES[code] ?? 1)) / topTotal.get(top)!] as const;
  });
})();

export interface ContentContext {
  person: DemoPerson | null;
  /** the person's age on the consultation date, when known */
  age: number | null;
  staff: readonly DemoStaff[];
}

export function drawContent(rng: Rng, c: ContentContext): Content {
  const method = rng.weighted(METHODS);
  const kind = rng.weighted([
    ['professional', 84],
    ['peer', 7],
    ['employment', c.age === null || (c.age >= 18 && c.age < 65) ? 7 : 1],
    ['medical', 2],
  ] as const satisfies readonly (readonly [ConsultationKind, number])[]);
  const consulter = drawConsulter(rng, c);
  const patient = c.person ? knownPatient(rng, c.person) : anonymousPatient(rng);
  const devices = (patient.devices ?? []).length > 0;
  const weights = categoryWeights(c.age, devices, patient.diagnosisStatus === 'undiagnosed', consulter, kind);
  const categories = [rng.weighted(weights)];
  const extra = rng.weighted([
    [0, 48],
    [1, 40],
    [2, 12],
  ] as const);
  for (let i = 0; i < extra; i++) {
    const next = rng.weighted(weights.filter(([code]) => !categories.includes(code)));
    categories.push(next);
  }
  const main = categories[0]!;
  const responses = drawResponses(rng, main, kind, method);
  const [shortest, longest] = DURATION[method];
  return {
    method,
    kind,
    siteKind: method === 'outreach' ? 'outreach' : 'center',
    durationMin: shortest + Math.floor((longest - shortest) * rng.next() ** 1.6),
    consulter,
    patient,
    categories,
    mainCategory: main,
    summary: summaryOf(rng, consulter, c.person, patient.diseases ?? [], patient.diagnosisStatus, categories),
    responses,
    responseText: responses
      .map((r) =>
        rng.pick(
          (r === 'referral' && REFERRAL_FRAGMENTS[topContentCategoryOf(main)]) || RESPONSE_FRAGMENTS[r],
        ),
      )
      .join(''),
    responders: drawResponders(rng, c.staff, kind),
  };
}

function drawConsulter(rng: Rng, c: ContentContext): ConsulterRelationship {
  if (!c.person) {
    return rng.weighted([
      ['anonymous', 60],
      ['self', 18],
      ['general', 10],
      ['spouse', 4],
      ['parent', 3],
      ['child', 3],
      ['sibling', 1],
      ['other_family', 1],
    ] as const);
  }
  const age = c.age ?? 50;
  if (age < 18) {
    return rng.weighted([
      ['parent', 70],
      ['self', 10],
      ['school', 8],
      ['medical_institution', 5],
      ['health_center', 4],
      ['support_specialist', 3],
    ] as const);
  }
  return rng.weighted([
    ['self', 52],
    ['spouse', 12],
    ['child', age >= 60 ? 10 : 1],
    ['parent', age < 40 ? 8 : 1],
    ['sibling', 2],
    ['other_family', 1],
    ['medical_institution', 3],
    ['health_center', 3],
    ['municipality', 1],
    ['care_manager', age >= 40 ? 4 : 0.5],
    ['support_specialist', 1],
    ['service_provider', 1],
    ['workplace', age < 65 ? 1 : 0],
  ] as const);
}

/** The patient part for a known person: the profile, with the odd field not asked this time. */
function knownPatient(rng: Rng, p: DemoPerson): PatientInput {
  const maybe = <T>(v: T) => (rng.chance(0.8) ? v : undefined);
  return {
    diagnosisStatus: p.diagnosisStatus,
    diseases: p.diseases.map((number) => ({ number })),
    recipientCert: maybe(p.recipientCert),
    disabilityCert: maybe(p.disabilityCert),
    ltcLevel: p.ltcLevel ? maybe(p.ltcLevel) : undefined,
    employment: maybe(p.employment),
    living: maybe(p.living),
    devices: p.devices,
  };
}

/** An anonymous caller tells what they choose to: often an age band, a town, a disease. */
function anonymousPatient(rng: Rng): PatientInput {
  const bands = AGE_BANDS.filter((b) => b.code !== 'unknown').map((b) => b.code);
  const diseases = rng.chance(0.6) ? drawDiseases(rng, null) : [];
  return {
    sex: rng.chance(0.5) ? rng.pick(['male', 'female'] as const) : undefined,
    ageBand: rng.chance(0.5) ? rng.pick<AgeBand>(bands) : undefined,
    municipalityCode: rng.chance(0.35) ? rng.weighted(municipalityTable()) : undefined,
    diagnosisStatus: diseases.length
      ? rng.weighted([
          ['confirmed', 70],
          ['suspected', 30],
        ] as const)
      : rng.pick(['undiagnosed', 'unknown'] as const),
    diseases: diseases.map((number) => ({ number })),
  };
}

/** Leaf weights for this consultation: the base shares, nudged by age, devices and who called. */
function categoryWeights(
  age: number | null,
  devices: boolean,
  undiagnosed: boolean,
  consulter: ConsulterRelationship,
  kind: ConsultationKind,
): (readonly [ContentCategory, number])[] {
  const group = consulterGroupOf(consulter);
  return BASE_LEAF_WEIGHTS.map(([code, w]) => {
    const top = topContentCategoryOf(code);
    let f = 1;
    if (code === '1.7') f *= devices ? 4 : 0.3;
    if (code === '7.1') f *= devices ? 3 : 0.5;
    if (code === '7.2') f *= devices ? 5 : 0.1;
    if (code === '1.5') f *= undiagnosed ? 10 : 0.5;
    if (age !== null) {
      if (age < 18) {
        if (top === '4') f *= code === '4.5' ? 8 : 0.05;
        if (code === '3.2') f *= 6;
        if (code === '2.4') f *= 0.05;
      } else if (age < 65) {
        if (top === '4') f *= code === '4.5' ? 0.1 : 1.3;
        if (code === '2.4') f *= 0.4;
        if (code === '3.2') f *= age < 25 ? 3 : 0.1;
      } else {
        if (top === '4') f *= 0.1;
        if (code === '2.4') f *= 2;
        if (code === '3.2') f *= 0.02;
      }
    }
    if (group === 'related' && top === '8') f *= 10;
    if (kind === 'employment' && top === '4') f *= 6;
    if (kind === 'peer' && (top === '6' || top === '5')) f *= 4;
    if (kind === 'medical' && top === '1') f *= 3;
    return [code, w * f] as const;
  });
}

function drawResponses(
  rng: Rng,
  main: ContentCategory,
  kind: ConsultationKind,
  method: ConsultationMethod,
): ResponseType[] {
  const top = topContentCategoryOf(main);
  const first: ResponseType =
    method === 'accompany'
      ? 'accompany'
      : rng.weighted([
          ['explanation_advice', 30],
          ['information', 19],
          ['listening', top === '5' ? 40 : 19],
          ['referral', 17],
          ['coordination', top === '8' ? 20 : 5],
          ['procedure_support', top === '3' ? 8 : 3],
          ['patient_group_intro', top === '6' ? 30 : 1],
          ['peer_support', kind === 'peer' ? 40 : 0],
          ['to_medical_consultation', kind === 'medical' ? 20 : 1],
          ['other', 1],
        ] as const);
  const out = [first];
  if (first !== 'listening' && rng.chance(0.45)) out.push('listening');
  if (first !== 'information' && rng.chance(0.2)) out.push('information');
  return out;
}

function summaryOf(
  rng: Rng,
  consulter: ConsulterRelationship,
  person: DemoPerson | null,
  diseases: readonly { number: number }[],
  diagnosis: string | null | undefined,
  categories: readonly ContentCategory[],
): string {
  const parts: string[] = [openerOf(rng, consulter, person)];
  const first = diseases[0];
  if (first && rng.chance(0.4)) {
    const label = demoDiseases().find((d) => d.number === first.number)?.label ?? '';
    parts.push(
      diagnosis === 'suspected'
        ? `${label}の疑いと言われている。`
        : rng.pick([
            `${label}で通院中。`,
            `${label}の診断を受けている。`,
            `${label}と診断されて${rng.int(1, 15)}年。`,
          ]),
    );
  }
  for (const code of categories) parts.push(rng.pick(SUMMARY_FRAGMENTS[code] ?? ['相談内容の記録。']));
  return parts.join('');
}

function openerOf(rng: Rng, consulter: ConsulterRelationship, person: DemoPerson | null): string {
  if (consulter === 'spouse' && person) return person.sex === 'female' ? '夫より。' : '妻より。';
  return rng.pick(CONSULTER_OPENERS[consulter]);
}

function drawResponders(rng: Rng, staff: readonly DemoStaff[], kind: ConsultationKind) {
  if (!staff.length) return [];
  const preferred: Partial<Record<ConsultationKind, StaffProfession>> = {
    peer: 'peer_supporter',
    medical: 'physician',
  };
  const want = preferred[kind];
  const pool = (
    want && staff.filter((s) => s.profession === want).length
      ? staff.filter((s) => s.profession === want)
      : staff
  ).slice();
  const first = rng.pick(pool);
  const chosen = [first];
  if (staff.length > 1 && rng.chance(0.15)) {
    const second = rng.pick(staff.filter((s) => s.id !== first.id));
    chosen.push(second);
  }
  return chosen.map((s) => ({
    staffId: s.id,
    profession: isStaffProfession(s.profession) ? s.profession : ('other' as const),
  }));
}
