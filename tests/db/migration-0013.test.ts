import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { recordConsultation } from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import { foldForSearch } from '../../shared/text/normalize';
import { serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;
let fx: Fx;
beforeAll(async () => {
  fx = await serviceFixture('2025-06-02');
});
afterAll(() => fx.close());

const docs = async () =>
  Object.fromEntries(
    (
      await sql<{
        consultation_id: string;
        text: string;
      }>`SELECT consultation_id, text FROM search_docs`.execute(fx.admin.db)
    ).rows.map((r) => [r.consultation_id, r.text]),
  );

it('0013-search-names-serials: documents written before it become what the app writes now, and the index follows', async () => {
  const record = (input: object) =>
    recordConsultation(fx.admin, CHANNELS['consultation.record'].input.parse(input));
  const base = { receivedAt: '2025-05-01T10:00', method: 'phone', consulter: 'self' };
  const sato = await record({
    ...base,
    person: { mode: 'new', data: { name: '佐藤 一郎', nameKana: 'サトウ イチロウ' } },
    summary: '就労の相談',
  });
  const kanaOnly = await record({ ...base, person: { mode: 'new', data: { nameKana: 'たなか' } } });
  const anonymous = await record({ ...base, summary: 'ﾒｰﾙの相談' });
  const empty = await record(base);
  const now = await docs();
  // as 0001–0009 left them: the folded names and texts only
  const old = {
    [sato.id]: foldForSearch('佐藤 一郎\nサトウ イチロウ\n就労の相談'),
    [kanaOnly.id]: 'たなか',
    [anonymous.id]: foldForSearch('ﾒｰﾙの相談'),
    [empty.id]: '',
  };
  for (const [id, text] of Object.entries(old))
    await sql`UPDATE search_docs SET text = ${text} WHERE consultation_id = ${id}`.execute(fx.admin.db);
  const hits = async (term: string) =>
    (
      await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${`"${term}"`}`.execute(fx.admin.db)
    ).rows[0]!.n;
  expect(await hits('佐藤一郎')).toBe(0);

  await MIGRATIONS['0013-search-names-serials']!.up(fx.admin.db as never);

  expect(await docs()).toEqual(now);
  // the record number as the app writes it (R7-<the device's letters>-000001, issue 17)
  const s = (c: { serial: string }) => c.serial.toLowerCase();
  expect(now[sato.id]).toBe(`佐藤 一郎 さとう いちろう 就労の相談 佐藤一郎さとういちろう ${s(sato)}`);
  expect(now[empty.id]).toBe(s(empty));
  expect(await hits('佐藤一郎')).toBe(1);
  expect(await hits(s(anonymous))).toBe(1);
});
