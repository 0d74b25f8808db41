import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../db/case-file';
import { dropOpsUpTo, PRUNE_STEP } from '../../db/sync/prune';
import { newCaseFile, tempDir } from '../fixtures/temp-casefile';

/**
 * Pruning deletes the acknowledged ops in steps of PRUNE_STEP seqs, each its own statement:
 * SQLite keeps a copy of every page one statement changes in memory until the statement ends
 * (the statement journal; temp_store = MEMORY keeps it off the disk, issue 16), so one DELETE of
 * a 100,000-op import's ops held ≈280 MB (sync_import_100k_peak_rss in `npm run bench -- sync`
 * was 486 MB, target ≤ 300). Steps must keep exactly the ops one statement kept.
 */
let dir: ReturnType<typeof tempDir>;
let caseFile: CaseFile;
beforeEach(async () => {
  dir = tempDir();
  ({ caseFile } = await newCaseFile(dir.dir));
});
afterEach(async () => {
  await caseFile.lock();
  dir.cleanup();
});

/** Two origins' ops over a few rows, with a conflict, a parked op and an edit above the floor. */
function seedOps(): void {
  const sqlite = caseFile.sqlite;
  const op = sqlite.prepare(
    `INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev) VALUES (?, ?, ?, 'consultation', ?, '{}', '{}')`,
  );
  sqlite.transaction(() => {
    for (const origin of ['dev-a', 'dev-b'])
      for (let seq = 1; seq <= 40; seq++)
        op.run(origin, seq, `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z-${origin}`, `row-${seq % 9}`);
    op.run('dev-a', 41, '2026-01-01T00:00:41Z-dev-a', 'row-new'); // dev-a's newest, alone on its row
    sqlite
      .prepare(
        `INSERT INTO sync_conflicts (id, entity, entity_id, field, loser_hlc, detected_at)
         VALUES ('c1', 'consultation', 'row-6', 'summary', 'h', '2026-01-01')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO sync_pending (origin, seq, reason, fields, since) VALUES ('dev-b', 7, 'missing_row', '[]', '2026-01-01')`,
      )
      .run();
  })();
}

const remaining = () =>
  (
    caseFile.sqlite.prepare(`SELECT origin || ':' || seq AS k FROM op_log ORDER BY origin, seq`).all() as {
      k: string;
    }[]
  ).map((r) => r.k);

describe('pruning in steps', () => {
  it('keeps the same ops whatever the step: conflicts, parked ops, live rows and each newest op stay', () => {
    seedOps();
    // dev-b's 36–40 are above the floor: rows 0–4 stay live (seq % 9), rows 5, 7 and 8 do not
    const floor = { 'dev-a': 41, 'dev-b': 35 };
    const kept: Record<number, string[]> = {};
    for (const step of [1, 3, 7, PRUNE_STEP]) {
      const sqlite = caseFile.sqlite;
      sqlite.exec('SAVEPOINT try');
      const n = dropOpsUpTo(sqlite, floor, { keepNewest: true, keepLiveRows: true, step });
      kept[step] = remaining();
      expect(n).toBe(23);
      sqlite.exec('ROLLBACK TO try');
      sqlite.exec('RELEASE try');
    }
    expect(kept[1]).toEqual(kept[PRUNE_STEP]);
    expect(kept[3]).toEqual(kept[PRUNE_STEP]);
    expect(kept[7]).toEqual(kept[PRUNE_STEP]);
    const k = kept[PRUNE_STEP]!;
    expect(k).toHaveLength(81 - 23);
    expect(k).toContain('dev-a:41'); // the newest of its origin
    expect(k).toContain('dev-b:7'); // parked
    expect(k).toContain('dev-a:6'); // row-6 has a listed conflict
    expect(k).toContain('dev-a:1'); // row-1 has dev-b:37 above the floor
    for (const gone of ['dev-a:5', 'dev-a:7', 'dev-a:8', 'dev-b:14', 'dev-b:35'])
      expect(k).not.toContain(gone);
  });

  it('deletes across step edges without a gap', () => {
    seedOps();
    const n = dropOpsUpTo(caseFile.sqlite, { 'dev-a': 41, 'dev-b': 40 }, { step: 4 });
    // all but the parked op and row-6's eight (its conflict)
    expect(n).toBe(72);
    expect(remaining()).toHaveLength(9);
  });
});
