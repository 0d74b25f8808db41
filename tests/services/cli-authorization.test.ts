import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { AppError } from '../../shared/errors';
import { PASS, serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

/**
 * From the attacker's side: a signed-in account without the permission runs a CLI command that
 * writes. The CLI is a door of the dispatcher like the app, so the channel's policy refuses it
 * and the case file is left as it was.
 */
describe('CLI commands are authorized by the channel policy', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let casefile = '';
  beforeAll(async () => {
    fx = await serviceFixture();
    await fx.addStaff('viewer', 'read_only', '閲覧 専用');
    casefile = fx.runtime.casefile;
    await fx.runtime.lock();
    process.env.YORISOI_PASSPHRASE = PASS;
  });
  afterAll(async () => {
    delete process.env.YORISOI_PASSPHRASE;
    await fx.close();
  });

  async function snapshot() {
    const ctx = await fx.runtime.login(ADMIN.login, ADMIN.passphrase);
    const count = async (t: 'consultations' | 'persons' | 'institutions' | 'events' | 'staff' | 'op_log') =>
      Number(
        (
          await ctx.db
            .selectFrom(t)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const demo = await ctx.db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
    const out = {
      demo: demo?.value ?? null,
      consultations: await count('consultations'),
      persons: await count('persons'),
      institutions: await count('institutions'),
      events: await count('events'),
      staff: await count('staff'),
      ops: await count('op_log'),
    };
    await fx.runtime.lock();
    return out;
  }

  for (const n of ['0', '3']) {
    it(`a read-only account's \`yorisoi demo --consultations ${n}\` is FORBIDDEN and changes nothing`, async () => {
      const before = await snapshot();
      const lines: string[] = [];
      const err = await runCli(
        ['demo', '--casefile', casefile, '--login', 'viewer', '--consultations', n],
        (l) => lines.push(l),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect(before.demo).toBeNull();
    });
  }
});

/**
 * A nurse (the counselor role) at the terminal tries what only an administrator may: read or
 * export the audit log, swap the case file for an older snapshot, rotate the data key. Each is
 * refused with FORBIDDEN by the channel's policy, no file is written or replaced, and the log
 * holds nothing but her sign-in (these channels declare no refusal entry).
 */
describe("a nurse's administrator commands at the CLI", () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let casefile = '';
  let backups = '';
  let snapshotFile = '';
  beforeAll(async () => {
    fx = await serviceFixture();
    await fx.addStaff('nurse', 'counselor', '看護 花子', 'nurse');
    casefile = fx.runtime.casefile;
    backups = join(fx.dir, 'backups');
    mkdirSync(backups);
    await fx.runtime.lock();
    process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
    await runCli(['backup', '--casefile', casefile, '--login', ADMIN.login, '--to', backups], () => {});
    snapshotFile = join(backups, readdirSync(backups)[0]!);
    process.env.YORISOI_PASSPHRASE = PASS;
  });
  afterAll(async () => {
    delete process.env.YORISOI_PASSPHRASE;
    delete process.env.YORISOI_NEW_PASSPHRASE;
    await fx.close();
  });

  const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

  /** The log without sign-ins, the staff rows, the key slots and the backup folder. */
  async function state() {
    const ctx = await fx.runtime.login(ADMIN.login, ADMIN.passphrase);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'login'])
      .where('action', '!=', 'login')
      .orderBy('id')
      .execute();
    const staff = await ctx.db
      .selectFrom('staff')
      .select(['login', 'role', 'active'])
      .orderBy('login')
      .execute();
    // the key slots themselves (a sign-in moves the file's audit anchor, not a slot)
    const keys = createHash('sha256')
      .update(
        JSON.stringify((JSON.parse(readFileSync(ctx.caseFile.keysPath, 'utf8')) as { slots: unknown }).slots),
      )
      .digest('hex');
    await fx.runtime.lock();
    return { audit, staff, keys, backups: readdirSync(backups).sort() };
  }

  const attempts: [string, string[]][] = [
    ['audit export', ['audit', 'export', '--out', 'EXPORT']],
    ['audit verify', ['audit', 'verify']],
    ['restore', ['restore', '--from', 'SNAPSHOT']],
    ['rotate-key', ['rotate-key']],
  ];
  for (const [name, args] of attempts) {
    it(`\`yorisoi ${name}\` is FORBIDDEN and changes nothing`, async () => {
      const out = join(fx.dir, `audit-${name.replace(/ /g, '-')}.csv`);
      const argv = args.map((a) => (a === 'EXPORT' ? out : a === 'SNAPSHOT' ? snapshotFile : a));
      const before = await state();
      const fileBefore = hash(casefile);
      const err = await runCli([...argv, '--casefile', casefile, '--login', 'nurse'], () => {}).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('FORBIDDEN');
      expect(existsSync(out)).toBe(false);
      expect(await state()).toEqual(before);
      // the case file was not replaced by the snapshot (its bytes differ only by the sign-ins)
      expect(hash(casefile) === hash(snapshotFile)).toBe(false);
      expect(fileBefore).not.toBe(hash(snapshotFile));
    });
  }

  it('`yorisoi passphrase` is her own to change, and logged as the channel declares', async () => {
    const before = await state();
    process.env.YORISOI_NEW_PASSPHRASE = 'a new passphrase for the nurse 2025';
    try {
      await runCli(['passphrase', '--casefile', casefile, '--login', 'nurse'], () => {});
    } finally {
      delete process.env.YORISOI_NEW_PASSPHRASE;
    }
    const after = await state();
    expect(after.audit.slice(before.audit.length)).toEqual([
      { action: 'keyslot.passphrase', login: 'nurse' },
      { action: 'session.change-passphrase', login: 'nurse' },
    ]);
    await fx.runtime.login('nurse', 'a new passphrase for the nurse 2025');
    await fx.runtime.lock();
  });
});
