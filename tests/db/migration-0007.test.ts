import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { keyslotPath, readKeySlotFile, writeKeySlotFile } from '../../db/crypto/keyslot-file';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

it('0007-audit-chain: adds the chain columns and the local second-factor table, keeping old rows', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0005-recent-index')).error).toBeUndefined();
  await sql`INSERT INTO audit_log (at, login, action) VALUES ('2025-04-01T00:00:00Z', 'a', 'login')`.execute(
    db,
  );
  expect((await migrator.migrateTo('0007-audit-chain')).error).toBeUndefined();
  const cols = sqlite.prepare(`SELECT name FROM pragma_table_info('audit_log')`).all() as { name: string }[];
  expect(cols.map((c) => c.name)).toEqual(expect.arrayContaining(['prev_mac', 'mac']));
  expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'audit_head'`).get()).toEqual({
    name: 'audit_head',
  });
  expect(sqlite.prepare(`SELECT login, mac FROM audit_log`).all()).toEqual([{ login: 'a', mac: null }]);
  const totpCols = sqlite.prepare(`SELECT name FROM pragma_table_info('staff_totp')`).all() as {
    name: string;
  }[];
  expect(totpCols.map((c) => c.name)).toEqual([
    'staff_id',
    'secret',
    'state',
    'created_at',
    'confirmed_at',
    'last_step',
  ]);
  await expect(
    sql`INSERT INTO staff_totp (staff_id, secret, state, created_at) VALUES ('nobody', 'X', 'active', '')`.execute(
      db,
    ),
  ).rejects.toThrow(/FOREIGN KEY/);
  await db.destroy();
});

it('the first unlock after the upgrade chains the earlier entries once and says so', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const { casefile, caseFile } = await newCaseFile(t.dir);
  // make it look like a file from before 0007 (schema 6) with three audit entries and no chain:
  // undo 0012–0008 (which came later) and 0007
  const s = caseFile.sqlite;
  // the sync-review migrations (issue 17; renumbered at merge, so found by name)
  for (const { name } of s.prepare(`SELECT name FROM kysely_migration`).all() as { name: string }[]) {
    // fewer indexes for a save to write (issue 20): 0002's five indexes again
    if (name.endsWith('-save-pages')) {
      s.exec(`CREATE INDEX consultations_person ON consultations(person_id, received_at);
              CREATE INDEX consultations_fy ON consultations(fiscal_year, received_date);
              CREATE INDEX consultation_categories_code ON consultation_categories(code);
              CREATE INDEX consultation_diseases_number ON consultation_diseases(list_version, number);
              CREATE INDEX consultation_responders_staff ON consultation_responders(staff_id)`);
      s.prepare(`DELETE FROM kysely_migration WHERE name = ?`).run(name);
    }
    if (name.endsWith('-op-floor')) {
      s.exec(`DROP TABLE op_floor; DROP TABLE sync_replaced`);
      s.prepare(`DELETE FROM kysely_migration WHERE name = ?`).run(name);
    }
    // the report's copy of the lists (issue 20): triggers, four columns, 0011's report index again
    if (name.endsWith('-report-lists')) {
      for (const t of ['categories', 'responses', 'diseases', 'responders']) {
        for (const k of ['ai', 'ad', 'au']) s.exec(`DROP TRIGGER consultation_${t}_report_${k}`);
      }
      s.exec(`DROP INDEX consultations_report`);
      for (const t of ['categories', 'responses', 'diseases', 'responders'])
        s.exec(`ALTER TABLE consultations DROP COLUMN report_${t}`);
      s.exec(`CREATE INDEX consultations_report ON consultations(fiscal_year, received_date, id)`);
      s.prepare(`DELETE FROM kysely_migration WHERE name = ?`).run(name);
    }
    if (name.endsWith('-clock-skew')) {
      s.exec(
        `ALTER TABLE sync_peers DROP COLUMN clock_offset_ms; ALTER TABLE sync_peers DROP COLUMN clock_checked_at`,
      );
      s.prepare(`DELETE FROM kysely_migration WHERE name = ?`).run(name);
    }
    if (name.endsWith('-sync-review')) {
      for (const c of ['entity', 'entity_id', 'field', 'value'])
        s.exec(`ALTER TABLE sync_conflict_resolutions DROP COLUMN ${c}`);
      s.prepare(`DELETE FROM kysely_migration WHERE name = ?`).run(name);
    }
  }
  // 0014 (search by 1–2 characters: a vocabulary table and two indexes) is undone first
  s.exec(`DROP TABLE search_trigrams; DROP INDEX search_docs_last1; DROP INDEX search_docs_last2`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0014-short-term-search'`);
  // 0013 (search documents, data only) is simply run again
  s.exec(`DELETE FROM kysely_migration WHERE name = '0013-search-names-serials'`);
  s.exec(`DROP TABLE activities; ALTER TABLE institutions DROP COLUMN designations`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0012-activities-designations'`);
  s.exec(
    `DROP INDEX consultations_report; DROP INDEX consultations_history; DROP INDEX master_municipalities_code`,
  );
  s.exec(
    `ALTER TABLE consultations DROP COLUMN continuity_override; ALTER TABLE consultations DROP COLUMN continuity_reason`,
  );
  s.exec(`CREATE INDEX consultations_report ON consultations(fiscal_year, received_date)`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0011-continuity-history'`);
  s.exec(`ALTER TABLE sync_peers DROP COLUMN center_id; ALTER TABLE sync_pending DROP COLUMN sender`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0010-center-identity'`);
  s.exec(`DROP INDEX referrals_coordination; ALTER TABLE referrals DROP COLUMN coordination_request_id`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0009-referral-coordination'`);
  s.exec(`DROP TABLE coordination_contacts; DROP TABLE coordination_requests`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0008-coordination'`);
  s.exec(`INSERT INTO audit_log (at, login, action) VALUES ('2025-04-01T00:00:00Z', 'admin', 'person.view'),
            ('2025-04-02T00:00:00Z', 'admin', 'person.update')`);
  s.exec(`DROP TABLE staff_totp; DROP INDEX audit_log_action; DROP INDEX audit_log_login`);
  s.exec(`ALTER TABLE audit_log DROP COLUMN prev_mac; ALTER TABLE audit_log DROP COLUMN mac`);
  s.exec(`DELETE FROM meta WHERE key = 'audit_chain'; DROP TABLE audit_head`);
  s.exec(`DELETE FROM kysely_migration WHERE name = '0007-audit-chain'`);
  await caseFile.lock();
  // and a sidecar from before 0007: no audit key anywhere, no anchor
  const body = readKeySlotFile(keyslotPath(casefile));
  for (const slot of body.slots) delete slot.sealedAuditKey;
  delete body.auditAnchor;
  writeKeySlotFile(keyslotPath(casefile), body);

  const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
  const actions = cf.sqlite.prepare(`SELECT action, detail FROM audit_log ORDER BY id`).all();
  expect(actions).toEqual([
    { action: 'casefile.create', detail: expect.any(String) },
    { action: 'person.view', detail: null },
    { action: 'person.update', detail: null },
    { action: 'audit.chain-start', detail: '{"earlierEntries":3}' },
    { action: 'login', detail: null },
  ]);
  expect(cf.verifyAuditChain()).toMatchObject({ ok: true, entries: 5 });
  await cf.lock();
  // once only: the next unlock adds a login and nothing else
  const again = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
  const n = again.sqlite
    .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'audit.chain-start'`)
    .get();
  expect(n).toEqual({ n: 1 });
  expect(again.verifyAuditChain()).toMatchObject({ ok: true, entries: 6 });
  await again.lock();
});
