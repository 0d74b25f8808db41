import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUseCase } from '../../electron/services/unit-of-work';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { serviceFixture } from '../fixtures/service-fixture';

/**
 * The case file has one connection, and a write use case's transaction holds it. A use case
 * that reads through the case file (or the session) instead of its unit of work would wait for
 * that connection for ever: the counselor's save would hang with the app. It must fail at once
 * instead, with nothing written, and the app go on.
 */
describe('a write that reaches past its unit of work', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeAll(async () => {
    fx = await serviceFixture();
  });
  afterAll(() => fx.close());

  const write = CHANNEL_POLICY['consultation.record'];
  const probe = async () =>
    (
      await fx.runtime
        .context()
        .db.selectFrom('meta')
        .select('value')
        .where('key', '=', 'guard_probe')
        .executeTakeFirst()
    )?.value ?? null;

  it('fails at once instead of waiting for the connection its own transaction holds', async () => {
    const session = fx.runtime.context();
    const call = runUseCase(session, write, async (uow) => {
      await uow.db.insertInto('meta').values({ key: 'guard_probe', value: 'written' }).execute();
      return uow.caseFile.centerName(); // the session's connection, not the transaction
    });
    await expect(call).rejects.toThrow(/holds the connection/);
    expect(await probe()).toBeNull(); // rolled back
    // the app goes on: the next use case runs
    const name = await runUseCase(session, CHANNEL_POLICY['consultation.get'], (uow) =>
      uow.caseFile.centerName(),
    );
    expect(name).toBe('テスト難病相談支援センター');
  });

  it('work a use case leaves for later (a timer) reads normally once the transaction is over', async () => {
    const session = fx.runtime.context();
    let later: Promise<string> | null = null;
    await runUseCase(session, write, async () => {
      later = new Promise((resolve, reject) =>
        setTimeout(() => session.caseFile.centerName().then(resolve, reject), 50),
      );
    });
    expect(await later).toBe('テスト難病相談支援センター');
  });
});
