import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { AppError } from '../../shared/errors';
import { ADMIN, fingerprint, newCaseFile, tempDir } from '../fixtures/temp-casefile';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  throw new Error('expected a rejection');
}

describe('case file errors leave the files untouched', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    const made = await newCaseFile(dir);
    casefile = made.casefile;
    await made.caseFile.lock();
  });
  afterEach(() => cleanup());

  it('wrong passphrase → WRONG_PASSPHRASE', async () => {
    const before = fingerprint(casefile);
    expect(
      await codeOf(CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: 'not the passphrase' })),
    ).toBe('WRONG_PASSPHRASE');
    expect(fingerprint(casefile)).toEqual(before);
  });

  it('unknown login → UNKNOWN_LOGIN', async () => {
    const before = fingerprint(casefile);
    expect(await codeOf(CaseFile.unlock({ casefile, login: 'nobody', passphrase: ADMIN.passphrase }))).toBe(
      'UNKNOWN_LOGIN',
    );
    expect(fingerprint(casefile)).toEqual(before);
  });

  it('login matches case- and width-insensitively', async () => {
    const cf = await CaseFile.unlock({ casefile, login: 'ＡＤＭＩＮ', passphrase: ADMIN.passphrase });
    expect(cf.staff.login).toBe('admin');
    await cf.lock();
  });

  it('damaged sidecar (one changed byte, or truncated) → KEYSLOTS_DAMAGED', async () => {
    const keys = `${casefile}.keys`;
    const original = readFileSync(keys);
    const flipped = Buffer.from(original);
    const at = original.indexOf('"ct"') + 10;
    flipped[at] = flipped[at]! ^ 0x01;
    for (const damaged of [flipped, original.subarray(0, original.length >> 1)]) {
      writeFileSync(keys, damaged);
      const before = fingerprint(casefile);
      expect(
        await codeOf(CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase })),
      ).toBe('KEYSLOTS_DAMAGED');
      expect(fingerprint(casefile)).toEqual(before);
    }
  });

  it('missing sidecar → KEYSLOTS_MISSING; missing file → CASEFILE_NOT_FOUND', async () => {
    expect(
      await codeOf(CaseFile.unlock({ casefile: join(dir, 'absent.yorisoi'), login: 'a', passphrase: 'b' })),
    ).toBe('CASEFILE_NOT_FOUND');
    const other = join(dir, 'other.yorisoi');
    writeFileSync(other, randomBytes(4096));
    expect(await codeOf(CaseFile.unlock({ casefile: other, login: 'a', passphrase: 'b' }))).toBe(
      'KEYSLOTS_MISSING',
    );
  });

  it('a file that is not a case file → NOT_A_CASEFILE (random bytes, plain SQLite, another case file)', async () => {
    const keys = readFileSync(`${casefile}.keys`);
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const candidates: Record<string, () => void> = {
      random: () => writeFileSync(join(dir, 'x.yorisoi'), randomBytes(8192)),
      plain: () => {
        const d = new Database(join(dir, 'x.yorisoi'));
        d.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
        d.close();
      },
    };
    for (const [name, make] of Object.entries(candidates)) {
      const target = join(dir, 'x.yorisoi');
      rmSync(target, { force: true });
      make();
      writeFileSync(`${target}.keys`, keys); // the real slots, the wrong file
      const before = fingerprint(target);
      const code = await codeOf(
        CaseFile.unlock({ casefile: target, login: ADMIN.login, passphrase: ADMIN.passphrase }),
      );
      expect(code, name).toBe('NOT_A_CASEFILE');
      expect(fingerprint(target), name).toEqual(before);
    }
    // another real case file with these slots: same key can't open it either
    const second = await newCaseFile(dir, 'second.yorisoi');
    await second.caseFile.lock();
    writeFileSync(`${second.casefile}.keys`, keys);
    const before = fingerprint(second.casefile);
    expect(
      await codeOf(
        CaseFile.unlock({ casefile: second.casefile, login: ADMIN.login, passphrase: ADMIN.passphrase }),
      ),
    ).toBe('NOT_A_CASEFILE');
    expect(fingerprint(second.casefile)).toEqual(before);
  });

  it('a newer schema than the app knows → SCHEMA_TOO_NEW', async () => {
    const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
      cf.db,
    );
    await cf.lock();
    const before = fingerprint(casefile);
    expect(
      await codeOf(CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase })),
    ).toBe('SCHEMA_TOO_NEW');
    expect(fingerprint(casefile)).toEqual(before);
  });

  it('create refuses an existing file and a weak passphrase', async () => {
    const before = fingerprint(casefile);
    expect(
      await codeOf(
        CaseFile.create({
          casefile,
          centerName: 'x',
          login: 'a',
          displayName: 'a',
          passphrase: ADMIN.passphrase,
        }),
      ),
    ).toBe('CASEFILE_EXISTS');
    expect(fingerprint(casefile)).toEqual(before);
    const fresh = join(dir, 'fresh.yorisoi');
    expect(
      await codeOf(
        CaseFile.create({
          casefile: fresh,
          centerName: 'x',
          login: 'a',
          displayName: 'a',
          passphrase: 'short',
        }),
      ),
    ).toBe('WEAK_PASSPHRASE');
    expect(fingerprint(fresh)).toEqual({
      [fresh]: null,
      [`${fresh}-wal`]: null,
      [`${fresh}-shm`]: null,
      [`${fresh}.keys`]: null,
    });
  });
});
