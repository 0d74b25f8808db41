import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMainBundle } from '../fixtures/main-bundle';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

const run = promisify(execFile);
let bundle: Awaited<ReturnType<typeof buildMainBundle>>;

beforeAll(async () => {
  bundle = await buildMainBundle();
}, 120_000);
afterAll(() => bundle?.cleanup());

describe('the built CLI (npm run build:main → dist/cli/main.mjs)', () => {
  it('runs: help lists the commands', async () => {
    const { stdout } = await run(process.execPath, [join(bundle.dir, 'cli/main.mjs'), 'help']);
    expect(stdout).toMatch(/^yorisoi <command>/);
    expect(stdout).toMatch(/^\s+init\s+--casefile/m);
    expect(stdout).toMatch(/^\s+letter issue\s/m);
  });

  it('creates and verifies a case file like the source CLI', async () => {
    const t = tempDir();
    try {
      const casefile = join(t.dir, 'c.yorisoi');
      const env = { ...process.env, YORISOI_PASSPHRASE: ADMIN.passphrase };
      const cli = (...args: string[]) =>
        run(process.execPath, [join(bundle.dir, 'cli/main.mjs'), ...args], { env });
      await cli(
        'init',
        '--casefile',
        casefile,
        '--center',
        'テストセンター',
        '--login',
        ADMIN.login,
        '--name',
        '管理 花子',
      );
      const { stdout } = await cli('verify', '--casefile', casefile, '--login', ADMIN.login);
      expect(stdout).toMatch(/^integrity: ok$/m);
    } finally {
      t.cleanup();
    }
  });
});
