import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { newCaseFile, tempDir } from '../fixtures/temp-casefile';

const MARKER_ASCII = 'MARKER-7f3a9c2e-unique';
const MARKER_JA = '秘密の印やまだ太郎ヤマダ';

function filesContain(casefile: string, needle: string): string[] {
  const hits: string[] = [];
  for (const p of [casefile, `${casefile}-wal`, `${casefile}-shm`, `${casefile}.keys`]) {
    if (!existsSync(p)) continue;
    const bytes = readFileSync(p);
    for (const enc of ['utf8', 'utf16le'] as const) {
      if (bytes.includes(Buffer.from(needle, enc))) hits.push(`${p} (${enc})`);
    }
  }
  return hits;
}

describe('no plaintext at rest', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps markers out of the case file, its WAL/SHM and the key slots, open and closed', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { casefile, caseFile } = await newCaseFile(t.dir);
    for (let i = 0; i < 50; i++) {
      await caseFile.db
        .insertInto('meta')
        .values({ key: `marker-${i}`, value: `${MARKER_ASCII} ${MARKER_JA} ${i}` })
        .execute();
    }
    // while open, the rows sit in the WAL
    expect(existsSync(`${casefile}-wal`)).toBe(true);
    expect(readFileSync(`${casefile}-wal`).length).toBeGreaterThan(0);
    expect(filesContain(casefile, MARKER_ASCII)).toEqual([]);
    expect(filesContain(casefile, MARKER_JA)).toEqual([]);
    await caseFile.lock();
    expect(filesContain(casefile, MARKER_ASCII)).toEqual([]);
    expect(filesContain(casefile, MARKER_JA)).toEqual([]);
    expect(filesContain(casefile, 'テスト難病相談支援センター')).toEqual([]);
    const head = readFileSync(casefile).subarray(0, 16).toString('latin1');
    expect(head.startsWith('SQLite format 3')).toBe(false);
  });

  it('the same library without a key does write plaintext (the check above can fail)', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const plain = new Database(`${t.dir}/plain.db`);
    plain.exec(`CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('${MARKER_JA}')`);
    plain.close();
    expect(filesContain(`${t.dir}/plain.db`, MARKER_JA).length).toBeGreaterThan(0);
    expect(readFileSync(`${t.dir}/plain.db`).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});
