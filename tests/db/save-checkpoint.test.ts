import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { keyslotPath } from '../../db/crypto/keyslot-file';
import { CHECKPOINT_POLICY, scheduleCheckpoints } from '../../db/sqlite/idle-checkpoint';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { withStatementCache } from '../../db/sqlite/statement-cache';
import type { ServiceContext } from '../../electron/services/context';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationInput } from '../../shared/contract/consultations';
import { recordConsultation } from '../fixtures/in-use-case';
import { serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

// Issue 20: SQLite's automatic checkpoint ran inside one save in ≈150 and was the save's p99.
// The checkpoint now waits for the counselor's pause; these tests look at the files on disk.

const SAVES = 500;
/** a counselor's pause after saving: reading the confirmation, turning to the phone */
const PAUSE_MS = 2_000;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
afterEach(async () => {
  vi.useRealTimers();
  await fx.close();
});

const call = (i: number): ConsultationInput => ({
  receivedAt: '2025-06-02T10:15',
  method: 'phone',
  consulter: 'self',
  person: { mode: 'new', data: { name: `相談 太郎${i}`, nameKana: 'ソウダン タロウ', sex: 'male' } },
  categories: ['3.1'],
  mainCategory: '3.1',
  summary: `受給者証の更新について（${i}件目）`,
  responses: ['information'],
});

async function burst(ctx: ServiceContext, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await recordConsultation(ctx, CHANNELS['consultation.record'].input.parse(call(i)));
}

/**
 * What a copy of the case file's files holds, opened as the app opens a file: with `wal`, the
 * state after a power cut (SQLite replays the WAL); without, what has been moved into the file.
 */
async function consultationsInCopy(casefile: string, name: string, wal: boolean): Promise<number> {
  const dir = join(fx.dir, name);
  mkdirSync(dir);
  const copy = join(dir, 'case.yorisoi');
  copyFileSync(casefile, copy);
  copyFileSync(keyslotPath(casefile), keyslotPath(copy));
  if (wal) copyFileSync(`${casefile}-wal`, `${copy}-wal`);
  const cf = await CaseFile.unlock({ casefile: copy, login: ADMIN.login, passphrase: ADMIN.passphrase });
  try {
    expect((await cf.integrityCheck()).ok).toBe(true);
    const r = await cf.db
      .selectFrom('consultations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await cf.lock();
  }
}

it('a burst of saves is moved into the file once the counselor pauses, not during the saves', async () => {
  const ctx = fx.admin;
  const casefile = ctx.caseFile.path;
  ctx.caseFile.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the setup's writes are in the file
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await burst(ctx, SAVES);
  // no checkpoint ran inside a save: the records are in the WAL only
  expect(await consultationsInCopy(casefile, 'before-pause', false)).toBe(0);
  // a power cut now loses nothing: the WAL holds every committed save
  expect(await consultationsInCopy(casefile, 'power-cut', true)).toBe(SAVES);

  vi.advanceTimersByTime(PAUSE_MS);
  expect(await consultationsInCopy(casefile, 'after-pause', false)).toBe(SAVES);
});

it('a save during the pause waits for the next pause; lock leaves the file checkpointed and no WAL', async () => {
  const ctx = fx.admin;
  const casefile = ctx.caseFile.path;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await burst(ctx, 20);
  vi.advanceTimersByTime(CHECKPOINT_POLICY.idleMs - 1);
  await burst(ctx, 1); // the counselor saved again just before the pause ended
  vi.advanceTimersByTime(CHECKPOINT_POLICY.idleMs - 1);
  expect(ctx.caseFile.checkpoints.idle).toBe(0);
  await burst(ctx, 9);
  // a pause after a few saves leaves them in the WAL: the save after a checkpoint syncs the
  // restarted WAL's header too, and that second fsync is worth paying once per many saves
  vi.advanceTimersByTime(PAUSE_MS);
  expect(ctx.caseFile.checkpoints.idle).toBe(0);
  vi.useRealTimers();
  await fx.runtime.lock();
  expect(!existsSync(`${casefile}-wal`) || statSync(`${casefile}-wal`).size === 0).toBe(true);
  expect(await consultationsInCopy(casefile, 'after-lock', false)).toBe(30);
  await fx.runtime.login(ADMIN.login, ADMIN.passphrase); // fx.close locks it again
});

it('writes without a pause (an import) still checkpoint once the WAL reaches its limit', async () => {
  const dir = join(fx.dir, 'bulk');
  mkdirSync(dir);
  const path = join(dir, 'bulk.db');
  const sqlite = openEncrypted(path, randomBytes(32), { create: true });
  const db = new Kysely<{ t: { v: string } }>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const limit = 256 * 1024;
  const schedule = scheduleCheckpoints(sqlite, `${path}-wal`, {
    idleMs: 60_000,
    minCommits: 1,
    walLimitBytes: limit,
  });
  try {
    sqlite.exec('CREATE TABLE t (v TEXT NOT NULL)');
    let largest = 0;
    for (let i = 0; i < 200; i++) {
      await db.transaction().execute((trx) =>
        trx
          .insertInto('t')
          .values({ v: '相談'.repeat(2000) })
          .execute(),
      );
      largest = Math.max(largest, statSync(`${path}-wal`).size);
    }
    expect(schedule.counts.afterCommit).toBeGreaterThan(0);
    expect(schedule.counts.idle).toBe(0);
    // never far past the limit: one transaction's pages at most
    expect(largest).toBeLessThan(limit + 64 * 1024);
  } finally {
    schedule.stop();
    await db.destroy();
  }
});
