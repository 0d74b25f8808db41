import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../electron/app/compose';
import { runCli } from '../../electron/cli/run-cli';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { errorCode } from '../fixtures/service-fixture';
import { tempDir } from '../fixtures/temp-casefile';

const PASS = 'cli letter passphrase 長い';

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

describe('CLI: letter issue / register', () => {
  let dir = '';
  let cleanup = () => {};
  let casefile = '';
  let withConsent = '';
  let without = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    casefile = join(dir, 'c.yorisoi');
    process.env.YORISOI_PASSPHRASE = PASS;
    await cli(
      'init',
      '--casefile',
      casefile,
      '--center',
      'みどり県難病相談支援センター',
      '--login',
      'admin',
      '--name',
      '管理 花子',
    );
    // the case, the referrals and one consent, through the same contract the app uses
    const { runtime, dispatcher } = composeApp({ casefile, now: () => new Date('2025-06-02T12:00:00') });
    await runtime.login('admin', PASS);
    const call = async <C extends ChannelName>(c: C, i: ChannelInput<C>) => {
      const r = await dispatcher.dispatch(c, i);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.data as ChannelOutput<C>;
    };
    const seeded = await seedLetterCase(call);
    const a = await call('referral.create', {
      consultationId: seeded.consultation.id,
      institutionId: seeded.inst.healthCenter.id,
      requestedOn: '2025-06-02',
    });
    await call('consent.record', {
      personId: seeded.personId,
      recipientIds: [seeded.inst.healthCenter.id],
      dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
      method: 'written',
      obtainedOn: '2025-06-02',
    });
    const b = await call('referral.create', {
      consultationId: seeded.consultation.id,
      institutionId: seeded.inst.hospital.id,
      requestedOn: '2025-06-02',
    });
    withConsent = a.id;
    without = b.id;
    await runtime.lock();
  }, 120_000);
  afterAll(() => {
    delete process.env.YORISOI_PASSPHRASE;
    cleanup();
  });

  it('help lists the letter commands', async () => {
    const help = (await cli('help')).join('\n');
    expect(help).toContain('letter issue');
    expect(help).toContain('letter register');
  });

  it('issues a letter with consent and saves its PDF; the register lists it', async () => {
    const out = join(dir, 'letter.pdf');
    const lines = await cli(
      'letter',
      'issue',
      '--casefile',
      casefile,
      '--login',
      'admin',
      '--referral',
      withConsent,
      '--out',
      out,
    );
    expect(lines[0]).toMatch(/^み難相第R\d+-[A-Z]{2}-0001号\t/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const reg = JSON.parse(
      (await cli('letter', 'register', '--casefile', casefile, '--login', 'admin', '--json')).join('\n'),
    );
    expect(reg.total).toBe(1);
    expect(reg.rows[0]).toMatchObject({
      copies: 1,
      overrideReason: null,
    });
    expect(reg.rows[0].documentNumber).toMatch(/^み難相第R\d+-[A-Z]{2}-0001号$/);
  });

  it('refuses without consent (coded), and issues under the emergency exception with a reason', async () => {
    const out = join(dir, 'emergency.pdf');
    const args = [
      'letter',
      'issue',
      '--casefile',
      casefile,
      '--login',
      'admin',
      '--referral',
      without,
      '--out',
      out,
    ];
    expect(await errorCode(cli(...args))).toBe('CONSENT_REQUIRED');
    expect(await errorCode(cli(...args, '--emergency-reason', ' '))).toBe('OVERRIDE_REASON_REQUIRED');
    const lines = await cli(
      ...args,
      '--emergency-reason',
      '呼吸状態の急変により本人の意思確認ができないため',
    );
    expect(lines.join('\n')).toContain('emergency exception'); // English: YORISOI_LANG=en in tests
    const reg = JSON.parse(
      (await cli('letter', 'register', '--casefile', casefile, '--login', 'admin', '--json')).join('\n'),
    );
    expect(reg.rows[0].overrideReason).toBe('呼吸状態の急変により本人の意思確認ができないため');
  });
});
