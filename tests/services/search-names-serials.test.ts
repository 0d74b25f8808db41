import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConsultations } from '../../electron/services/consultations/list-consultations';
import { recordConsultation, searchPersons } from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationInput } from '../../shared/contract/consultations';
import { serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

const base = { method: 'phone' as const, consulter: 'self' as const, categories: ['1.1'] };
/** Recorded in this order in FY2025 (令和7年度): R7-<letters>-000001, …-000002, …-000003. */
const RECORDS: [string, ConsultationInput][] = [
  [
    'yamada',
    {
      ...base,
      receivedAt: '2025-05-01T10:00',
      person: { mode: 'new', data: { name: '山田 花子', nameKana: 'やまだ はなこ' } },
      summary: '受給者証の更新',
    },
  ],
  [
    'sato',
    {
      ...base,
      receivedAt: '2025-05-02T10:00',
      person: { mode: 'new', data: { name: '佐藤 一郎', nameKana: 'サトウ イチロウ' } },
      summary: '就労の相談',
    },
  ],
  ['anon', { ...base, receivedAt: '2025-05-03T10:00', summary: '匿名の電話。佐藤さんの紹介' }],
];

describe('a counselor types a name the way she writes it, or the record number she was given', () => {
  let fx: Fx;
  const ids: Record<string, string> = {};
  const serials: Record<string, string> = {};
  const find = async (query: string) => {
    const r = await listConsultations(fx.admin, CHANNELS['consultation.list'].input.parse({ query }));
    const keys = r.rows.map((row) => Object.keys(ids).find((k) => ids[k] === row.id)).sort();
    expect(r.total, query).toBe(keys.length);
    return keys;
  };

  beforeAll(async () => {
    fx = await serviceFixture('2025-06-02');
    for (const [key, input] of RECORDS) {
      const c = await recordConsultation(fx.admin, CHANNELS['consultation.record'].input.parse(input));
      ids[key] = c.id;
      serials[key] = c.serial;
    }
  });
  afterAll(() => fx.close());

  it('佐藤一郎 without the space finds 佐藤 一郎 (and so does his reading run together)', async () => {
    expect(await find('佐藤一郎')).toEqual(['sato']);
    expect(await find('さとういちろう')).toEqual(['sato']);
    expect(await find('サトウイチロウ')).toEqual(['sato']);
    expect(await find('佐藤 一郎')).toEqual(['sato']); // with the space, as before
    expect(await find('藤一')).toEqual(['sato']); // a short piece across the space
  });

  it('the record number finds its record: as printed, in full width, in lower case, without the zeros', async () => {
    // R7-<the device's letters>-000002
    const [, code] = /^R7-([A-Z]{2})-000002$/.exec(serials.sato!)!;
    const wide = (s: string) =>
      s.replace(/[A-Z0-9-]/g, (ch) => (ch === '-' ? '－' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
    expect(await find(`R7-${code}-000002`)).toEqual(['sato']);
    expect(await find(wide(`R7-${code}-000002`))).toEqual(['sato']);
    expect(await find(`r7-${code!.toLowerCase()}-000002`)).toEqual(['sato']);
    expect(await find(`R7-${code}-2`)).toEqual(['sato']);
    expect(await find(`R7ー${code}ー000002`)).toEqual(['sato']); // the long-vowel mark an IME gives for "-"
    expect(await find(`R7-${code}-000004`)).toEqual([]);
    expect(await find(`R7-${code}-000003`)).toEqual(['anon']);
  });

  it('the person picker finds 佐藤一郎 too', async () => {
    const names = async (q: string) => (await searchPersons(fx.admin, q, 10, 0)).map((p) => p.name);
    expect(await names('佐藤一郎')).toEqual(['佐藤 一郎']);
    expect(await names('さとういちろう')).toEqual(['佐藤 一郎']);
    expect(await names('佐藤 一郎')).toEqual(['佐藤 一郎']);
  });
});
