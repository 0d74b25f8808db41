import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildReport } from '../../electron/services/reports/build-report';
import type { ServiceContext } from '../../electron/services/context';
import { recordConsultation, updateConsultation } from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';
import { parseRecord, PHONE_CALL } from '../fixtures/phone-call';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

/** One count of each row of a table (row key → the count in cell `cell`), zero rows left out. */
async function visits(ctx: ServiceContext, table: 't04-category' | 't05-response', cell: number) {
  const r = await buildReport(
    ctx,
    CHANNELS['report.build'].input.parse({ fiscalYear: 2025, tables: [table] }),
  );
  const out: Record<string, unknown> = {};
  for (const row of r.tables[0]!.rows) {
    const n = row.cells[cell];
    if (n) out[row.key] = n;
  }
  return out;
}

let fx: Fx;
beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
afterEach(() => fx.close());

it('a counselor who corrects the categories and responses of a saved consultation, and takes its disease off, sees the annual report follow', async () => {
  const c = await recordConsultation(fx.admin, parseRecord(PHONE_CALL));
  const cats = await visits(fx.admin, 't04-category', 3);
  expect(cats).toMatchObject({ '1.2': 1, '3.1': 1 });
  expect(cats['4.1']).toBeUndefined();
  const topDiseases = async () =>
    (
      await buildReport(
        fx.admin,
        CHANNELS['report.build'].input.parse({ fiscalYear: 2025, tables: ['t03-top-diseases'] }),
      )
    ).tables[0]!.rows.map((r) => r.key);
  expect(await topDiseases()).toEqual(['2']);

  await updateConsultation(
    fx.admin,
    c.id,
    1,
    parseRecord({
      ...PHONE_CALL,
      person: { mode: 'existing', personId: c.person!.id },
      categories: ['4.1', '3.1'],
      responses: ['information', 'procedure_support'],
      patient: { diagnosisStatus: 'undiagnosed', diseases: [] },
    }),
  );
  const after = await visits(fx.admin, 't04-category', 3);
  expect(after).toMatchObject({ '4.1': 1, '3.1': 1 });
  expect(after['1.2']).toBeUndefined();
  expect(await visits(fx.admin, 't05-response', 1)).toMatchObject({ information: 1, procedure_support: 1 });
  expect(await topDiseases()).toEqual([]);
});
