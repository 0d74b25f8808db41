import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyslotPath } from '../../db/crypto/keyslot-file';
import { composeApp } from '../../electron/app/compose';
import { runCli } from '../../electron/cli/run-cli';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { errorCode } from '../fixtures/service-fixture';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';
import { tinyMount } from '../fixtures/tiny-mount';
import { consultationInput } from '../sync/sync-helpers';

const require = createRequire(import.meta.url);
let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A real dispatcher over a fresh case file (created, then locked unless `open`). */
async function appWithFile(open = false) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const casefile = join(t.dir, 'case.yorisoi');
  const { runtime, dispatcher } = composeApp({ casefile }, { logInternal: () => {} });
  cleanups.push(() => runtime.lock().catch(() => undefined));
  const code = async <C extends ChannelName>(c: C, input: ChannelInput<C>) => {
    const r = await dispatcher.dispatch(c, input);
    return r.ok ? 'ok' : r.error.code;
  };
  expect(await code('session.create', { centerName: 'C', ...ADMIN })).toBe('ok');
  if (!open) await runtime.lock();
  return { dir: t.dir, casefile, runtime, dispatcher, code };
}

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

describe('sign-in lockout', () => {
  it('holds when many wrong passphrases arrive at once: at most three are tried', async () => {
    const a = await appWithFile();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        a.code('session.login', { login: 'admin', passphrase: `guess ${i}` }),
      ),
    );
    expect(answers.filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(3);
    expect(answers.filter((c) => c === 'SIGNIN_LOCKED')).toHaveLength(5);
    // and the right one waits its turn too
    expect(await a.code('session.login', { login: 'admin', passphrase: ADMIN.passphrase })).toBe(
      'SIGNIN_LOCKED',
    );
  });
});

describe('key-slot files are read with bounds', () => {
  for (const [what, kdf] of [
    ['N = 2^24', { N: 2 ** 24 }],
    ['N not a power of two', { N: 100_000 }],
    ['r = 1000', { r: 1000 }],
    ['p = 1000', { p: 1000 }],
  ] as const) {
    it(`a slot whose KDF asks for ${what} is damaged, not tried`, async () => {
      const a = await appWithFile();
      // edited as an attacker would: the JSON by hand, the checksum recomputed (it is no secret)
      const raw = JSON.parse(readFileSync(keyslotPath(a.casefile), 'utf8')) as Record<string, unknown>;
      const { checksum: _old, ...body } = raw as { checksum: string; slots: { kdf: object }[] };
      for (const slot of body.slots) Object.assign(slot.kdf, kdf);
      const checksum = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      writeFileSync(keyslotPath(a.casefile), JSON.stringify({ ...body, checksum }));
      expect(await a.code('session.login', { login: 'admin', passphrase: ADMIN.passphrase })).toBe(
        'KEYSLOTS_DAMAGED',
      );
    });
  }

  it('YORISOI_TEST_KDF_LOG2N is ignored outside tests', async () => {
    const script = join(__dirname, '../fixtures/kdf-cost-child.ts');
    const env: NodeJS.ProcessEnv = { ...process.env, YORISOI_TEST_KDF_LOG2N: '10' };
    delete env.VITEST;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', require.resolve('tsx'), script], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env,
      });
      let s = '';
      child.stdout.on('data', (c: Buffer) => (s += c.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`exit ${code}`))));
    });
    expect(out.trim()).toBe(String(2 ** 17));
  });
});

describe('what the disk and the caller get wrong ends in a code, not INTERNAL', () => {
  it('a damaged page read during work: INTEGRITY_FAILED (dispatcher and CLI)', async () => {
    const a = await appWithFile(true);
    for (let i = 0; i < 60; i++) {
      expect(
        await a.code('consultation.record', consultationInput({ summary: `記録 ${i} `.repeat(80) })),
      ).toBe('ok');
    }
    // the pages that hold the consultations (not free pages the middle of the file may hold)
    const pages = (
      a.runtime
        .context()
        .caseFile.sqlite.prepare(`SELECT pageno FROM dbstat WHERE name = 'consultations'`)
        .all() as {
        pageno: number;
      }[]
    ).map((r) => r.pageno);
    const page = pages[Math.floor(pages.length / 2)]!;
    await a.runtime.lock();
    // garbage over them
    const fd = openSync(a.casefile, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 2, 0x5a), 0, 4096 * 2, (page - 1) * 4096);
    closeSync(fd);
    const login = await a.code('session.login', { login: 'admin', passphrase: ADMIN.passphrase });
    const answers = [login];
    if (login === 'ok') {
      answers.push(await a.code('consultation.list', {}));
      answers.push(await a.code('consultation.list', { query: '記録' }));
      answers.push(await a.code('casefile.verify', {}));
    }
    expect(answers.filter((c) => c !== 'ok').length).toBeGreaterThan(0);
    for (const c of answers) expect(['ok', 'INTEGRITY_FAILED']).toContain(c);
    await a.runtime.lock();
    process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
    cleanups.push(() => delete process.env.YORISOI_PASSPHRASE);
    const c = await errorCode(
      cli('intake', 'list', '--casefile', a.casefile, '--login', 'admin', '--query', '記録'),
    );
    expect(c).toBe('INTEGRITY_FAILED');
  });

  it('a case file made on a read-only disk: READ_ONLY (dispatcher and CLI)', async () => {
    const ro = tinyMount({ sizeKiB: 1024, readOnly: true });
    cleanups.push(ro.release);
    const casefile = join(ro.dir, 'case.yorisoi');
    const { runtime, dispatcher } = composeApp({ casefile }, { logInternal: () => {} });
    cleanups.push(() => runtime.lock());
    const r = await dispatcher.dispatch('session.create', { centerName: 'C', ...ADMIN });
    expect(r).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
    cleanups.push(() => delete process.env.YORISOI_PASSPHRASE);
    expect(
      await errorCode(
        cli('init', '--casefile', casefile, '--center', 'C', '--login', 'admin', '--name', 'A'),
      ),
    ).toBe('READ_ONLY');
  });

  it('a NUL byte in a search or any other text: INVALID_INPUT', async () => {
    const a = await appWithFile(true);
    expect(await a.code('consultation.list', { query: 'a\u0000b' })).toBe('INVALID_INPUT');
    expect(await a.code('person.search', { query: '\u0000' })).toBe('INVALID_INPUT');
    expect(await a.code('institution.list', { query: '病院\u0000' })).toBe('INVALID_INPUT');
    expect(await a.code('consultation.record', consultationInput({ summary: 'x\u0000y' }))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('passphrases', () => {
  it('common passwords are refused wherever a passphrase is set', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const { runtime, dispatcher } = composeApp(
      { casefile: join(t.dir, 'c.yorisoi') },
      { logInternal: () => {} },
    );
    cleanups.push(() => runtime.lock());
    const code = async <C extends ChannelName>(c: C, input: ChannelInput<C>) => {
      const r = await dispatcher.dispatch(c, input);
      return r.ok ? 'ok' : r.error.code;
    };
    for (const common of [
      'password123',
      'Password1234',
      'qwertyuiop',
      '1234567890',
      'iloveyou12',
      'abcd1234!!',
    ]) {
      expect(await code('session.create', { centerName: 'C', ...ADMIN, passphrase: common }), common).toBe(
        'COMMON_PASSPHRASE',
      );
    }
    expect(await code('session.create', { centerName: 'C', ...ADMIN })).toBe('ok');
    expect(
      await code('staff.add', {
        login: 'sato',
        displayName: '佐藤',
        role: 'counselor',
        passphrase: 'password1234',
      }),
    ).toBe('COMMON_PASSPHRASE');
    expect(
      await code('session.changePassphrase', {
        oldPassphrase: ADMIN.passphrase,
        newPassphrase: 'qwerty123456',
      }),
    ).toBe('COMMON_PASSPHRASE');
  });
});
