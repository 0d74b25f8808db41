import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { CaseFile } from '../../db/case-file';
import { applyStoragePragmas, openEncrypted, type SqliteDb } from '../../db/sqlite/open-encrypted';
import { percentile, report, reportAtMost, round, timeMs, timeMsAsync } from './measure';

/** Plain SQLite: the same library, no key, the same pragmas. */
function openPlain(path: string): SqliteDb {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  applyStoragePragmas(db);
  return db;
}

/** Writes, then (after closing and reopening the file) reads every row once and again. */
function workload(open: () => SqliteDb) {
  let db = open();
  db.exec(
    'CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL); CREATE INDEX t_k ON t(k)',
  );
  const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const value = '相談内容の要約 '.repeat(20);
  const single = timeMs(() => {
    for (let i = 0; i < 300; i++) db.transaction(() => ins.run(`single-${i}`, value))();
  });
  const bulk = timeMs(() => {
    db.transaction(() => {
      for (let i = 0; i < 50_000; i++) ins.run(`bulk-${i}`, value);
    })();
  });
  // reopened: SQLite's page cache is empty, as after an unlock (the OS may still hold the
  // file's bytes, so this is the decryption's cost and not the disk's)
  db.close();
  db = open();
  const sel = db.prepare('SELECT v FROM t WHERE k = ?');
  // first touch: every page comes from the file, and is decrypted once when encrypted
  const coldReads = timeMs(() => {
    for (let i = 0; i < 50_000; i++) sel.get(`bulk-${(i * 7919) % 50_000}`);
  });
  // steady state: the page cache is sized for the working set (db/sqlite/open-encrypted.ts)
  const reads = timeMs(() => {
    for (let i = 0; i < 50_000; i++) sel.get(`bulk-${(i * 7907) % 50_000}`);
  });
  db.close();
  return { single: single / 300, bulk, reads: reads / 50_000, coldReads: coldReads / 50_000 };
}

export async function benchCaseFile(dir: string): Promise<void> {
  // unlock at full KDF cost: key-slot unwrap (scrypt) + open + key proof + migration check
  delete process.env.YORISOI_TEST_KDF_LOG2N;
  const casefile = join(dir, 'bench.yorisoi');
  const passphrase = 'ベンチマーク用のパスフレーズ';
  const { caseFile } = await CaseFile.create({
    casefile,
    centerName: 'bench',
    login: 'admin',
    displayName: 'admin',
    passphrase,
  });
  await caseFile.lock();
  const unlocks: number[] = [];
  for (let i = 0; i < 3; i++) {
    let cf: CaseFile | undefined;
    unlocks.push(
      await timeMsAsync(async () => (cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase }))),
    );
    await cf!.lock();
  }
  const unlockS = percentile(unlocks, 50) / 1000;
  report({
    metric: 'unlock_time',
    value: round(unlockS),
    unit: 's',
    target: '0.2–1',
    ok: unlockS >= 0.2 && unlockS <= 1,
  });

  // same workload side by side in one process
  // three rounds, alternating, median of each: fsync timing on a shared disk is noisy
  const runs: { p: ReturnType<typeof workload>; e: ReturnType<typeof workload> }[] = [];
  for (let r = 0; r < 3; r++) {
    const key = randomBytes(32);
    const encPath = join(dir, `enc-${r}.db`);
    // alternate which side goes first, so neither always meets a busier disk
    const plainRun = () => workload(() => openPlain(join(dir, `plain-${r}.db`)));
    const encRun = () => workload(() => openEncrypted(encPath, key, { create: !existsSync(encPath) }));
    if (r % 2 === 0) {
      const p = plainRun();
      runs.push({ p, e: encRun() });
    } else {
      const e = encRun();
      runs.push({ p: plainRun(), e });
    }
  }
  const med = (side: 'p' | 'e', k: 'single' | 'bulk' | 'reads' | 'coldReads') =>
    percentile(
      runs.map((x) => x[side][k]),
      50,
    );
  const p = { single: med('p', 'single'), bulk: med('p', 'bulk'), reads: med('p', 'reads') };
  const e = { single: med('e', 'single'), bulk: med('e', 'bulk'), reads: med('e', 'reads') };
  // the first read of each page after reopening (no target: it is paid once per page per session)
  const coldP = med('p', 'coldReads');
  const coldE = med('e', 'coldReads');
  report({ metric: 'indexed_read_first_touch_after_reopen_plain', value: round(coldP * 1000), unit: 'µs' });
  report({
    metric: 'indexed_read_first_touch_after_reopen_encrypted',
    value: round(coldE * 1000),
    unit: 'µs',
  });
  report({
    metric: 'indexed_read_first_touch_after_reopen_ratio',
    value: round(coldE / coldP, 2),
    unit: '×',
  });
  const ratios = [
    ['single_row_commit', e.single / p.single, 2.5, p.single, e.single, 'ms'],
    ['bulk_insert_50k', e.bulk / p.bulk, 1.6, p.bulk, e.bulk, 'ms'],
    ['indexed_read', e.reads / p.reads, 1.1, p.reads * 1000, e.reads * 1000, 'µs'],
  ] as const;
  for (const [name, ratio, target, plainV, encV, unit] of ratios) {
    report({ metric: `${name}_plain`, value: round(plainV), unit });
    report({ metric: `${name}_encrypted`, value: round(encV), unit });
    reportAtMost({ metric: `${name}_ratio`, value: round(ratio, 2), unit: '×' }, target);
  }
}
