import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { throttlePath } from '../../db/signin-throttle';
import { ENTITY_TABLES } from '../../db/sync/entities';
import { codeAt } from '../../db/totp/totp-code';
import { composeApp } from '../../electron/app/compose';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

const T0 = new Date('2025-06-02T03:00:00.000Z');
let cleanup = () => {};
afterEach(() => cleanup());

/** The real dispatcher over a temporary case file, with a clock the test moves. */
async function app() {
  const t = tempDir();
  let now = T0;
  const casefile = join(t.dir, 'case.yorisoi');
  const { runtime, dispatcher } = composeApp({ casefile, now: () => now }, { logInternal: () => {} });
  cleanup = () => {
    void runtime.lock();
    t.cleanup();
  };
  await runtime.create({ centerName: 'テストセンター', ...ADMIN });
  async function call<C extends ChannelName>(c: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await dispatcher.dispatch(c, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.data as ChannelOutput<C>;
  }
  async function code<C extends ChannelName>(c: C, input: ChannelInput<C>): Promise<string> {
    const r = await dispatcher.dispatch(c, input);
    return r.ok ? 'ok' : r.error.code;
  }
  const login = (secondFactor?: string, who = ADMIN.login, passphrase = ADMIN.passphrase) =>
    code('session.login', { login: who, passphrase, ...(secondFactor ? { secondFactor } : {}) });
  return {
    runtime,
    casefile,
    call,
    code,
    login,
    at: (seconds: number) => (now = new Date(T0.getTime() + seconds * 1000)),
    now: () => now,
  };
}

async function enrolled() {
  const a = await app();
  const begun = await a.call('totp.begin', {});
  expect(await a.code('totp.confirm', { code: '000000' })).toBe('WRONG_SECOND_FACTOR');
  expect(await a.call('totp.status', {})).toEqual({ enabled: false, pending: true });
  expect(await a.call('totp.confirm', { code: codeAt(begun.secret, a.now()) })).toEqual({
    enabled: true,
    pending: false,
  });
  await a.call('session.lock', {});
  return { ...a, secret: begun.secret };
}

describe('TOTP second factor (RFC 6238)', () => {
  it('enrolment gives an otpauth:// URI with the base32 secret, confirmed by one code', async () => {
    const a = await app();
    const r = await a.call('totp.begin', {});
    expect(r.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits in base32
    const uri = new URL(r.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(r.secret);
    expect(uri.searchParams.get('issuer')).toBe('Yorisoi');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('admin');
    // full-width digits typed with an IME count
    const fw = codeAt(r.secret, a.now()).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(await a.call('totp.confirm', { code: fw })).toMatchObject({ enabled: true });
    expect(await a.code('totp.begin', {})).toBe('CONFLICT');
  });

  it('sign-in asks for the code, accepts a current one once, and refuses a reused one', async () => {
    const a = await enrolled();
    expect(await a.login()).toBe('SECOND_FACTOR_REQUIRED');
    a.at(60);
    const c = codeAt(a.secret, a.now());
    expect(await a.login(c)).toBe('ok');
    expect((await a.call('session.status', {})).unlocked).toBe(true);
    await a.call('session.lock', {});
    expect(await a.login(c)).toBe('WRONG_SECOND_FACTOR'); // same 30-second step: replay refused
    a.at(95);
    expect(await a.login(codeAt(a.secret, a.now()))).toBe('ok');
  });

  it('wrong codes count towards the same lockout as wrong passphrases', async () => {
    const a = await enrolled();
    a.at(40);
    expect(await a.login('111111')).toBe('WRONG_SECOND_FACTOR');
    expect(await a.login('222222')).toBe('WRONG_SECOND_FACTOR');
    expect(await a.login()).toBe('SECOND_FACTOR_REQUIRED'); // asking is not a failure
    expect(await a.login('333333')).toBe('WRONG_SECOND_FACTOR');
    a.at(45);
    expect(await a.login(codeAt(a.secret, a.now()))).toBe('SIGNIN_LOCKED'); // even the right code waits
    a.at(75);
    expect(await a.login(codeAt(a.secret, a.now()))).toBe('ok');
    expect(JSON.parse(readFileSync(throttlePath(a.casefile), 'utf8'))).toEqual({});
    const failed = await a.call('audit.list', { action: 'login.second-factor-failed' });
    expect(failed.total).toBe(3);
  });

  it('the secret exists only inside the encrypted case file and never syncs', async () => {
    const a = await enrolled();
    a.at(60);
    expect(await a.login(codeAt(a.secret, a.now()))).toBe('ok');
    await a.runtime.lock();
    for (const f of [a.casefile, `${a.casefile}-wal`, `${a.casefile}.keys`, throttlePath(a.casefile)]) {
      if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(a.secret))).toBe(false);
    }
    expect(Object.values(ENTITY_TABLES)).not.toContain('staff_totp');
    const cf = await CaseFile.unlock({
      casefile: a.casefile,
      login: ADMIN.login,
      passphrase: ADMIN.passphrase,
      secondFactor: codeAt(a.secret, new Date(T0.getTime() + 120_000)),
      now: new Date(T0.getTime() + 120_000),
    });
    const ops = cf.sqlite
      .prepare(`SELECT count(*) AS n FROM op_log WHERE fields LIKE ?`)
      .get(`%${a.secret}%`);
    expect(ops).toEqual({ n: 0 });
    await cf.lock();
  });

  it('turning it off needs a current code', async () => {
    const a = await enrolled();
    a.at(60);
    await a.login(codeAt(a.secret, a.now()));
    expect(await a.code('totp.disable', { code: '123456' })).toBe('WRONG_SECOND_FACTOR');
    a.at(120);
    expect(await a.call('totp.disable', { code: codeAt(a.secret, a.now()) })).toEqual({
      enabled: false,
      pending: false,
    });
    await a.call('session.lock', {});
    expect(await a.login()).toBe('ok');
  });

  it('an administrator resets another account’s second factor; others may not; it is logged', async () => {
    const a = await app();
    const sato = await a.call('staff.add', {
      login: 'sato',
      displayName: '佐藤',
      role: 'counselor',
      passphrase: 'sato passphrase 2025',
    });
    const adminId = (await a.call('session.status', {})).user!.staffId;
    await a.call('session.lock', {});
    expect(await a.login(undefined, 'sato', 'sato passphrase 2025')).toBe('ok');
    const { secret } = await a.call('totp.begin', {});
    await a.call('totp.confirm', { code: codeAt(secret, a.now()) });
    expect(await a.code('totp.reset', { staffId: adminId })).toBe('FORBIDDEN');
    expect(await a.code('totp.accounts', {})).toBe('FORBIDDEN');
    await a.call('session.lock', {});
    expect(await a.login(undefined, 'sato', 'sato passphrase 2025')).toBe('SECOND_FACTOR_REQUIRED');

    expect(await a.login()).toBe('ok');
    expect(await a.call('totp.accounts', {})).toEqual([{ staffId: sato.id, enabled: true }]);
    expect(await a.code('totp.reset', { staffId: adminId })).toBe('FORBIDDEN'); // own: disable with a code
    expect(await a.call('totp.reset', { staffId: sato.id })).toEqual({ ok: true });
    const log = await a.call('audit.list', { action: 'totp.reset' });
    expect(log.rows[0]).toMatchObject({ login: 'admin', entityId: sato.id });
    await a.call('session.lock', {});
    expect(await a.login(undefined, 'sato', 'sato passphrase 2025')).toBe('ok');
  });

  it('the recovery code opens an account whose phone and passphrase are both lost', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const casefile = join(t.dir, 'c.yorisoi');
    const { caseFile, recoveryCode } = await CaseFile.create({ casefile, centerName: 'C', ...ADMIN });
    await caseFile.db
      .insertInto('staff_totp')
      .values({ staff_id: caseFile.staff.id, secret: 'JBSWY3DPEHPK3PXP', state: 'active', created_at: '' })
      .execute();
    await caseFile.lock();
    await expect(
      CaseFile.unlock({ casefile, login: 'admin', passphrase: ADMIN.passphrase }),
    ).rejects.toMatchObject({
      code: 'SECOND_FACTOR_REQUIRED',
    });
    await CaseFile.recover({
      casefile,
      recoveryCode,
      login: 'admin',
      newPassphrase: 'a brand new passphrase 1',
    });
    const cf = await CaseFile.unlock({ casefile, login: 'admin', passphrase: 'a brand new passphrase 1' });
    expect(cf.verifyAuditChain().ok).toBe(true);
    await cf.lock();
  });
});
