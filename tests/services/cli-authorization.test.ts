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
