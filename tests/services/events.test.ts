import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { createEvent, recordConsultation, updateEvent } from '../fixtures/in-use-case';
import { listEvents } from '../../electron/services/events/list-events';
import { CHANNELS } from '../../shared/contract';
import type { EventInput } from '../../shared/contract/events';
import { errorCode, serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;
const parse = (i: EventInput) => CHANNELS['event.create'].input.parse(i);

const OUTREACH: EventInput = {
  kind: 'outreach_consultation',
  title: '出張相談会（秩父）',
  date: '2025-07-12',
  place: '秩父市保健センター',
  organisers: [{ name: '秩父保健所' }, { name: 'ALS協会埼玉県支部' }],
};

async function rows(fx: Fx, table: 'op_log' | 'audit_log') {
  return fx.admin.db.selectFrom(table).selectAll().execute();
}

describe('events', () => {
  let fx: Fx;
  beforeEach(async () => (fx = await serviceFixture('2025-07-01')));
  afterEach(() => fx.close());

  it('create writes the row, one op and one audit entry together', async () => {
    const ops = (await rows(fx, 'op_log')).length;
    const audits = (await rows(fx, 'audit_log')).length;
    const e = await createEvent(fx.admin, parse(OUTREACH));
    expect(e).toMatchObject({
      kind: 'outreach_consultation',
      title: '出張相談会（秩父）',
      date: '2025-07-12',
      place: '秩父市保健センター',
      organisers: [
        { name: '秩父保健所', institutionId: null },
        { name: 'ALS協会埼玉県支部', institutionId: null },
      ],
      participants: null,
      consultationCount: 0,
      version: 1,
    });
    const op = (await rows(fx, 'op_log')).slice(ops);
    expect(op).toHaveLength(1);
    expect(op[0]).toMatchObject({ entity: 'event', entity_id: e.id });
    expect(JSON.parse(op[0]!.fields)).toMatchObject({ kind: 'outreach_consultation', date: '2025-07-12' });
    const audit = (await rows(fx, 'audit_log')).slice(audits);
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([['event.create', e.id]]);
  });

  it('update needs the version it started from, writes only changed fields, and counts consultations at the event', async () => {
    const e = await createEvent(fx.admin, parse(OUTREACH));
    await recordConsultation(
      fx.admin,
      CHANNELS['consultation.record'].input.parse({
        receivedAt: '2025-07-12T10:30',
        method: 'outreach',
        siteKind: 'outreach',
        eventId: e.id,
        consulter: 'self',
      }),
    );
    const next = await updateEvent(fx.admin, e.id, 1, parse({ ...OUTREACH, participants: 14 }));
    expect(next).toMatchObject({ participants: 14, version: 2, consultationCount: 1 });
    const op = await fx.admin.db
      .selectFrom('op_log')
      .select('fields')
      .where('entity_id', '=', e.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(op.fields)).sort()).toEqual(['participants', 'updated_at', 'updated_by']);
    expect(await errorCode(updateEvent(fx.admin, e.id, 1, parse({ ...OUTREACH, participants: 15 })))).toBe(
      'CONFLICT',
    );
    // nothing changed: no new version
    expect((await updateEvent(fx.admin, e.id, 2, parse({ ...OUTREACH, participants: 14 }))).version).toBe(2);
    expect(
      await errorCode(updateEvent(fx.admin, '01900000-0000-7000-8000-000000000000', 1, parse(OUTREACH))),
    ).toBe('NOT_FOUND');
  });

  it('list: newest first, by dates and kind', async () => {
    await createEvent(fx.admin, parse(OUTREACH));
    await createEvent(fx.admin, parse({ kind: 'exchange_meeting', title: '交流会', date: '2025-09-01' }));
    await createEvent(fx.admin, parse({ kind: 'lecture', title: '講演会', date: '2026-04-02' }));
    expect((await listEvents(fx.admin, {})).map((e) => e.date)).toEqual([
      '2026-04-02',
      '2025-09-01',
      '2025-07-12',
    ]);
    expect(
      (await listEvents(fx.admin, { from: '2025-04-01', to: '2026-03-31' })).map((e) => e.title),
    ).toEqual(['交流会', '出張相談会（秩父）']);
    expect((await listEvents(fx.admin, { kind: 'lecture' })).map((e) => e.title)).toEqual(['講演会']);
  });

  it('writes need case.manage; every role may list', async () => {
    await createEvent(fx.admin, parse(OUTREACH));
    await fx.addStaff('peer', 'peer_supporter', 'ピア', 'peer_supporter');
    await fx.addStaff('viewer', 'read_only', '閲覧', 'clerical');
    const peer = await fx.as('peer');
    expect(await errorCode(createEvent(peer, parse(OUTREACH)))).toBe('FORBIDDEN');
    expect(await listEvents(peer, {})).toHaveLength(1);
    const viewer = await fx.as('viewer');
    expect(await errorCode(createEvent(viewer, parse(OUTREACH)))).toBe('FORBIDDEN');
  });

  it('the contract rejects an unknown kind, a bad date and a negative participant count', async () => {
    const d = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
    for (const bad of [
      { ...OUTREACH, kind: 'party' },
      { ...OUTREACH, date: '2025-02-30' },
      { ...OUTREACH, participants: -1 },
      { ...OUTREACH, title: '  ' },
    ]) {
      const r = await d.dispatch('event.create', bad);
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
    }
    const ok = await d.dispatch('event.list', {});
    expect(ok).toEqual({ ok: true, data: [] });
  });

  it('intake can pick an event as its site: it must exist, and makes the consultation outreach; the event lists its consultations', async () => {
    const d = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
    const e = await createEvent(fx.admin, parse(OUTREACH));
    const at = { receivedAt: '2025-07-12T11:00', method: 'outreach', consulter: 'self' };
    const count = async () =>
      (
        await fx.admin.db
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const unknown = await d.dispatch('consultation.record', {
      ...at,
      siteKind: 'outreach',
      eventId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
    const atCenter = await d.dispatch('consultation.record', { ...at, siteKind: 'center', eventId: e.id });
    expect(atCenter.ok ? 'ok' : atCenter.error.code).toBe('INVALID_INPUT');
    expect(await count()).toBe(before); // refused inputs wrote nothing
    const ok = await d.dispatch('consultation.record', { ...at, siteKind: 'outreach', eventId: e.id });
    expect(ok.ok).toBe(true);
    await d.dispatch('consultation.record', { ...at, receivedAt: '2025-07-12T12:00' }); // at the center
    const listed = await d.dispatch('consultation.list', { eventId: e.id });
    if (!listed.ok) throw new Error(listed.error.code);
    const page = listed.data as { total: number; rows: { receivedAt: string }[] };
    expect(page.total).toBe(1);
    expect(page.rows[0]!.receivedAt).toBe('2025-07-12T11:00:00');
    expect((await listEvents(fx.admin, {}))[0]!.consultationCount).toBe(1);
  });
});
