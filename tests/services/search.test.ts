import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConsultations } from '../../electron/services/consultations/list-consultations';
import { recordConsultation } from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationFilter, ConsultationInput } from '../../shared/contract/consultations';
import { serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

/** A small Japanese case file whose every search answer is known. */
const RECORDS: Record<string, ConsultationInput> = {
  yamada: {
    receivedAt: '2025-05-01T10:00',
    method: 'phone',
    consulter: 'self',
    person: {
      mode: 'new',
      data: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', municipalityCode: '111007' },
    },
    patient: { diseases: [{ number: 2 }] }, // ALS: 神経・筋疾患
    categories: ['1.7'],
    summary: '夜間の吸引の負担が大きい。肺炎を繰り返している。',
  },
  sato: {
    receivedAt: '2025-05-20T14:00',
    method: 'in_person',
    consulter: 'spouse',
    person: {
      mode: 'new',
      data: { name: '佐藤 一郎', nameKana: 'サトウ イチロウ', municipalityCode: '112011' },
    },
    patient: { diseases: [{ number: 97 }] }, // 潰瘍性大腸炎: 消化器疾患
    categories: ['4.2'],
    summary: '職場に病気のことを伝えるべきか悩んでいる。頭痛もある。',
    outcome: 'continuing',
    followUp: { dueDate: '2025-06-05', title: '両立支援の資料送付' },
  },
  anon: {
    receivedAt: '2025-06-01T09:00',
    method: 'email',
    consulter: 'anonymous',
    patient: { ageBand: '30-39' },
    categories: ['5.1'],
    summary: 'ﾒｰﾙでの相談。診断がつかず不安。',
  },
};

describe('search and filters', () => {
  let fx: Fx;
  const ids: Record<string, string> = {};
  let nurseId = '';
  const find = async (f: ConsultationFilter) => {
    const parsed = CHANNELS['consultation.list'].input.parse(f);
    const r = await listConsultations(fx.admin, parsed);
    return r.rows.map((row) => Object.keys(ids).find((k) => ids[k] === row.id)).sort();
  };

  beforeAll(async () => {
    fx = await serviceFixture('2025-06-02');
    nurseId = await fx.addStaff('nurse', 'counselor', '看護 三郎');
    for (const [key, input] of Object.entries(RECORDS)) {
      const responders = key === 'sato' ? [{ staffId: nurseId, profession: 'nurse' as const }] : [];
      ids[key] = (
        await recordConsultation(
          fx.admin,
          CHANNELS['consultation.record'].input.parse({ ...input, responders }),
        )
      ).id;
    }
  });
  afterAll(() => fx.close());

  it('folds kana kind and width: やまだ, ヤマダ and ﾔﾏﾀﾞ find 山田 花子 by her furigana', async () => {
    expect(await find({ query: 'やまだ' })).toEqual(['yamada']);
    expect(await find({ query: 'ヤマダ' })).toEqual(['yamada']);
    expect(await find({ query: 'ﾔﾏﾀﾞ' })).toEqual(['yamada']);
    expect(await find({ query: 'めーる' })).toEqual(['anon']); // half-width ﾒｰﾙ in the summary
  });

  it('finds 3+ character substrings through the trigram index', async () => {
    expect(await find({ query: '吸引の負担' })).toEqual(['yamada']);
    expect(await find({ query: 'やまだ はなこ' })).toEqual(['yamada']); // two terms, both must match
    expect(await find({ query: 'やまだ さとう' })).toEqual([]);
    expect(await find({ query: '存在しない言葉' })).toEqual([]);
  });

  it('finds 1–2 character queries (肺炎, 頭痛, 山) by the fallback', async () => {
    expect(await find({ query: '肺炎' })).toEqual(['yamada']);
    expect(await find({ query: '頭痛' })).toEqual(['sato']);
    expect(await find({ query: '山' })).toEqual(['yamada']);
    expect(await find({ query: '不安' })).toEqual(['anon']);
  });

  it('several short terms must all match (read in one pass), also beside a 3+ character term', async () => {
    expect(await find({ query: '佐藤 一郎' })).toEqual(['sato']);
    expect(await find({ query: '山田 頭痛' })).toEqual([]); // each term is in a different record
    expect(await find({ query: '頭痛 頭痛' })).toEqual(['sato']); // a repeated term is one term
    expect(await find({ query: '吸引の負担 肺炎' })).toEqual(['yamada']);
    expect(await find({ query: '吸引の負担 頭痛' })).toEqual([]);
  });

  it('a query with FTS syntax characters is taken literally', async () => {
    expect(await find({ query: '"吸引 OR' })).toEqual([]);
    expect(await find({ query: 'NEAR(' })).toEqual([]);
  });

  it('filters by date range, method, category, disease group, municipality, staff and open follow-ups', async () => {
    expect(await find({ from: '2025-05-15', to: '2025-05-31' })).toEqual(['sato']);
    expect(await find({ methods: ['phone', 'email'] })).toEqual(['anon', 'yamada']);
    expect(await find({ categories: ['4.2', '5.1'] })).toEqual(['anon', 'sato']);
    expect(await find({ diseaseGroups: ['neuro'] })).toEqual(['yamada']);
    expect(await find({ diseaseGroups: ['digestive'] })).toEqual(['sato']);
    expect(await find({ municipalityCodes: ['112011'] })).toEqual(['sato']);
    expect(await find({ staffId: nurseId })).toEqual(['sato']);
    expect(await find({ openFollowUps: true })).toEqual(['sato']);
    expect(await find({ query: '相談', methods: ['email'] })).toEqual(['anon']);
  });

  it('counts hits the same with and without other filters', async () => {
    const total = async (f: ConsultationFilter) =>
      (await listConsultations(fx.admin, CHANNELS['consultation.list'].input.parse({ ...f, limit: 1 })))
        .total;
    expect(await total({ query: '相談' })).toBe(await total({ query: '相談', from: '2000-01-01' }));
    expect(await total({ query: 'やまだ' })).toBe(1);
    expect(await total({ query: 'の' })).toBe(3); // every summary has の
    expect(await total({ query: 'の 肺炎' })).toBe(1);
    expect(await total({ query: '山田 頭痛' })).toBe(0);
    expect(await total({ query: '相談 ﾒｰﾙ の' })).toBe(1);
    expect(await total({ query: '存在しない言葉' })).toBe(0);
  });

  it('pages newest first with the total', async () => {
    const r = await listConsultations(
      fx.admin,
      CHANNELS['consultation.list'].input.parse({ limit: 2, offset: 0 }),
    );
    expect(r.total).toBe(3);
    expect(r.rows.map((x) => x.id)).toEqual([ids.anon, ids.sato]);
    expect(r.rows[1]!.openFollowUps).toBe(1);
  });
});
