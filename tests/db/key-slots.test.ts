import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { AppError } from '../../shared/errors';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

const unlock = (casefile: string, login: string, passphrase: string) =>
  CaseFile.unlock({ casefile, login, passphrase });

async function rejects(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe('key slots', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  let recoveryCode = '';
  let cf: CaseFile;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    ({ casefile, caseFile: cf, recoveryCode } = await newCaseFile(dir));
  });
  afterEach(async () => {
    await cf.lock();
    cleanup();
  });

  it('shows a 32-character recovery code in groups of four', () => {
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('adds and removes a slot; the removed login can no longer unlock', async () => {
    await cf.addSlot('sato', 'sato no passphrase 1');
    await cf.db
      .insertInto('staff')
      .values({
        id: 's2',
        login: 'sato',
        display_name: '佐藤',
        role: 'counselor',
        profession: null,
        active: 1,
        created_at: '',
        updated_at: '',
      })
      .execute();
    const sato = await unlock(casefile, 'sato', 'sato no passphrase 1');
    expect(sato.staff.display_name).toBe('佐藤');
    await sato.lock();
    await rejects(cf.addSlot('SATO', 'another passphrase'), 'LOGIN_EXISTS');
    await cf.removeSlot('sato');
    await rejects(unlock(casefile, 'sato', 'sato no passphrase 1'), 'UNKNOWN_LOGIN');
    await rejects(cf.removeSlot('admin'), 'LAST_ADMIN_SLOT');
  });

  it('changes a passphrase: the old one stops working, the new one works', async () => {
    await rejects(
      cf.changePassphrase('admin', 'wrong old passphrase', 'a brand new passphrase'),
      'WRONG_PASSPHRASE',
    );
    await cf.changePassphrase('admin', ADMIN.passphrase, 'a brand new passphrase');
    await rejects(unlock(casefile, 'admin', ADMIN.passphrase), 'WRONG_PASSPHRASE');
    const again = await unlock(casefile, 'admin', 'a brand new passphrase');
    await again.lock();
  });

  it('recovers with the recovery code (typed loosely) when the passphrase is lost', async () => {
    await cf.lock();
    await rejects(
      CaseFile.recover({
        casefile,
        recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
        login: 'admin',
        newPassphrase: 'recovered passphrase',
      }),
      'WRONG_RECOVERY_CODE',
    );
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    await CaseFile.recover({
      casefile,
      recoveryCode: typed,
      login: 'admin',
      newPassphrase: 'recovered passphrase',
    });
    await rejects(unlock(casefile, 'admin', ADMIN.passphrase), 'WRONG_PASSPHRASE');
    cf = await unlock(casefile, 'admin', 'recovered passphrase');
    const audit = await cf.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('keyslot.recover');
  });

  it('rotates the data key: data kept, every slot still opens, old recovery code dead, old key useless', async () => {
    await cf.db.insertInto('meta').values({ key: 'kept', value: '残るデータ' }).execute();
    await cf.addSlot('sato', 'sato no passphrase 1');
    await cf.db
      .insertInto('staff')
      .values({
        id: 's2',
        login: 'sato',
        display_name: '佐藤',
        role: 'counselor',
        profession: null,
        active: 1,
        created_at: '',
        updated_at: '',
      })
      .execute();
    const headBefore = readFileSync(casefile).subarray(0, 64);
    const { recoveryCode: newCode } = await cf.rotateDataKey();
    expect(newCode).not.toBe(recoveryCode);
    expect(readFileSync(casefile).subarray(0, 64).equals(headBefore)).toBe(false);
    await cf.lock();
    const sato = await unlock(casefile, 'sato', 'sato no passphrase 1'); // re-sealed without sato's passphrase
    await sato.lock();
    await rejects(
      CaseFile.recover({ casefile, recoveryCode, login: 'admin', newPassphrase: 'recovered passphrase' }),
      'WRONG_RECOVERY_CODE',
    );
    cf = await unlock(casefile, 'admin', ADMIN.passphrase);
    const kept = await cf.db.selectFrom('meta').select('value').where('key', '=', 'kept').executeTakeFirst();
    expect(kept?.value).toBe('残るデータ');
    expect((await cf.integrityCheck()).ok).toBe(true);
  });

  it('lock closes the file and refuses further work', async () => {
    await cf.lock();
    expect(cf.locked).toBe(true);
    expect(cf.sqlite.open).toBe(false);
    await rejects(cf.integrityCheck(), 'LOCKED');
    await rejects(cf.addSlot('x', 'long enough passphrase'), 'LOCKED');
  });

  it('integrity check reports ok and the schema version', async () => {
    const r = await cf.integrityCheck();
    expect(r).toMatchObject({ ok: true, problems: [] });
    expect(r.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});
