import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { CHANNEL_NAMES, CHANNELS } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';

/**
 * shared/channel-access.ts is what the dispatcher runs by, not documentation: every channel
 * has a policy, the dispatcher refuses before the use case runs, and for a channel on a unit
 * of work it owns the one transaction and writes the audit entry the policy names.
 */
describe('every channel has a policy', () => {
  it('each contract channel has one, and only contract channels have one', () => {
    expect(CHANNEL_NAMES.filter((c) => !(c in CHANNEL_POLICY))).toEqual([]);
    expect(Object.keys(CHANNEL_POLICY).filter((c) => !(c in CHANNELS))).toEqual([]);
  });

  it('channels without a session run without a unit of work, and only they', () => {
    for (const c of CHANNEL_NAMES) {
      expect(CHANNEL_POLICY[c].tx === 'none', c).toBe(CHANNELS[c].auth === 'none');
      expect(CHANNEL_POLICY[c].access === 'locked', c).toBe(CHANNELS[c].auth === 'none');
    }
  });
});

describe('the dispatcher applies the policy', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeAll(async () => {
    fx = await serviceFixture();
    await fx.addStaff('peer', 'peer_supporter');
  });
  afterAll(() => fx.close());

  const counts = async () => {
    const db = fx.runtime.context().db;
    const n = async (t: 'persons' | 'audit_log' | 'op_log') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { persons: await n('persons'), audit: await n('audit_log'), ops: await n('op_log') };
  };

  it('a role without the permission is refused before the use case runs', async () => {
    let ran = false;
    const d = createDispatcher(
      fx.runtime,
      {
        ...ALL_HANDLERS,
        'person.create': async (uow, i) => {
          ran = true;
          return ALL_HANDLERS['person.create'](uow, i);
        },
      },
      { logInternal: () => {} },
    );
    await fx.as('peer');
    const before = await counts();
    const r = await d.dispatch('person.create', { name: '難病 花子' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    expect(ran).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("the policy's audit entry commits with the rows, and a failure takes both back", async () => {
    await fx.as('admin');
    const d = createDispatcher(
      fx.runtime,
      {
        ...ALL_HANDLERS,
        // the use case writes through the records and fails afterwards
        'person.update': async (uow, i) => {
          await ALL_HANDLERS['person.create'](uow, { ...i.changes, name: '途中 失敗' } as never);
          throw new Error('disk full');
        },
      },
      { logInternal: () => {} },
    );
    const before = await counts();
    const ok = await d.dispatch('person.create', { name: '難病 太郎' });
    expect(ok.ok).toBe(true);
    const id = ok.ok ? (ok.data as { id: string }).id : '';
    const after = await counts();
    expect(after.persons).toBe(before.persons + 1);
    expect(after.ops).toBeGreaterThan(before.ops);
    const entries = await fx.runtime
      .context()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(entries).toEqual([{ action: 'person.create', entity_id: id }]);

    const failed = await d.dispatch('person.update', {
      id,
      expectedVersion: 1,
      changes: { name: '難病 太郎' },
    });
    expect(failed.ok ? 'ok' : failed.error.code).toBe('INTERNAL');
    expect(await counts()).toEqual(after);
  });
});
