import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { takeSnapshot } from '../../db/backup/snapshot';
import { CaseFile } from '../../db/case-file';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

/**
 * The case file is readable by its owner only, like its key slots: on a shared PC another
 * account must not copy it to guess passphrases offline (issue 16). Its WAL and shared-memory
 * files, the sign-in counter and backups follow.
 */
it('the case file, its WAL, key slots, sign-in counter and backups are created 0600', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const old = process.umask(0o022); // the usual umask: files 0644 unless made private
  try {
    const { casefile, caseFile } = await newCaseFile(t.dir);
    const seen: Record<string, string> = {
      casefile: mode(casefile),
      wal: mode(`${casefile}-wal`),
      shm: mode(`${casefile}-shm`),
      keys: mode(`${casefile}.keys`),
    };
    mkdirSync(join(t.dir, 'bk'));
    const { snapshot } = await takeSnapshot(caseFile, join(t.dir, 'bk'));
    seen.snapshot = mode(snapshot.path);
    seen.snapshotKeys = mode(`${snapshot.path}.keys`);
    await caseFile.lock();
    await expect(
      CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: 'not it at all' }),
    ).rejects.toThrow();
    seen.signin = mode(`${casefile}.signin`);
    expect(seen).toEqual({
      casefile: '600',
      wal: '600',
      shm: '600',
      keys: '600',
      snapshot: '600',
      snapshotKeys: '600',
      signin: '600',
    });
  } finally {
    process.umask(old);
  }
});
