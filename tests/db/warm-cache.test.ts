import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { warmPageCache } from '../../db/sqlite/warm-cache';

describe('warming the page cache after an unlock', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const fileWith = (rows: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-warm-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'w.db'));
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (v TEXT)');
    const ins = db.prepare('INSERT INTO a (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < rows; i++) ins.run(`row ${i}`);
    })();
    db.prepare('INSERT INTO b (v) VALUES (?)').run('one');
    return db;
  };

  it('visits every row of every table, in steps, skipping a table the file does not have', async () => {
    const db = fileWith(4_500); // three steps of at most 2,000 rows
    const w = warmPageCache(db, ['a', 'missing', 'b']);
    expect(await w.done).toBe(4_501);
    db.close();
  });

  it('visits every entry of an index, a key shared by more entries than a step and NULL keys included', async () => {
    const db = fileWith(0);
    db.exec('CREATE TABLE c (id INTEGER PRIMARY KEY, muni TEXT); CREATE INDEX c_muni ON c(muni)');
    const ins = db.prepare('INSERT INTO c (muni) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3_000; i++) ins.run('131016'); // one municipality: more than a step
      for (let i = 0; i < 1_500; i++) ins.run(String(140000 + i)); // many, one entry each
      for (let i = 0; i < 200; i++) ins.run(null); // anonymous
    })();
    const w = warmPageCache(db, [
      { table: 'c', index: 'c_muni', key: 'muni' },
      { table: 'c', index: 'missing', key: 'x' },
    ]);
    expect(await w.done).toBe(4_700);
    db.close();
  });

  it('leaves the event loop free between steps', async () => {
    const db = fileWith(10_000);
    const w = warmPageCache(db, ['a']);
    let turns = 0;
    const tick = () => {
      turns += 1;
      if (turns < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    await w.done;
    expect(turns).toBeGreaterThanOrEqual(5); // the other work ran while the table was read
    db.close();
  });

  it('stops before its next step when the file is locked', async () => {
    const db = fileWith(10_000);
    const w = warmPageCache(db, ['a']);
    w.stop();
    expect(await w.done).toBe(0);
    const late = warmPageCache(db, ['a']);
    db.close(); // closed under it: it ends instead of failing
    expect(await late.done).toBe(0);
  });
});
