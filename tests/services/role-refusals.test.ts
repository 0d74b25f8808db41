import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_ACCESS } from '../../shared/channel-access';
import { CHANNEL_NAMES, CHANNELS, type ChannelName } from '../../shared/contract';
import { can, PERMISSIONS, type Permission } from '../../shared/permissions';
import { STAFF_ROLES, type StaffRole } from '../../shared/vocab/staff-roles';
import { SAMPLE } from '../fixtures/channel-samples';
import { serviceFixture } from '../fixtures/service-fixture';

const gated = Object.entries(CHANNEL_ACCESS).filter(
  (e): e is [ChannelName, Permission] => typeof e[1] === 'string' && e[1] in PERMISSIONS,
);
const roles = STAFF_ROLES.map((r) => r.code as StaffRole);

describe('the permission table covers every channel', () => {
  it('every contract channel has an access rule, and every rule names a real channel', () => {
    const missing = CHANNEL_NAMES.filter((c) => !(c in CHANNEL_ACCESS));
    expect(missing, 'classify these channels in shared/channel-access.ts').toEqual([]);
    expect(Object.keys(CHANNEL_ACCESS).filter((c) => !(c in CHANNELS))).toEqual([]);
  });

  it('locked channels are exactly those that work without a session', () => {
    for (const c of CHANNEL_NAMES) {
      expect(CHANNEL_ACCESS[c] === 'locked', c).toBe(CHANNELS[c].auth === 'none');
    }
  });

  it('every permission-gated channel has a sample input the contract accepts', () => {
    for (const [c] of gated) {
      expect(CHANNELS[c].input.safeParse(SAMPLE[c]).success, c).toBe(true);
    }
  });
});

describe('each role is refused what its role does not hold (real dispatcher, real use cases)', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  const dispatcher = () => createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
  beforeAll(async () => {
    fx = await serviceFixture();
    for (const r of roles) if (r !== 'administrator') await fx.addStaff(`as-${r}`, r);
  });
  afterAll(() => fx.close());

  for (const role of roles) {
    const refused = gated.filter(([, p]) => !can(role, p));
    it(`${role}: ${refused.length} channels answer FORBIDDEN and change nothing`, async () => {
      await fx.as(role === 'administrator' ? 'admin' : `as-${role}`);
      const d = dispatcher();
      const auditBefore = await fx.runtime.context().db.selectFrom('audit_log').select('id').execute();
      const answers: Record<string, string> = {};
      for (const [c] of refused) {
        const r = await d.dispatch(c, SAMPLE[c]);
        answers[c] = r.ok ? 'ok' : r.error.code;
      }
      expect(answers).toEqual(Object.fromEntries(refused.map(([c]) => [c, 'FORBIDDEN'])));
      const auditAfter = await fx.runtime.context().db.selectFrom('audit_log').select('id').execute();
      expect(auditAfter.length).toBe(auditBefore.length);
    });
  }

  it('peer supporters see only their own consultations and follow-ups, and no person records', async () => {
    await fx.as('as-peer_supporter');
    const d = dispatcher();
    const list = await d.dispatch('consultation.list', {});
    expect(list.ok).toBe(true);
    const due = await d.dispatch('followup.due', { scope: 'all' });
    expect(due).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await d.dispatch('followup.due', { scope: 'mine' })).toMatchObject({ ok: true });
    expect(await d.dispatch('person.search', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
