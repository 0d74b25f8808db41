import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { codeAt } from '../../db/totp/totp-code';
import { runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../fixtures/temp-casefile';

const PASS = 'audit cli passphrase 長い';

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, lines };
}

describe('audit verify and export (CLI, through the dispatcher)', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    casefile = join(dir, 'c.yorisoi');
    process.env.YORISOI_PASSPHRASE = PASS;
    await cli(
      'init',
      '--casefile',
      casefile,
      '--center',
      'テストセンター',
      '--login',
      'admin',
      '--name',
      '管理者',
    );
  });
  afterAll(() => {
    delete process.env.YORISOI_PASSPHRASE;
    delete process.env.YORISOI_TOTP;
    cleanup();
  });
  const f = ['--casefile', () => casefile, '--login', 'admin'] as const;
  const args = () => f.map((x) => (typeof x === 'function' ? x() : x));

  it('reports an intact chain with its head, exit 0', async () => {
    const r = await cli('audit', 'verify', ...args());
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^audit chain: ok \(\d+ entries\)$/);
    expect(r.lines[1]).toMatch(/^head: #\d+ [0-9a-f]{64}$/);
  });

  it('exports CSV with a BOM, oldest first, and logs the export with the file hash', async () => {
    const out = join(dir, 'audit.csv');
    const r = await cli('audit', 'export', ...args(), '--out', out);
    expect(r.lines[0]).toMatch(/^exported \d+ entries to /);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('番号,日時(UTC),ログイン名,操作,対象,対象ID,詳細,MAC');
    expect(lines[1]).toMatch(/^1,.*,admin,casefile\.create,/);
    const cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase: PASS });
    const logged = cf.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'audit.export'`).get() as {
      detail: string;
    };
    expect(JSON.parse(logged.detail)).toMatchObject({
      filename: expect.stringMatching(/\.csv$/),
      rows: lines.length - 1,
    });
    await cf.lock();
  });

  it('a row edited with SQL: exit 1 and the first broken entry named', async () => {
    const cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase: PASS });
    cf.sqlite.exec(`UPDATE audit_log SET login = 'nobody' WHERE id = 2`);
    await cf.lock();
    const r = await cli('audit', 'verify', ...args());
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^audit chain: BROKEN at entry #2 \(.*\)$/);
    expect(r.lines[1]).toContain('changed');
  });

  it('asks for the authenticator code (YORISOI_TOTP) when the account has one', async () => {
    const cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase: PASS });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await cf.db
      .insertInto('staff_totp')
      .values({ staff_id: cf.staff.id, secret, state: 'active', created_at: '' })
      .execute();
    await cf.lock();
    await expect(cli('verify', ...args())).rejects.toMatchObject({ code: 'INVALID_INPUT' }); // no TTY, no code
    process.env.YORISOI_TOTP = codeAt(secret, new Date());
    expect((await cli('verify', ...args())).lines[0]).toBe('integrity: ok');
  });
});
