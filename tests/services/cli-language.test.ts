import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLanguage } from '../../electron/cli/cli-text';
import { runCli } from '../../electron/cli/run-cli';
import { en } from '../../shared/i18n/en/cli';
import { ja } from '../../shared/i18n/ja/cli';
import { tempDir } from '../fixtures/temp-casefile';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/yorisoi.mjs');
const PASS = 'cli language passphrase 長い';

/** The environment of a Windows office PC: no locale variables, no YORISOI_LANG. */
function officeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const k of ['YORISOI_LANG', 'LANG', 'LC_ALL', 'LC_MESSAGES']) if (!(k in extra)) delete env[k];
  return env;
}

async function bin(env: NodeJS.ProcessEnv, ...argv: string[]) {
  return run(process.execPath, [BIN, ...argv], { env }).catch(
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('the CLI speaks Japanese first, English when asked', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    casefile = join(dir, 'c.yorisoi');
    process.env.YORISOI_PASSPHRASE = PASS;
    await runCli(
      ['init', '--casefile', casefile, '--center', 'テストセンター', '--login', 'admin', '--name', '管理者'],
      () => {},
    );
  });
  afterAll(() => {
    delete process.env.YORISOI_PASSPHRASE;
    cleanup();
  });

  it('with no locale set (a Windows PC), a wrong passphrase is one Japanese line with its code', async () => {
    const r = await bin(
      officeEnv({ YORISOI_PASSPHRASE: 'not the passphrase' }),
      'verify',
      '--casefile',
      casefile,
      '--login',
      'admin',
    );
    expect('code' in r && r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['WRONG_PASSPHRASE: パスフレーズが違います。']);
  });

  it('verify and help in Japanese by default; --lang en and LANG=en_US switch to English', async () => {
    const env = officeEnv({ YORISOI_PASSPHRASE: PASS });
    const ja1 = await bin(env, 'verify', '--casefile', casefile, '--login', 'admin');
    expect(ja1.stdout).toMatch(/^整合性: 問題なし$/m);
    expect((await bin(env, 'help')).stdout).toMatch(/^\s+init\s+--casefile.*（ケースファイルを作る）$/m);

    const en1 = await bin(env, 'verify', '--lang', 'en', '--casefile', casefile, '--login', 'admin');
    expect(en1.stdout).toMatch(/^integrity: ok$/m);
    const en2 = await bin(
      officeEnv({ YORISOI_PASSPHRASE: PASS, LANG: 'en_US.UTF-8' }),
      'verify',
      '--casefile',
      casefile,
      '--login',
      'admin',
    );
    expect(en2.stdout).toMatch(/^integrity: ok$/m);
    expect(en2.stdout).not.toMatch(/整合性/);
  });

  it('a missing flag names the flag after the Japanese sentence', async () => {
    const r = await bin(officeEnv(), 'verify', '--casefile', casefile);
    expect('code' in r && r.code).toBe(2);
    expect(r.stderr.trim()).toBe('INVALID_INPUT: 入力内容に誤りがあります。（Missing: --login）');
  });

  it('an unknown command and a bad --lang are refused in words', async () => {
    const r = await bin(officeEnv(), 'verfy');
    expect(r.stderr.trim()).toBe(
      'INVALID_INPUT: 入力内容に誤りがあります。（「verfy」というコマンドはありません。yorisoi help で一覧を表示します。）',
    );
    const bad = await bin(officeEnv(), 'help', '--lang', 'fr');
    expect('code' in bad && bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang: ja or en/);
  });

  it('locale variables: C/POSIX say nothing, ja_JP and en_GB choose', () => {
    expect(cliLanguage({})).toBe('ja');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('ja');
    expect(cliLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'en_GB.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja');
    expect(cliLanguage({ YORISOI_LANG: 'en', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(cliLanguage({ YORISOI_LANG: 'en' }, 'ja')).toBe('ja');
  });

  it('the Japanese and English help list the same commands with the same flags', () => {
    // a command line without its description in parentheses: what the two languages must share
    const commands = (usage: string) =>
      usage
        .split('\n')
        .filter((l) => /^ {2}\S/.test(l))
        .map((l) => l.replace(/\s*[（(][^（(]*[）)]\s*$/, '').trim());
    expect(commands(ja.cli.usage)).toEqual(commands(en.cli.usage));
    expect(commands(ja.cli.usage).length).toBe(29);
  });
});
