import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { delayAfter, throttlePath } from '../../db/signin-throttle';
import { AppError } from '../../shared/errors';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const at = (s: number) => new Date(Date.UTC(2025, 5, 2, 9, 0, s));
async function attempt(casefile: string, passphrase: string, now: Date): Promise<string> {
  try {
    const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase, now });
    await cf.lock();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('sign-in lockout with growing delays', () => {
  it('delays grow from 30 s after three failures and stop at 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000]);
    expect(delayAfter(40)).toBe(15 * 60_000);
  });

  it('after three wrong passphrases even the right one waits; success clears the count', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { casefile, caseFile } = await newCaseFile(t.dir);
    await caseFile.lock();
    expect(await attempt(casefile, 'wrong 1 wrong 1', at(0))).toBe('WRONG_PASSPHRASE');
    expect(await attempt(casefile, 'wrong 2 wrong 2', at(1))).toBe('WRONG_PASSPHRASE');
    expect(await attempt(casefile, 'wrong 3 wrong 3', at(2))).toBe('WRONG_PASSPHRASE');
    expect(await attempt(casefile, ADMIN.passphrase, at(10))).toBe('SIGNIN_LOCKED');
    expect(await attempt(casefile, ADMIN.passphrase, at(33))).toBe('ok');
    expect(JSON.parse(readFileSync(throttlePath(casefile), 'utf8'))).toEqual({});
    // the counter file names logins only: nothing about patients
    expect(existsSync(throttlePath(casefile))).toBe(true);
  });

  it('a fourth failure doubles the wait', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { casefile, caseFile } = await newCaseFile(t.dir);
    await caseFile.lock();
    for (let i = 0; i < 3; i++) await attempt(casefile, `bad passphrase ${i}`, at(i));
    expect(await attempt(casefile, 'bad passphrase 4', at(40))).toBe('WRONG_PASSPHRASE'); // 4th failure → 60 s
    expect(await attempt(casefile, ADMIN.passphrase, at(90))).toBe('SIGNIN_LOCKED');
    expect(await attempt(casefile, ADMIN.passphrase, at(101))).toBe('ok');
  });
});
