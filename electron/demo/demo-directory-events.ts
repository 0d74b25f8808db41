// The demo file's directory and events: a few FICTITIOUS institutions (so a referral, a letter
// and a coordination request can be tried at once) and the center's events of each month
// (so the events screen and statistics table 10 have something to show). Through the real
// use cases, each with its own transaction, op and audit entry.
import { CHANNELS } from '../../shared/contract';
import type { InstitutionInput } from '../../shared/contract/directory';
import type { EventInput } from '../../shared/contract/events';
import { can } from '../../shared/permissions';
import type { UnitOfWork } from '../services/unit-of-work';
import { createInstitution } from '../services/directory/create-institution';
import { createEvent } from '../services/events/create-event';
import { createRng, mixSeed } from './prng';

/** Names say 架空 (fictitious) so nobody takes them for a real institution. */
export const DEMO_INSTITUTIONS: readonly InstitutionInput[] = [
  {
    type: 'health_center',
    name: '架空県 中央保健所',
    nameKana: 'かくうけん ちゅうおうほけんじょ',
    department: '保健予防推進担当',
    municipalityCode: '111007',
    coveredMunicipalities: ['111007', '112038'],
    phone: '000-000-0001',
  },
  {
    type: 'health_center',
    name: '架空県 西部保健所',
    nameKana: 'かくうけん せいぶほけんじょ',
    department: '地域保健担当',
    municipalityCode: '112011',
    coveredMunicipalities: ['112011', '112089'],
    phone: '000-000-0002',
  },
  {
    type: 'hub_hospital',
    name: '架空大学病院',
    nameKana: 'かくうだいがくびょういん',
    department: '脳神経内科',
    honorific: 'sensei',
    municipalityCode: '111007',
    capabilities: [
      'ventilator_tppv',
      'ventilator_nppv',
      'suction',
      'gastrostomy',
      'neurology',
      'nanbyo_diagnosis',
      'genetic_counselling',
    ],
    phone: '000-000-0011',
  },
  {
    type: 'core_cooperating_hospital',
    name: '架空市立総合医療センター',
    nameKana: 'かくうしりつそうごういりょうせんたー',
    department: '地域連携室',
    municipalityCode: '112020',
    capabilities: [
      'ventilator_nppv',
      'suction',
      'frequent_suction',
      'gastrostomy',
      'respite_beds',
      'neurology',
    ],
    phone: '000-000-0012',
  },
  {
    type: 'general_cooperating_institution',
    name: '架空みどり病院',
    nameKana: 'かくうみどりびょういん',
    department: '医療相談室',
    municipalityCode: '112089',
    capabilities: ['suction', 'gastrostomy', 'respite_beds', 'long_term_beds'],
    phone: '000-000-0013',
  },
  {
    type: 'nanbyo_cooperating_institution',
    name: '架空ひかり療養病院',
    nameKana: 'かくうひかりりょうようびょういん',
    department: '地域連携室',
    municipalityCode: '112011',
    capabilities: [
      'ventilator_tppv',
      'suction',
      'frequent_suction',
      'gastrostomy',
      'respite_beds',
      'long_term_beds',
    ],
    phone: '000-000-0014',
  },
  {
    type: 'hello_work',
    name: 'ハローワーク架空',
    nameKana: 'はろーわーく かくう',
    department: '専門援助部門（難病患者就職サポーター）',
    municipalityCode: '111007',
    phone: '000-000-0021',
  },
  {
    type: 'municipal_disability',
    name: '架空市役所',
    nameKana: 'かくうしやくしょ',
    department: '障害福祉課',
    municipalityCode: '112038',
    phone: '000-000-0031',
  },
  {
    type: 'patient_family_association',
    name: '架空県難病患者・家族の会',
    nameKana: 'かくうけんなんびょうかんじゃ かぞくのかい',
    contactPerson: '事務局',
    honorific: 'sama',
    phone: '000-000-0041',
  },
];

/** One event a month, the kinds in turn, as a center's year goes. */
const EVENT_PLAN: readonly { kind: EventInput['kind']; title: string; place: string }[] = [
  { kind: 'exchange_meeting', title: '患者・家族交流会', place: '架空市民会館 会議室' },
  { kind: 'outreach_consultation', title: '出張相談会（西部地域）', place: '架空県 西部保健所' },
  { kind: 'lecture', title: '難病講演会「災害への備え」', place: '架空市民会館 大ホール' },
  { kind: 'medical_consultation', title: '医療相談会（神経難病）', place: '架空大学病院 講堂' },
  { kind: 'peer_training', title: 'ピア・サポーター研修', place: 'センター研修室' },
  { kind: 'training', title: '支援者研修会（就労と治療の両立）', place: 'センター研修室' },
];

/** The directory, when it is still empty and the actor may manage it. Returns how many. */
export async function seedDemoDirectory(ctx: UnitOfWork): Promise<number> {
  if (!can(ctx.actor.role, 'directory.manage')) return 0;
  const existing = await ctx.db.selectFrom('institutions').select('id').limit(1).execute();
  if (existing.length) return 0;
  // all in one transaction, each as its own use case would record it, with its audit entry
  await ctx.write(async (w) => {
    for (const inst of DEMO_INSTITUTIONS) {
      const input = CHANNELS['institution.create'].input.parse(inst);
      await w.step('institution.create', (s) => createInstitution(s, input));
    }
  });
  return DEMO_INSTITUTIONS.length;
}

/** One event in the middle of each month of [from, to]. Returns how many. */
export async function seedDemoEvents(
  ctx: UnitOfWork,
  seed: number,
  from: string,
  to: string,
): Promise<number> {
  if (!can(ctx.actor.role, 'case.manage')) return 0;
  const rng = createRng(mixSeed(seed, 0x6576));
  let n = 0;
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); ;) {
    const date = `${y}-${String(m).padStart(2, '0')}-${String(10 + rng.int(0, 10)).padStart(2, '0')}`;
    if (date > to) break;
    if (date >= from) {
      const p = EVENT_PLAN[n % EVENT_PLAN.length]!;
      const input = CHANNELS['event.create'].input.parse({
        ...p,
        date,
        participants: 8 + rng.int(0, 30),
        organisers: [{ name: '架空県 難病相談支援センター' }],
        notes: '架空データ（デモ）',
      });
      // each event as its own use case would record it, with its audit entry
      await ctx.write((w) => w.step('event.create', (s) => createEvent(s, input)));
      n += 1;
    }
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return n;
}
