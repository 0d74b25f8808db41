import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { fileBeforeMigration } from '../fixtures/migration-step';

let cleanup = () => {};
afterEach(() => cleanup());

const NAME = Object.keys(MIGRATIONS).find((n) => n.endsWith('-report-lists'))!;
const SEP = '\u001e';

it('report lists: consultations saved before it get their lists copied, and every later write of a list keeps the copy right', async () => {
  const m = await fileBeforeMigration(NAME);
  cleanup = m.cleanup;
  const { sqlite, db } = m;
  // two consultations as the app saved them before: c1 with lists, c2 with none
  sqlite.pragma('foreign_keys = OFF');
  const run = (q: string) => sqlite.exec(q);
  for (const id of ['c1', 'c2'])
    run(`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date,
           method, continuity, kind, consulter, created_at, created_by, updated_at, updated_by)
         VALUES ('${id}', '${id}', 'd', 2025, '2025-05-01T10:00', '2025-05-01', 'phone', 'new',
           'patient', 'self', '', 's', '', 's')`);
  run(`INSERT INTO consultation_categories (consultation_id, code) VALUES ('c1', '2.1'), ('c1', '1.3')`);
  run(`INSERT INTO consultation_responses (consultation_id, code) VALUES ('c1', 'info')`);
  run(`INSERT INTO consultation_diseases (consultation_id, number, list_version) VALUES ('c1', 13, '2024')`);
  run(
    `INSERT INTO consultation_responders (consultation_id, staff_id, profession) VALUES ('c1', 's1', 'nurse')`,
  );

  await m.apply();

  const lists = (id: string) =>
    sqlite
      .prepare(
        `SELECT report_categories AS categories, report_responses AS responses,
                report_diseases AS diseases, report_responders AS responders
           FROM consultations WHERE id = ?`,
      )
      .get(id);
  // copied, in the child table's key order
  expect(lists('c1')).toEqual({
    categories: `1.3${SEP}2.1`,
    responses: 'info',
    diseases: '13:2024',
    responders: 'nurse',
  });
  expect(lists('c2')).toEqual({ categories: null, responses: null, diseases: null, responders: null });

  // later writes, whoever makes them (a form, a sync op, an import): insert, delete, update
  run(`INSERT INTO consultation_categories (consultation_id, code) VALUES ('c2', '4.1')`);
  run(`DELETE FROM consultation_categories WHERE consultation_id = 'c1' AND code = '2.1'`);
  run(`UPDATE consultation_responders SET profession = 'social_worker' WHERE consultation_id = 'c1'`);
  run(`DELETE FROM consultation_diseases WHERE consultation_id = 'c1'`);
  run(
    `INSERT INTO consultation_responders (consultation_id, staff_id, profession) VALUES ('c1', 's2', 'nurse')`,
  );
  expect(lists('c1')).toEqual({
    categories: '1.3',
    responses: 'info',
    diseases: null,
    responders: `social_worker${SEP}nurse`,
  });
  expect(lists('c2')).toMatchObject({ categories: '4.1' });
  // a list moved to another consultation leaves both right
  run(`UPDATE consultation_responses SET consultation_id = 'c2' WHERE consultation_id = 'c1'`);
  expect(lists('c1')).toMatchObject({ responses: null });
  expect(lists('c2')).toMatchObject({ responses: 'info' });

  // the report reads a year's lists from its index alone, without a child table
  const plan = (
    await sql
      .raw<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT count(*), group_concat(c.report_categories), group_concat(c.report_responses),
         group_concat(c.report_diseases), group_concat(c.report_responders), group_concat(c.method)
       FROM consultations c WHERE c.fiscal_year = 2025 AND c.received_date BETWEEN '2025-04-01' AND '2026-03-31'
         AND c.deleted_at IS NULL`,
      )
      .execute(db)
  ).rows
    .map((r) => r.detail)
    .join(' / ');
  expect(plan).toContain('USING COVERING INDEX consultations_report');
  expect(plan).not.toMatch(/consultation_(categories|responses|diseases|responders)/);
  await db.destroy();
});
