// 1–2 character search terms come from indexes (migration 0014) instead of reading every
// search document. The answer must be exactly what reading every document with instr() gives:
// the same hits, in the same order, with the same total, page by page — also for terms that
// sit in a document's last two characters (the record number ends every document), at its
// start, across a line break, in ASCII typed in capitals, and outside the BMP.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConsultations } from '../../electron/services/consultations/list-consultations';
import { recordConsultation } from '../fixtures/in-use-case';
import { nextPrefix, searchTerm } from '../../electron/services/search/search-query';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationFilter } from '../../shared/contract/consultations';
import { foldForSearch } from '../../shared/text/normalize';
import { serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

const NAMES = [
  ['佐藤 花子', 'サトウ ハナコ'],
  ['佐々木 一郎', 'ササキ イチロウ'],
  ['山田 佐', 'ヤマダ タスク'],
  ['藤', 'フジ'],
  ['加藤 山', 'カトウ ヤマ'],
] as const;
const SUMMARIES = [
  'ALSの進行で吸引が必要。肺炎を繰り返す。',
  '就労の相談\n不安が強い',
  'PDと診断。胃ろうの検討。',
  '佐',
  '😀 手帳の更新',
  '',
  'パーキンソン病 (PD) 年金の申請',
  '転院先を探している。山の上の病院。',
];

const QUERIES = [
  '佐',
  '佐藤',
  'AL',
  'al',
  'Ls',
  'PD',
  '肺炎',
  '不安',
  '山',
  'さと',
  'ｻﾄ',
  '胃ろ',
  '😀',
  '😀 手',
  '1',
  '2',
  '01',
  '12',
  '-0',
  'r7',
  'う',
  '藤',
  'じ',
  '談',
  '佐藤 花子',
  '山 佐',
  '佐 吸引が',
  'の',
  'ん',
];

describe('1–2 character search from indexes', () => {
  let fx: Fx;

  beforeAll(async () => {
    fx = await serviceFixture('2025-06-02');
    for (let i = 0; i < 40; i++) {
      const [name, kana] = NAMES[i % NAMES.length]!;
      const input = {
        // several on the same minute: the order's tie-break (id) is part of the answer
        receivedAt: `2025-05-${String(1 + (i % 20)).padStart(2, '0')}T${i % 3 === 0 ? '10:00' : '09:30'}`,
        method: 'phone',
        consulter: i % 7 === 0 ? 'anonymous' : 'self',
        ...(i % 7 === 0 ? {} : { person: { mode: 'new', data: { name, nameKana: kana } } }),
        summary: SUMMARIES[i % SUMMARIES.length],
      };
      await recordConsultation(fx.admin, CHANNELS['consultation.record'].input.parse(input));
    }
  });
  afterAll(() => fx.close());

  /** What reading every document gives: instr() of each term, newest first, then by id. */
  const byReading = async (query: string) => {
    const terms = [...new Set(foldForSearch(query).split(' ').map(searchTerm))].filter(Boolean);
    const all = sql.join(
      terms.map((t) => sql`instr(d.text, ${t}) > 0`),
      sql` AND `,
    );
    const { rows } = await sql<{ id: string }>`SELECT c.id FROM consultations c
      JOIN search_docs d ON d.consultation_id = c.id
      WHERE c.deleted_at IS NULL AND ${all} ORDER BY c.received_at DESC, c.id DESC`.execute(fx.admin.db);
    return rows.map((r) => r.id);
  };
  const list = (f: ConsultationFilter & { limit?: number; offset?: number }) =>
    listConsultations(fx.admin, CHANNELS['consultation.list'].input.parse(f));

  it.each(QUERIES)('%j: the same hits, order and total as reading every document', async (query) => {
    const expected = await byReading(query);
    for (const [limit, offset] of [
      [50, 0],
      [3, 0],
      [3, 3],
      [4, 8],
      [5, 1000],
    ] as const) {
      const r = await list({ query, limit, offset });
      expect(r.total).toBe(expected.length);
      expect(r.rows.map((x) => x.id)).toEqual(expected.slice(offset, offset + limit));
    }
    // beside another filter the total is counted the other way: it must agree too
    const phone = await list({ query, methods: ['phone'], limit: 50 });
    expect(phone.total).toBe(expected.length);
    expect(phone.rows.map((x) => x.id)).toEqual(expected.slice(0, 50));
  });

  it('the set of queries reaches documents only their last characters match', async () => {
    // '12' of r7-000012 and '2' sit at the very end of their documents: without the indexes on
    // the last characters they would be missed (no trigram begins there)
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs
      WHERE substr(text, -2) = '12' AND instr(substr(text, 1, length(text) - 2), '12') = 0`.execute(
      fx.admin.db,
    );
    expect(rows[0]!.n).toBe(1);
    expect(await byReading('12')).toHaveLength(1);
  });

  it('nextPrefix is the first string after every string that begins with the prefix', () => {
    expect(nextPrefix('佐')).toBe('佑'); // U+4F50 → U+4F51
    expect(nextPrefix('ab')).toBe('ac');
    expect(nextPrefix('\u{d7ff}')).toBe('\u{e000}');
    expect(nextPrefix('😀')).toBe('😁');
  });
});
