import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCode } from '../fixtures/service-fixture';
import {
  coordinationFixture,
  respiteInput,
  SHIKI,
  VERBAL_CONSENT,
  type CoordinationFx,
} from '../fixtures/coordination-fixture';

let fx: CoordinationFx;
let consultationId = '';
let personId = '';
let hospitals: { a: string; b: string; c: string };

beforeEach(async () => {
  fx = await coordinationFixture();
  await fx.healthCenters();
  hospitals = {
    a: (await fx.hospital('甲病院', 'こうびょういん', 'core_cooperating_hospital', SHIKI)).id,
    b: (await fx.hospital('乙病院', 'おつびょういん', 'hub_hospital', SHIKI)).id,
    c: (await fx.hospital('丙病院', 'へいびょういん', 'nanbyo_cooperating_institution', SHIKI)).id,
  };
  ({ consultationId, personId } = await fx.patientConsultation());
});
afterEach(() => fx.close());

const open = (extra: Parameters<typeof respiteInput>[1] = {}) =>
  fx.call('coordination.open', respiteInput(consultationId, { consent: VERBAL_CONSENT, ...extra }));

const contact = (
  requestId: string,
  institutionId: string,
  at: string,
  answer: 'accepted' | 'refused' | 'pending',
  extra = {},
) =>
  fx.call('coordination.logContact', {
    requestId,
    institutionId,
    contactedAt: at,
    answer,
    ...(answer === 'refused' ? { refusalReason: 'no_beds' as const } : {}),
    ...(answer === 'pending' ? { callBackAt: '2025-06-03T10:00' } : {}),
    ...extra,
  });

async function opsOf(entity: string, id: string) {
  const rows = await fx.runtime
    .context()
    .db.selectFrom('op_log')
    .select('fields')
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => JSON.parse(r.fields) as Record<string, unknown>);
}

describe('a coordination request, from opening to acceptance', () => {
  it('opens for the consultation’s person, with its op and audit entry, in one transaction', async () => {
    const before = await fx.counts();
    const r = await open();
    expect(r).toMatchObject({
      personId,
      personName: '架空 一郎',
      consultationId,
      kind: 'respite',
      reason: 'caregiver_rest',
      requestedOn: '2025-06-02',
      wantedFrom: '2025-06-20',
      wantedTo: '2025-06-27',
      needs: {
        ventilator: 'tppv',
        suction: 'frequent',
        gastrostomy: true,
        careLevel: 'moderate',
        note: null,
      },
      urgency: 'soon',
      ownerId: fx.admin.actor.id,
      consent: { method: 'verbal', date: '2025-06-02', obtainedBy: fx.admin.actor.id, withdrawnOn: null },
      mayContact: true,
      state: 'open',
      contacts: [],
      version: 1,
    });
    expect(await fx.counts()).toEqual({
      ...before,
      requests: 1,
      ops: before.ops + 1,
      audit: before.audit + 1,
    });
    const [op] = await opsOf('coordination_request', r.id);
    expect(op).toMatchObject({ person_id: personId, kind: 'respite', state: 'open', gastrostomy: 1 });
    const audit = await fx.runtime
      .context()
      .db.selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'coordination.open', entity_id: r.id });
    expect(audit.detail).not.toContain('腰痛'); // the audit never holds the free text
  });

  it('logs two refusals and an acceptance, then ends as 受入決定 with the hospital and dates', async () => {
    const r = await open();
    await contact(r.id, hospitals.a, '2025-06-02T09:10', 'refused', {
      refusalReason: 'ventilator',
      refusalNote: '呼吸器の病棟が満床',
    });
    await contact(r.id, hospitals.b, '2025-06-02T09:20', 'refused', { refusalReason: 'no_beds' });
    const after = await contact(r.id, hospitals.c, '2025-06-02T09:30', 'accepted', { note: '6/20から7日間' });
    expect(after.contacts.map((k) => [k.institutionName, k.answer, k.refusalReason])).toEqual([
      ['甲病院', 'refused', 'ventilator'],
      ['乙病院', 'refused', 'no_beds'],
      ['丙病院', 'accepted', null],
    ]);
    const ended = await fx.call('coordination.end', {
      id: r.id,
      outcome: 'accepted',
      institutionId: hospitals.c,
      acceptedFrom: '2025-06-20',
      acceptedTo: '2025-06-26',
    });
    expect(ended).toMatchObject({
      state: 'accepted',
      acceptedInstitutionId: hospitals.c,
      acceptedInstitutionName: '丙病院',
      acceptedFrom: '2025-06-20',
      acceptedTo: '2025-06-26',
      endedOn: '2025-06-02',
      version: 2,
    });
    // the end travels as one group, so a concurrent end elsewhere cannot mix with it
    const ops = await opsOf('coordination_request', r.id);
    expect(Object.keys(ops[1]!).sort()).toEqual(
      [
        'accepted_from',
        'accepted_institution_id',
        'accepted_to',
        'end_note',
        'ended_by',
        'ended_on',
        'state',
        'updated_at',
        'updated_by',
      ].sort(),
    );
    expect(await errorCode(contact(r.id, hospitals.a, '2025-06-02T10:00', 'accepted'))).toBe(
      'COORDINATION_ENDED',
    );
    expect(await errorCode(fx.call('coordination.end', { id: r.id, outcome: 'withdrawn' }))).toBe(
      'COORDINATION_ENDED',
    );
    expect((await fx.call('coordination.list', {})).map((x) => x.id)).toEqual([]);
    expect((await fx.call('coordination.list', { state: 'ended' })).map((x) => x.id)).toEqual([r.id]);
  });

  it('受入決定 needs a hospital whose latest answer is 受入可', async () => {
    const r = await open();
    await contact(r.id, hospitals.a, '2025-06-02T09:00', 'accepted');
    await contact(r.id, hospitals.a, '2025-06-02T11:00', 'refused', { refusalReason: 'no_beds' }); // the bed went
    const before = await fx.counts();
    const end = (institutionId: string) =>
      fx.call('coordination.end', {
        id: r.id,
        outcome: 'accepted',
        institutionId,
        acceptedFrom: '2025-06-20',
      });
    await expect(end(hospitals.a)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ path: 'institutionId' })],
    });
    expect(await errorCode(end(hospitals.b))).toBe('INVALID_INPUT'); // never asked
    expect(await fx.counts()).toEqual(before);
    const withdrawn = await fx.call('coordination.end', {
      id: r.id,
      outcome: 'withdrawn',
      note: '家族が在宅継続を選んだ',
    });
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      acceptedInstitutionId: null,
      endNote: '家族が在宅継続を選んだ',
    });
  });

  it('不成立 ends a request with no hospital; an update changes only what changed', async () => {
    const r = await open();
    const u = await fx.call('coordination.update', {
      id: r.id,
      expectedVersion: 1,
      changes: { ...respiteInput(consultationId), urgency: 'urgent', wantedFrom: '2025-06-10' },
    });
    expect(u).toMatchObject({ urgency: 'urgent', wantedFrom: '2025-06-10', version: 2 });
    const ops = await opsOf('coordination_request', r.id);
    expect(Object.keys(ops[1]!).sort()).toEqual(['updated_at', 'updated_by', 'urgency', 'wanted_from']);
    expect(
      await errorCode(
        fx.call('coordination.update', {
          id: r.id,
          expectedVersion: 1,
          changes: respiteInput(consultationId),
        }),
      ),
    ).toBe('CONFLICT');
    const failed = await fx.call('coordination.end', { id: r.id, outcome: 'failed', endedOn: '2025-06-02' });
    expect(failed.state).toBe('failed');
  });
});

describe('consent: no hospital hears of the patient without it', () => {
  it('refuses a contact without consent with a coded error, and writes nothing', async () => {
    const r = await fx.call('coordination.open', respiteInput(consultationId));
    expect(r).toMatchObject({ consent: null, mayContact: false });
    const before = await fx.counts();
    for (const answer of ['accepted', 'refused', 'pending'] as const) {
      expect(await errorCode(contact(r.id, hospitals.a, '2025-06-02T09:00', answer))).toBe(
        'COORDINATION_NO_CONSENT',
      );
    }
    expect(await fx.counts()).toEqual(before);
    const withConsent = await fx.call('coordination.recordConsent', {
      id: r.id,
      consent: { method: 'written', date: '2025-06-02' },
    });
    expect(withConsent).toMatchObject({ mayContact: true, consent: { method: 'written' } });
    expect((await contact(r.id, hospitals.a, '2025-06-02T09:00', 'refused')).contacts).toHaveLength(1);
  });

  it('a call before the consent date, or after a withdrawal, is refused too', async () => {
    const r = await fx.call(
      'coordination.open',
      respiteInput(consultationId, { requestedOn: '2025-05-30', wantedFrom: '2025-06-10' }),
    );
    await fx.call('coordination.recordConsent', {
      id: r.id,
      consent: { method: 'verbal', date: '2025-06-01' },
    });
    expect(await errorCode(contact(r.id, hospitals.a, '2025-05-31T15:00', 'refused'))).toBe(
      'COORDINATION_NO_CONSENT',
    );
    await contact(r.id, hospitals.a, '2025-06-01T15:00', 'refused');
    const w = await fx.call('coordination.withdrawConsent', { id: r.id });
    expect(w).toMatchObject({ mayContact: false, consent: { withdrawnOn: '2025-06-02' } });
    const before = await fx.counts();
    expect(await errorCode(contact(r.id, hospitals.b, '2025-06-02T09:00', 'accepted'))).toBe(
      'COORDINATION_NO_CONSENT',
    );
    expect(await fx.counts()).toEqual(before);
    expect(await errorCode(fx.call('coordination.withdrawConsent', { id: r.id }))).toBe('INVALID_INPUT');
    // the consent group travels together
    const ops = await opsOf('coordination_request', r.id);
    expect(Object.keys(ops.at(-1)!).sort()).toEqual(
      [
        'consent_by',
        'consent_date',
        'consent_method',
        'consent_withdrawn_on',
        'updated_at',
        'updated_by',
      ].sort(),
    );
  });
});

describe('call-backs become follow-ups', () => {
  it('検討中 creates a follow-up due on the call-back day; the next call to that hospital completes it', async () => {
    const r = await open();
    const p = await contact(r.id, hospitals.b, '2025-06-02T09:00', 'pending', {
      callBackAt: '2025-06-02T15:00',
    });
    const k = p.contacts[0]!;
    expect(k).toMatchObject({ answer: 'pending', callBackAt: '2025-06-02T15:00', followUpState: 'open' });
    const f = await fx.runtime
      .context()
      .db.selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', k.followUpId!)
      .executeTakeFirstOrThrow();
    expect(f).toMatchObject({
      due_date: '2025-06-02',
      state: 'open',
      person_id: personId,
      consultation_id: consultationId,
      owner_id: fx.admin.actor.id,
      title: '乙病院の回答を確認（15:00・レスパイト（一時入院）の調整）',
    });
    const due = await fx.call('followup.due', { scope: 'mine' });
    expect(due.today.map((x) => x.id)).toEqual([k.followUpId]);
    expect((await fx.call('coordination.list', {}))[0]!.nextCallBackAt).toBe('2025-06-02T15:00');
    // a call to another hospital leaves it open
    await contact(r.id, hospitals.a, '2025-06-02T10:00', 'refused');
    expect((await fx.call('followup.due', { scope: 'mine' })).today).toHaveLength(1);
    // the call back to 乙病院 answers it
    const done = await contact(r.id, hospitals.b, '2025-06-02T11:30', 'accepted');
    expect(done.contacts.find((x) => x.id === k.id)!.followUpState).toBe('done');
    const closed = await fx.runtime
      .context()
      .db.selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', k.followUpId!)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ state: 'done', completed_by: fx.admin.actor.id });
    expect((await fx.call('followup.due', { scope: 'mine' })).today).toHaveLength(0);
    expect((await fx.call('coordination.list', {}))[0]!.nextCallBackAt).toBeNull();
  });

  it('ending the request cancels call-backs still open', async () => {
    const r = await open();
    const p = await contact(r.id, hospitals.b, '2025-06-02T09:00', 'pending');
    await fx.call('coordination.end', { id: r.id, outcome: 'failed' });
    const f = await fx.runtime
      .context()
      .db.selectFrom('follow_ups')
      .select('state')
      .where('id', '=', p.contacts[0]!.followUpId!)
      .executeTakeFirstOrThrow();
    expect(f.state).toBe('cancelled');
  });
});

describe('the board', () => {
  it('orders open requests by urgency, then wanted date, then the day of the request', async () => {
    const make = async (
      name: string,
      urgency: 'urgent' | 'soon' | 'planned',
      wantedFrom: string,
      requestedOn = '2025-06-02',
    ) => {
      const c = await fx.patientConsultation(name);
      const r = await fx.call(
        'coordination.open',
        respiteInput(c.consultationId, {
          urgency,
          wantedFrom,
          wantedTo: null,
          requestedOn,
          consent: VERBAL_CONSENT,
        }),
      );
      return [name, r.id] as const;
    };
    const made = [
      await make('予定 七月', 'planned', '2025-07-01'),
      await make('至急 六月十日', 'urgent', '2025-06-10'),
      await make('早め 六月五日', 'soon', '2025-06-05'),
      await make('至急 六月三日', 'urgent', '2025-06-03'),
      await make('早め 六月五日 先に依頼', 'soon', '2025-06-05', '2025-06-01'),
      await make('予定 六月', 'planned', '2025-06-15'),
      await make('終了済み', 'urgent', '2025-06-02'),
    ];
    await fx.call('coordination.end', { id: made[6]![1], outcome: 'withdrawn' });
    const board = await fx.call('coordination.list', {});
    expect(board.map((b) => b.personName)).toEqual([
      '至急 六月三日',
      '至急 六月十日',
      '早め 六月五日 先に依頼',
      '早め 六月五日',
      '予定 六月',
      '予定 七月',
    ]);
    const first = board[0]!;
    expect(first).toMatchObject({ urgency: 'urgent', state: 'open', asked: 0, refused: 0, mayContact: true });
    await contact(first.id, hospitals.a, '2025-06-02T09:00', 'refused');
    await contact(first.id, hospitals.b, '2025-06-02T09:05', 'refused');
    await contact(first.id, hospitals.a, '2025-06-02T09:30', 'pending');
    const again = (await fx.call('coordination.list', {}))[0]!;
    // 甲 asked twice counts once; its last answer is 検討中, so one hospital (乙) refused
    expect(again).toMatchObject({ asked: 2, refused: 1, lastContactAt: '2025-06-02T09:30' });
    const all = await fx.call('coordination.list', { state: 'all' });
    expect(all.at(-1)!.personName).toBe('終了済み');
    expect((await fx.call('coordination.list', { state: 'all', personId })).length).toBe(0);
  });
});

describe('who may do what', () => {
  it('peer supporters may not see or manage requests; read-only may look, not change', async () => {
    const r = await open();
    await fx.addStaff('peer', 'peer_supporter', 'ピア 一', 'peer_supporter');
    await fx.addStaff('viewer', 'read_only', '閲覧 一', 'clerical');
    await fx.as('peer');
    const before = await fx.counts();
    for (const p of [
      fx.call('coordination.list', {}),
      fx.call('coordination.get', { id: r.id }),
      fx.call('coordination.candidates', { id: r.id }),
      fx.call('coordination.open', respiteInput(consultationId)),
      contact(r.id, hospitals.a, '2025-06-02T09:00', 'refused'),
    ])
      expect(await errorCode(p)).toBe('FORBIDDEN');
    await fx.as('viewer');
    expect((await fx.call('coordination.list', {})).map((x) => x.id)).toEqual([r.id]);
    expect((await fx.call('coordination.get', { id: r.id })).id).toBe(r.id);
    for (const p of [
      fx.call('coordination.open', respiteInput(consultationId)),
      contact(r.id, hospitals.a, '2025-06-02T09:00', 'refused'),
      fx.call('coordination.end', { id: r.id, outcome: 'withdrawn' }),
      fx.call('coordination.recordConsent', { id: r.id, consent: VERBAL_CONSENT }),
      fx.call('coordination.withdrawConsent', { id: r.id }),
      fx.call('coordination.update', { id: r.id, expectedVersion: 1, changes: respiteInput(consultationId) }),
    ])
      expect(await errorCode(p)).toBe('FORBIDDEN');
    const after = await fx.counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 }); // only the viewer's 'coordination.view'
    await fx.as('admin');
  });
});

describe('bad input changes nothing', () => {
  it('is refused with INVALID_INPUT (or NOT_FOUND) and writes nothing', async () => {
    const r = await open();
    const anonymous = await fx.call('consultation.record', {
      receivedAt: '2025-06-02T09:00',
      method: 'phone',
      consulter: 'anonymous',
      categories: ['2.2'],
    });
    const healthCenter = (
      await fx.runtime
        .context()
        .db.selectFrom('institutions')
        .select('id')
        .where('type', '=', 'health_center')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await fx.counts();
    const tries: (() => Promise<unknown>)[] = [
      () => fx.call('coordination.open', respiteInput(anonymous.id)), // nobody to name to a hospital
      () =>
        fx.call(
          'coordination.open',
          respiteInput(consultationId, { wantedFrom: '2025-06-20', wantedTo: '2025-06-19' }),
        ),
      () => fx.call('coordination.open', respiteInput(consultationId, { wantedFrom: '2025-06-01' })), // before the request
      () => fx.call('coordination.open', respiteInput(consultationId, { requestedOn: '2025-06-03' })), // future
      () => fx.call('coordination.open', { ...respiteInput(consultationId), kind: 'holiday' } as never),
      () =>
        fx.call(
          'coordination.open',
          respiteInput(consultationId, { consent: { method: 'verbal', date: '2025-06-05' } }),
        ),
      () =>
        fx.call(
          'coordination.open',
          respiteInput(consultationId, { ownerId: '01900000-0000-7000-8000-000000000000' }),
        ),
      () =>
        fx.call('coordination.logContact', {
          requestId: r.id,
          institutionId: hospitals.a,
          answer: 'refused',
        }), // no reason
      () =>
        fx.call('coordination.logContact', {
          requestId: r.id,
          institutionId: hospitals.a,
          answer: 'pending',
        }), // no call-back
      () =>
        fx.call('coordination.logContact', {
          requestId: r.id,
          institutionId: hospitals.a,
          answer: 'accepted',
          callBackAt: '2025-06-02T15:00',
        }),
      () =>
        fx.call('coordination.logContact', {
          requestId: r.id,
          institutionId: hospitals.a,
          answer: 'accepted',
          refusalReason: 'no_beds',
        }),
      () => contact(r.id, hospitals.a, '2025-06-02T13:00', 'accepted'), // after now (noon)
      () => contact(r.id, hospitals.a, '2025-06-01T09:00', 'accepted'), // before the request
      () => contact(r.id, hospitals.a, '2025-06-02T09:00', 'pending', { callBackAt: '2025-06-02T08:00' }),
      () => contact(r.id, healthCenter, '2025-06-02T09:00', 'accepted'), // not a hospital
      () =>
        fx.call('coordination.end', {
          id: r.id,
          outcome: 'accepted',
          institutionId: hospitals.a,
          acceptedFrom: '2025-06-20',
          acceptedTo: '2025-06-10',
        }),
      () => fx.call('coordination.end', { id: r.id, outcome: 'failed', endedOn: '2025-06-03' }),
      () => fx.call('coordination.end', { id: r.id, outcome: 'cancelled' } as never),
    ];
    const codes: string[] = [];
    for (const t of tries) codes.push(await errorCode(t()));
    expect(codes).toEqual(tries.map(() => 'INVALID_INPUT'));
    expect(await fx.counts()).toEqual(before);
    expect(await errorCode(fx.call('coordination.get', { id: '01900000-0000-7000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await errorCode(fx.call('coordination.open', respiteInput('01900000-0000-7000-8000-000000000000'))),
    ).toBe('NOT_FOUND');
  });
});
