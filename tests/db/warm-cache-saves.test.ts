import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../electron/demo/seed-demo';
import { recordConsultation } from '../fixtures/in-use-case';
import { parseRecord, PHONE_CALL } from '../fixtures/phone-call';
import { serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

/**
 * After an unlock the app reads into SQLite's cache what the counselor's first actions need
 * (db/sqlite/warm-cache.ts). A consultation for a person already on file reads that person, their
 * case and their earlier consultations, and adds entries at random places in a few indexes
 * (by person, by case, by municipality, the search suffixes): pages the cache did not hold had to
 * be read and decrypted inside the save (issue 20: at 100,000 consultations the save's p50 was
 * ≈1 ms lower with them warm). Counted in bytes this thread read from files, so the numbers do not
 * depend on how busy the machine is.
 */

/** bytes this thread has read from files so far (pread included; Linux only) */
const bytesRead = () =>
  Number(/^rchar:\s*(\d+)/m.exec(readFileSync('/proc/thread-self/io', 'utf8'))?.[1] ?? NaN);

let fx: Awaited<ReturnType<typeof serviceFixture>>;
beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
afterEach(async () => fx.close());

it('after the unlock and its warm-up, saves for people already on file read (almost) nothing from the disk', async () => {
  await seedDemo(fx.admin, { seed: 4, consultations: 1_500, batchSize: 500 });
  await fx.runtime.lock(); // the next unlock starts with an empty cache
  const ctx = await fx.runtime.login(ADMIN.login, ADMIN.passphrase);
  await ctx.caseFile.warmCache();
  await ctx.caseFile.walReserved;
  const people = await ctx.db
    .selectFrom('persons')
    .select('id')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  expect(people.length).toBeGreaterThan(200);
  const forPerson = (k: number) =>
    parseRecord({
      ...PHONE_CALL,
      receivedAt: `2025-06-02T1${k % 10}:${String(10 + k).slice(-2)}`,
      person: { mode: 'existing', personId: people[(k * 379) % people.length]!.id },
    });
  // the first save reaches the ends of the logs and tables every save appends to
  await recordConsultation(ctx, forPerson(0));
  const perSave: number[] = [];
  for (let k = 1; k <= 12; k++) {
    const before = bytesRead();
    await recordConsultation(ctx, forPerson(k));
    perSave.push(bytesRead() - before);
  }
  const pages = perSave.reduce((a, b) => a + b, 0) / 4096;
  // With only the search tables and the consultations warm these 12 saves read 57 pages (the
  // person, their case, the history and suffix indexes). What is left (21 pages) is where an
  // index the save appends to splits its last leaf: SQLite reads the leaf's neighbours to
  // rebalance (audit, op log, row clocks, the date indexes), once in a while per index.
  expect(pages, `bytes read per save: ${perSave.join(' ')}`).toBeLessThanOrEqual(30);
});
