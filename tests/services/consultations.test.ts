import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/services/context';
import { listConsultations } from '../../electron/services/consultations/list-consultations';
import {
  consultationHistory,
  getConsultation,
  recordConsultation,
  updateConsultation,
} from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationInput } from '../../shared/contract/consultations';
import { errorCode, serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;
const parse = (i: ConsultationInput) => CHANNELS['consultation.record'].input.parse(i);
const record = (ctx: ServiceContext, i: ConsultationInput) => recordConsultation(ctx, parse(i));

const PHONE_CALL: ConsultationInput = {
  receivedAt: '2025-06-02T10:15',
  method: 'phone',
  consulter: 'self',
  person: {
    mode: 'new',
    data: {
      name: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      sex: 'male',
      birthDate: '1960-06-03',
      municipalityCode: '111007',
    },
  },
  patient: {
    diagnosisStatus: 'confirmed',
    diseases: [{ number: 2 }],
    recipientCert: 'held',
    devices: ['ventilator_nppv'],
  },
  categories: ['1.2', '3.1'],
  mainCategory: '3.1',
  summary: '特定医療費の更新手続きについて。肺炎で入院した後の受給者証の扱いを知りたい。',
  responses: ['information', 'procedure_support'],
  responseText: '更新の必要書類を説明した。',
  durationMin: 25,
};

async function counts(ctx: ServiceContext) {
  const n = async (t: 'consultations' | 'persons' | 'op_log' | 'audit_log' | 'follow_ups' | 'cases') =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    consultations: await n('consultations'),
    persons: await n('persons'),
    ops: await n('op_log'),
    audit: await n('audit_log'),
    followUps: await n('follow_ups'),
    cases: await n('cases'),
  };
}

describe('recording consultations', () => {
  let fx: Fx;
  beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
  afterEach(() => fx.close());

  it('records a new person, derives age and fiscal year, writes ops, audit and search doc together', async () => {
    const before = await counts(fx.admin);
    const c = await record(fx.admin, PHONE_CALL);
    expect(c.serial).toMatch(/^R7-[A-Z]{2}-000001$/);
    expect(c.fiscalYear).toBe(2025);
    expect(c.patient.age).toBe(64); // the 65th birthday is the day after
    expect(c.patient.ageBand).toBe('60-69');
    expect(c.patient.municipalityCode).toBe('111007');
    expect(c.patient.diseases).toEqual([{ number: 2, listVersion: '2025-04', nameJa: '筋萎縮性側索硬化症' }]);
    expect(c.mainCategory).toBe('3.1');
    expect(c.responders).toEqual([
      { staffId: fx.admin.actor.id, displayName: '管理 花子', profession: 'nanbyo_counselor' },
    ]);
    const after = await counts(fx.admin);
    expect(after.consultations - before.consultations).toBe(1);
    expect(after.persons - before.persons).toBe(1);
    expect(after.ops - before.ops).toBe(2); // person + consultation
    const op = await fx.admin.db
      .selectFrom('op_log')
      .selectAll()
      .where('entity', '=', 'consultation')
      .executeTakeFirstOrThrow();
    expect(op.origin).toBe(fx.admin.deviceId);
    const fields = JSON.parse(op.fields);
    expect(fields.categories).toEqual([
      { code: '1.2', main: false },
      { code: '3.1', main: true },
    ]);
    expect(fields.summary).toContain('特定医療費');
    const doc = await fx.admin.db
      .selectFrom('search_docs')
      .select('text')
      .where('consultation_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(doc.text).toContain('やまだ たろう'); // kana folded to hiragana
  });

  it('records an anonymous consultation with only an age band and a town', async () => {
    const c = await record(fx.admin, {
      receivedAt: '2025-06-02T11:00',
      method: 'phone',
      consulter: 'anonymous',
      patient: { ageBand: '40-49', sex: 'female', municipalityCode: '112011' },
      categories: ['5.1'],
      summary: '不安な気持ちを聞いてほしい',
    });
    expect(c.person).toBeNull();
    expect(c.patient.ageBand).toBe('40-49');
    expect(c.mainCategory).toBe('5.1'); // the only category is the main one
  });

  it('numbers serials per fiscal year: 3/31 and 4/1', async () => {
    const a = await record(fx.admin, {
      ...PHONE_CALL,
      receivedAt: '2026-03-31T17:00',
      person: { mode: 'anonymous' },
    });
    const b = await record(fx.admin, {
      ...PHONE_CALL,
      receivedAt: '2026-04-01T09:00',
      person: { mode: 'anonymous' },
    });
    const c = await record(fx.admin, {
      ...PHONE_CALL,
      receivedAt: '2026-03-30T09:00',
      person: { mode: 'anonymous' },
    });
    expect([a.serial, b.serial, c.serial].map((x) => x.replace(/-[A-Z]{2}-/, '-'))).toEqual([
      'R7-000001',
      'R8-000001',
      'R7-000002',
    ]);
    expect([a.fiscalYear, b.fiscalYear]).toEqual([2025, 2026]);
  });

  it('継続 opens a case and the follow-up lands on it', async () => {
    const c = await record(fx.admin, {
      ...PHONE_CALL,
      continuity: 'continuing',
      outcome: 'continuing',
      followUp: { dueDate: '2025-06-09', title: '書類が届いたか確認の電話' },
    });
    expect(c.caseId).not.toBeNull();
    const fu = await fx.admin.db.selectFrom('follow_ups').selectAll().executeTakeFirstOrThrow();
    expect(fu).toMatchObject({
      case_id: c.caseId,
      consultation_id: c.id,
      person_id: c.person!.id,
      due_date: '2025-06-09',
      state: 'open',
    });
  });

  it('links an existing person and takes their facts as defaults', async () => {
    const first = await record(fx.admin, PHONE_CALL);
    const second = await record(fx.admin, {
      receivedAt: '2025-06-10T09:00',
      method: 'in_person',
      consulter: 'parent',
      person: { mode: 'existing', personId: first.person!.id },
      categories: ['2.4'],
    });
    expect(second.person?.id).toBe(first.person!.id);
    expect(second.patient.sex).toBe('male');
    expect(second.patient.age).toBe(65); // birthday on 06-03 has passed by 06-10
    expect(second.patient.municipalityCode).toBe('111007');
  });

  it('rejects bad input at the contract: nothing reaches the use case', () => {
    const bad = (i: unknown) => CHANNELS['consultation.record'].input.safeParse(i).success;
    expect(bad({ ...PHONE_CALL, mainCategory: '9' })).toBe(false); // main not among categories
    expect(bad({ ...PHONE_CALL, receivedAt: '2025-02-30T10:00' })).toBe(false);
    expect(bad({ ...PHONE_CALL, method: 'carrier_pigeon' })).toBe(false);
    expect(bad({ ...PHONE_CALL, patient: { municipalityCode: '111008' } })).toBe(false); // wrong check digit
    expect(bad({ ...PHONE_CALL, categories: ['1'] })).toBe(false); // a parent category is not recordable
    expect(bad(PHONE_CALL)).toBe(true);
  });

  it('an unknown person or responder fails with a code and writes nothing', async () => {
    const before = await counts(fx.admin);
    expect(
      await errorCode(
        record(fx.admin, {
          ...PHONE_CALL,
          person: { mode: 'existing', personId: '01890000-0000-7000-8000-000000000000' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await errorCode(
        record(fx.admin, {
          ...PHONE_CALL,
          responders: [{ staffId: '01890000-0000-7000-8000-000000000000', profession: 'nurse' }],
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(await counts(fx.admin)).toEqual(before);
  });

  it('edits keep history, log only the changed fields, and refuse a stale version', async () => {
    const c = await record(fx.admin, PHONE_CALL);
    const opsBefore = (await counts(fx.admin)).ops;
    const edited = await updateConsultation(
      fx.admin,
      c.id,
      1,
      parse({
        ...PHONE_CALL,
        person: { mode: 'existing', personId: c.person!.id },
        summary: '訂正：更新ではなく新規申請の相談',
      }),
    );
    expect(edited.version).toBe(2);
    expect((await counts(fx.admin)).ops - opsBefore).toBe(1);
    const op = await fx.admin.db
      .selectFrom('op_log')
      .select('fields')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(op.fields)).sort()).toEqual(['summary', 'updated_at', 'updated_by']);
    const history = await consultationHistory(fx.admin, c.id);
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[0]!.snapshot.summary).toContain('特定医療費の更新');
    const before = await counts(fx.admin);
    expect(
      await errorCode(updateConsultation(fx.admin, c.id, 1, parse({ ...PHONE_CALL, summary: 'x' }))),
    ).toBe('CONFLICT');
    expect(await counts(fx.admin)).toEqual(before);
    const found = await listConsultations(fx.admin, { query: '新規申請', limit: 10, offset: 0 });
    expect(found.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('audits a view of a consultation', async () => {
    const c = await record(fx.admin, PHONE_CALL);
    await getConsultation(fx.admin, c.id);
    const views = await fx.admin.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'consultation.view')
      .execute();
    expect(views).toHaveLength(1);
    expect(views[0]!.entity_id).toBe(c.id);
  });
});

describe('roles in consultations', () => {
  let fx: Fx;
  beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
  afterEach(() => fx.close());

  it('read-only may not record or edit; nothing is written', async () => {
    const c = await record(fx.admin, PHONE_CALL);
    await fx.addStaff('etsuran', 'read_only');
    const ro = await fx.as('etsuran');
    const before = await counts(ro);
    expect(await errorCode(record(ro, PHONE_CALL))).toBe('FORBIDDEN');
    expect(await errorCode(updateConsultation(ro, c.id, 1, parse(PHONE_CALL)))).toBe('FORBIDDEN');
    const after = await counts(ro);
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    expect(after.audit).toBe(before.audit); // not even an audit row for a refused write
    expect((await listConsultations(ro, { limit: 10, offset: 0 })).total).toBe(1); // but may read
  });

  it('a peer supporter records peer consultations and sees only their own', async () => {
    const others = await record(fx.admin, PHONE_CALL);
    await fx.addStaff('peer1', 'peer_supporter', 'ピア 一郎', 'peer_supporter');
    const peer = await fx.as('peer1');
    const mine = await record(peer, {
      receivedAt: '2025-06-02T13:00',
      method: 'in_person',
      kind: 'peer',
      consulter: 'self',
      categories: ['6.2'],
    });
    const list = await listConsultations(peer, { limit: 10, offset: 0 });
    expect(list.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(await errorCode(getConsultation(peer, others.id))).toBe('FORBIDDEN');
  });
});
