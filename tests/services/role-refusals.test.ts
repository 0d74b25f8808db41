import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_ACCESS } from '../../shared/channel-access';
import { CHANNEL_NAMES, CHANNELS, type ChannelName } from '../../shared/contract';
import { can, PERMISSIONS, type Permission } from '../../shared/permissions';
import { EVENT_KINDS } from '../../shared/contract/events';
import {
  CONSULTATION_METHODS,
  CONSULTER_RELATIONSHIPS,
  INSTITUTION_TYPES,
  OUTCOMES,
} from '../../shared/vocab';
import { STAFF_ROLES, type StaffRole } from '../../shared/vocab/staff-roles';
import { serviceFixture } from '../fixtures/service-fixture';

const ID = '0190a000-0000-7000-8000-000000000001';
const DIR = '/nonexistent/yorisoi-role-test';

/** A valid input (by the contract) for every channel that needs a permission. */
const CONSULTATION = {
  receivedAt: '2025-06-02T10:00',
  method: CONSULTATION_METHODS[0]!.code,
  consulter: CONSULTER_RELATIONSHIPS[0]!.code,
};
const EVENT = { kind: EVENT_KINDS[0]!.code, title: 'x', date: '2025-06-10' };
const INSTITUTION = { type: INSTITUTION_TYPES[0]!.code, name: 'x' };
const SAMPLE: Partial<Record<ChannelName, unknown>> = {
  'consultation.record': CONSULTATION,
  'consultation.update': { id: ID, expectedVersion: 1, changes: CONSULTATION },
  'consultation.linkCase': { id: ID, caseId: null },
  'person.search': {},
  'person.get': { id: ID },
  'person.timeline': { id: ID },
  'person.create': { name: '試験 太郎', residence: 'in_pref' },
  'person.update': { id: ID, expectedVersion: 1, changes: { residence: 'in_pref' } },
  'followup.create': { title: 'x', dueDate: '2025-06-10' },
  'followup.reschedule': { id: ID, dueDate: '2025-06-10' },
  'followup.reassign': { id: ID, ownerId: ID },
  'followup.cancel': { id: ID },
  'followup.complete': { id: ID },
  'case.open': { title: 'x' },
  'case.close': { id: ID, outcome: OUTCOMES[0]!.code },
  'case.list': {},
  'event.create': EVENT,
  'event.update': { id: ID, expectedVersion: 1, changes: EVENT },
  'institution.list': {},
  'institution.healthCenterFor': { municipalityCode: '131016' },
  'institution.create': INSTITUTION,
  'institution.update': { id: ID, expectedVersion: 1, changes: INSTITUTION },
  'institution.setActive': { id: ID, active: false },
  'staff.add': {
    login: 'newbie',
    displayName: 'x',
    role: 'counselor',
    passphrase: 'a long enough passphrase 1',
  },
  'staff.update': { id: ID },
  'staff.deactivate': { id: ID },
  'totp.reset': { staffId: ID },
  'totp.accounts': {},
  'audit.list': {},
  'audit.verify': {},
  'audit.export': {},
  'report.build': { fiscalYear: 2025 },
  'report.export': { fiscalYear: 2025, format: 'csv' },
  'sync.exportCard': { path: `${DIR}/card` },
  'sync.previewCard': { path: `${DIR}/card` },
  'sync.addPeer': { path: `${DIR}/card` },
  'sync.updatePeer': { peer: ID },
  'sync.removePeer': { peer: ID },
  'sync.setFolder': { folder: DIR },
  'sync.setMode': { mode: 'center' },
  'sync.exportBundle': { peer: ID, path: `${DIR}/b.age` },
  'sync.importBundle': { path: `${DIR}/b.age` },
  'sync.exportReceipt': { peer: ID, path: `${DIR}/r.age` },
  'sync.importReceipt': { path: `${DIR}/r.age` },
  'sync.importFolder': {},
  'sync.conflicts': {},
  'sync.resolveConflict': { id: ID, choice: 'keep' },
  'sync.applyPending': {},
  'sync.status': {},
  'sync.exportLog': {},
  'sync.centerSummary': {},
  'backup.run': { folder: DIR },
  'backup.setFolder': { folder: DIR },
};

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
