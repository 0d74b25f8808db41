import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { fileBeforeMigration } from '../fixtures/migration-step';

let cleanup = () => {};
afterEach(() => cleanup());

const NAME = Object.keys(MIGRATIONS).find((n) => n.endsWith('-save-pages'))!;
const DROPPED = [
  'consultations_person',
  'consultations_fy',
  'consultation_categories_code',
  'consultation_responders_staff',
  'consultation_diseases_number',
];

it('save pages: the five indexes no query needs are gone, the search index merges at pauses, the rows stay, and the lookups they served still seek', async () => {
  const m = await fileBeforeMigration(NAME);
  cleanup = m.cleanup;
  const { sqlite, db } = m;
  sqlite.pragma('foreign_keys = OFF');
  const run = (q: string) => sqlite.exec(q);
  run(`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date,
         method, continuity, kind, consulter, person_id, created_at, created_by, updated_at, updated_by)
       VALUES ('c1', '1', 'd', 2025, '2025-05-01T10:00', '2025-05-01', 'phone', 'new', 'patient',
         'self', 'p1', '', 's', '', 's')`);
  run(`INSERT INTO consultation_categories (consultation_id, code) VALUES ('c1', '2.1')`);
  run(`INSERT INTO consultation_diseases (consultation_id, number, list_version) VALUES ('c1', 13, '2024')`);
  run(
    `INSERT INTO consultation_responders (consultation_id, staff_id, profession) VALUES ('c1', 's1', 'nurse')`,
  );
  const indexes = () =>
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
  expect(indexes()).toEqual(expect.arrayContaining(DROPPED));
  const automerge = () => sqlite.prepare(`SELECT v FROM search_fts_config WHERE k = 'automerge'`).get();
  expect(automerge()).toBeUndefined(); // FTS5's default: merge inside writes

  await m.apply();

  for (const name of DROPPED) expect(indexes()).not.toContain(name);
  expect(automerge()).toEqual({ v: 0 }); // merged at the counselor's pauses instead
  expect(
    sqlite.prepare(`SELECT report_categories, report_diseases, report_responders FROM consultations`).get(),
  ).toEqual({
    report_categories: '2.1',
    report_diseases: '13:2024',
    report_responders: 'nurse',
  });
  // the lookups the dropped indexes served (a person's history; the list's category, disease
  // and staff filters, which look up each consultation's rows) still seek, never scan
  const plan = (q: string) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
  expect(
    plan(
      `SELECT id FROM consultations WHERE person_id = 'p1' AND deleted_at IS NULL ORDER BY received_at DESC`,
    ),
  ).toMatch(/SEARCH consultations USING (COVERING )?INDEX consultations_history \(person_id=\?\)/);
  for (const [table, column] of [
    ['consultation_categories', 'code'],
    ['consultation_diseases', 'number'],
    ['consultation_responders', 'staff_id'],
  ] as const) {
    const p = plan(
      `SELECT count(*) FROM consultations c WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM ${table} x WHERE x.consultation_id = c.id AND x.${column} = 'v')`,
    );
    expect(p).toMatch(new RegExp(`SEARCH x (EXISTS )?USING PRIMARY KEY \\(consultation_id=\\?`));
    expect(p).not.toMatch(/SCAN x/);
  }
  await db.destroy();
});
