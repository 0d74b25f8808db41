import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

const require = createRequire(import.meta.url);
let cleanup = () => {};
afterEach(() => cleanup());

it('SIGKILL during a stream of commits: file opens, passes integrity check, keeps every reported commit', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const { casefile, caseFile } = await newCaseFile(t.dir);
  await caseFile.lock();

  const child = spawn(
    process.execPath,
    [
      '--import',
      require.resolve('tsx'),
      join(__dirname, '../fixtures/write-stream-child.ts'),
      casefile,
      ADMIN.login,
      ADMIN.passphrase,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const committed = new Set<number>();
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (m) committed.add(Number(m[1]));
      }
      // kill somewhere in the middle of the stream, not on a commit boundary we chose
      if (committed.size >= 150 && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${signal}`)),
    );
  });
  expect(committed.size).toBeGreaterThanOrEqual(150);

  const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
  try {
    expect((await cf.integrityCheck()).ok).toBe(true);
    const rows = await cf.db.selectFrom('meta').select('key').where('key', 'like', 'w%').execute();
    const present = new Set(rows.map((r) => Number(r.key.slice(1))));
    const lost = [...committed].filter((i) => !present.has(i));
    expect(lost).toEqual([]);
    // each transaction is all-or-nothing: every meta row has its audit row
    const audits = await cf.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'test.write')
      .execute();
    expect(audits.length).toBe(present.size);
    // and the audit chain is unbroken up to the last commit that reached the disk
    expect(cf.verifyAuditChain()).toMatchObject({ ok: true, firstBroken: null });
  } finally {
    await cf.lock();
  }
});
