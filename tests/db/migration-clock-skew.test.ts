import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../db/migrations';
import { fileBeforeMigration } from '../fixtures/migration-step';

let cleanup = () => {};
afterEach(() => cleanup());

const NAME = MIGRATION_NAMES.find((n) => n.endsWith('-clock-skew'))!;

it('clock-skew migration: a peer paired before it has no clock verdict yet, and one can be kept', async () => {
  const m = await fileBeforeMigration(NAME);
  cleanup = m.cleanup;
  const { db } = m;
  await sql`INSERT INTO sync_peers (device_id, center_name, role, sign_key, age_recipient, fingerprint, profile, paired_at, paired_by)
            VALUES ('laptop', '北センター', 'center', 'k', 'r', 'f', 'full', '2025-04-01', 's1')`.execute(db);
  await m.apply();
  const row = await db.selectFrom('sync_peers').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ device_id: 'laptop', clock_offset_ms: null, clock_checked_at: null });
  await db
    .updateTable('sync_peers')
    .set({ clock_offset_ms: 3 * 86_400_000, clock_checked_at: '2025-06-02T03:00:00.000Z' })
    .execute();
  expect(
    (await db.selectFrom('sync_peers').select('clock_offset_ms').executeTakeFirstOrThrow()).clock_offset_ms,
  ).toBe(259_200_000);
  await db.destroy();
});
