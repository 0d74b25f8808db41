import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/services/context';
import {
  cancelFollowUp,
  completeFollowUp,
  createFollowUp,
  createPerson,
  dueFollowUps,
  inUseCase,
  openCase,
  reassignFollowUp,
  rescheduleFollowUp,
} from '../fixtures/in-use-case';
import { addDays } from '../../electron/services/followups/date-math';
import { followUpHandlers } from '../../electron/services/followups/handlers';
import { CHANNELS } from '../../shared/contract';
import type { DueBuckets } from '../../shared/contract/followups';
import { ADMIN } from '../fixtures/temp-casefile';
import { errorCode, serviceFixture } from '../fixtures/service-fixture';

type Fixture = Awaited<ReturnType<typeof serviceFixture>>;

const TODAY = '2025-06-02'; // a Monday
const NOON = new Date(`${TODAY}T12:00:00`).toISOString();

/** Everything a refused or failed use case must leave untouched. */
async function snapshot(ctx: ServiceContext) {
  const count = async (t: 'follow_ups' | 'cases' | 'op_log' | 'audit_log') =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    followUps: await count('follow_ups'),
    ops: await count('op_log'),
    audits: await count('audit_log'),
    rows: await ctx.db.selectFrom('follow_ups').selectAll().orderBy('id').execute(),
  };
}

async function expectNothingWritten(ctx: ServiceContext, run: () => Promise<unknown>, code: string) {
  const before = await snapshot(ctx);
  expect(await errorCode(run())).toBe(code);
  expect(await snapshot(ctx)).toEqual(before);
}

/** Runs a write and returns what it added to op_log and audit_log. */
async function writesOf<T>(ctx: ServiceContext, run: () => Promise<T>) {
  const maxSeq = Number(
    (
      await ctx.db
        .selectFrom('op_log')
        .select((eb) => eb.fn.max('seq').as('s'))
        .executeTakeFirst()
    )?.s ?? 0,
  );
  const maxAudit = Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('i'))
        .executeTakeFirst()
    )?.i ?? 0,
  );
  const result = await run();
  const ops = await ctx.db
    .selectFrom('op_log')
    .selectAll()
    .where('seq', '>', maxSeq)
    .orderBy('seq')
    .execute();
  const audits = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', maxAudit)
    .orderBy('id')
    .execute();
  return {
    result,
    ops: ops.map((o) => ({ entity: o.entity, entityId: o.entity_id, fields: JSON.parse(o.fields) })),
    audits: audits.map((a) => ({ action: a.action, entityId: a.entity_id, staffId: a.staff_id })),
  };
}

const keysOf = (o: Record<string, unknown>) => Object.keys(o).sort();

const newFollowUp = (ctx: ServiceContext, title: string, dueDate: string, ownerId?: string) =>
  createFollowUp(ctx, { title, dueDate, ownerId, note: null });

let fx: Fixture;
beforeEach(async () => {
  fx = await serviceFixture(TODAY);
});
afterEach(async () => {
  await fx.close();
});

describe('followup.create', () => {
  it('creates an open follow-up owned by the actor, with names joined, one op and one audit entry', async () => {
    const ctx = fx.admin;
    const person = await createPerson(ctx, CHANNELS['person.create'].input.parse({ name: '難病 太郎' }));
    const {
      result: f,
      ops,
      audits,
    } = await writesOf(ctx, () =>
      createFollowUp(ctx, {
        title: '受診結果を確認',
        dueDate: '2025-06-05',
        personId: person.id,
        note: 'メモ',
      }),
    );
    expect(f).toMatchObject({
      title: '受診結果を確認',
      dueDate: '2025-06-05',
      ownerId: ctx.actor.id,
      ownerName: ADMIN.displayName,
      personId: person.id,
      personName: person.name,
      state: 'open',
      note: 'メモ',
      completedAt: null,
      version: 1,
    });
    expect(CHANNELS['followup.create'].output.safeParse(f).success).toBe(true);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ entity: 'follow_up', entityId: f.id });
    expect(ops[0]!.fields).toMatchObject({
      title: '受診結果を確認',
      due_date: '2025-06-05',
      owner_id: ctx.actor.id,
    });
    expect(audits).toEqual([{ action: 'followup.create', entityId: f.id, staffId: ctx.actor.id }]);
  });

  it('takes the person from the case when none is given, and names another owner', async () => {
    const coun = await fx.addStaff('coun', 'counselor', '相談 一郎');
    const ctx = fx.admin;
    const person = await createPerson(ctx, CHANNELS['person.create'].input.parse({ name: '難病 花子' }));
    const c = await openCase(ctx, { personId: person.id, title: '就労相談' });
    const f = await createFollowUp(ctx, {
      title: '電話',
      dueDate: TODAY,
      caseId: c.id,
      ownerId: coun,
      note: null,
    });
    expect(f).toMatchObject({ caseId: c.id, personId: person.id, ownerId: coun, ownerName: '相談 一郎' });
  });

  it('rejects an inactive owner, an unknown case or person, and writes nothing', async () => {
    const gone = await fx.addStaff('gone', 'counselor');
    const ctx = fx.admin;
    await ctx.db.updateTable('staff').set({ active: 0 }).where('id', '=', gone).execute();
    await expectNothingWritten(ctx, () => newFollowUp(ctx, 'x', TODAY, gone), 'INVALID_INPUT');
    await expectNothingWritten(ctx, () => newFollowUp(ctx, 'x', TODAY, randomUUID()), 'INVALID_INPUT');
    await expectNothingWritten(
      ctx,
      () => createFollowUp(ctx, { title: 'x', dueDate: TODAY, caseId: randomUUID(), note: null }),
      'INVALID_INPUT',
    );
    await expectNothingWritten(
      ctx,
      () => createFollowUp(ctx, { title: 'x', dueDate: TODAY, personId: randomUUID(), note: null }),
      'INVALID_INPUT',
    );
  });
});

describe('followup.complete', () => {
  it('marks done with completed_at/by; the op holds only the changed fields', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '書類送付', TODAY);
    const { result, ops, audits } = await writesOf(ctx, () => completeFollowUp(ctx, f.id, null));
    expect(result).toMatchObject({ state: 'done', completedAt: NOON, version: 2, note: null });
    const row = await ctx.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ completed_by: ctx.actor.id, updated_by: ctx.actor.id, updated_at: NOON });
    expect(ops).toHaveLength(1);
    expect(keysOf(ops[0]!.fields)).toEqual([
      'completed_at',
      'completed_by',
      'state',
      'updated_at',
      'updated_by',
    ]);
    expect(ops[0]!.fields).toMatchObject({ state: 'done', completed_by: ctx.actor.id });
    expect(audits.map((a) => a.action)).toEqual(['followup.complete']);
  });

  it('keeps a completion note, and sends it in the op', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '書類送付', TODAY);
    const { result, ops } = await writesOf(ctx, () => completeFollowUp(ctx, f.id, '送付済み'));
    expect(result.note).toBe('送付済み');
    expect(ops[0]!.fields).toMatchObject({ note: '送付済み' });
  });

  it('is a CONFLICT the second time, and the second attempt writes nothing', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '書類送付', TODAY);
    await completeFollowUp(ctx, f.id, null);
    await expectNothingWritten(ctx, () => completeFollowUp(ctx, f.id, null), 'CONFLICT');
  });
});

describe('followup.reschedule / reassign / cancel', () => {
  it('reschedule changes due_date only; the op has due_date and the stamps, not the title', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    const { result, ops, audits } = await writesOf(ctx, () => rescheduleFollowUp(ctx, f.id, '2025-06-20'));
    expect(result).toMatchObject({ dueDate: '2025-06-20', title: '再連絡', state: 'open', version: 2 });
    expect(ops).toHaveLength(1);
    expect(keysOf(ops[0]!.fields)).toEqual(['due_date', 'updated_at', 'updated_by']);
    expect(ops[0]!.fields).not.toHaveProperty('title');
    expect(audits.map((a) => a.action)).toEqual(['followup.reschedule']);
  });

  it('reschedule to the same date writes nothing', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    const before = await snapshot(ctx);
    expect((await rescheduleFollowUp(ctx, f.id, TODAY)).version).toBe(1);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('reassign moves the owner (op: owner_id and stamps) and shows the new name', async () => {
    const coun = await fx.addStaff('coun', 'counselor', '相談 一郎');
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    const { result, ops } = await writesOf(ctx, () => reassignFollowUp(ctx, f.id, coun));
    expect(result).toMatchObject({ ownerId: coun, ownerName: '相談 一郎', version: 2 });
    expect(ops).toHaveLength(1);
    expect(keysOf(ops[0]!.fields)).toEqual(['owner_id', 'updated_at', 'updated_by']);
  });

  it('reassign to an inactive or unknown staff member is INVALID_INPUT and writes nothing', async () => {
    const gone = await fx.addStaff('gone', 'counselor');
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    await ctx.db.updateTable('staff').set({ active: 0 }).where('id', '=', gone).execute();
    await expectNothingWritten(ctx, () => reassignFollowUp(ctx, f.id, gone), 'INVALID_INPUT');
    await expectNothingWritten(ctx, () => reassignFollowUp(ctx, f.id, randomUUID()), 'INVALID_INPUT');
  });

  it('cancel sets cancelled (op: the whole transition, completion stamps empty); nothing more can be done with it', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    const { result, ops } = await writesOf(ctx, () => cancelFollowUp(ctx, f.id, null));
    expect(result).toMatchObject({ state: 'cancelled', completedAt: null, version: 2 });
    expect(keysOf(ops[0]!.fields)).toEqual([
      'completed_at',
      'completed_by',
      'state',
      'updated_at',
      'updated_by',
    ]);
    await expectNothingWritten(ctx, () => completeFollowUp(ctx, f.id, null), 'CONFLICT');
    await expectNothingWritten(ctx, () => rescheduleFollowUp(ctx, f.id, '2025-07-01'), 'CONFLICT');
    await expectNothingWritten(ctx, () => reassignFollowUp(ctx, f.id, ctx.actor.id), 'CONFLICT');
    await expectNothingWritten(ctx, () => cancelFollowUp(ctx, f.id, null), 'CONFLICT');
  });

  it('a done follow-up cannot be rescheduled, reassigned or cancelled', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    await completeFollowUp(ctx, f.id, null);
    await expectNothingWritten(ctx, () => rescheduleFollowUp(ctx, f.id, '2025-07-01'), 'CONFLICT');
    await expectNothingWritten(ctx, () => reassignFollowUp(ctx, f.id, ctx.actor.id), 'CONFLICT');
    await expectNothingWritten(ctx, () => cancelFollowUp(ctx, f.id, null), 'CONFLICT');
  });

  it('a failure after the row is written rolls back the row, its op and its audit entry together', async () => {
    const ctx = fx.admin;
    const f = await newFollowUp(ctx, '再連絡', TODAY);
    // the audit insert is the last write of the use case: make it fail
    await sql`CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log
      WHEN NEW.action = 'followup.reschedule' BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(ctx.db);
    const before = await snapshot(ctx);
    await expect(rescheduleFollowUp(ctx, f.id, '2025-06-20')).rejects.toThrow(/audit down/);
    expect(await snapshot(ctx)).toEqual(before);
    await sql`DROP TRIGGER fail_audit`.execute(ctx.db);
    expect((await rescheduleFollowUp(ctx, f.id, '2025-06-20')).version).toBe(2);
  });

  it('every action on an unknown id is NOT_FOUND and writes nothing', async () => {
    const ctx = fx.admin;
    const id = randomUUID();
    await expectNothingWritten(ctx, () => completeFollowUp(ctx, id, null), 'NOT_FOUND');
    await expectNothingWritten(ctx, () => rescheduleFollowUp(ctx, id, TODAY), 'NOT_FOUND');
    await expectNothingWritten(ctx, () => reassignFollowUp(ctx, id, ctx.actor.id), 'NOT_FOUND');
    await expectNothingWritten(ctx, () => cancelFollowUp(ctx, id, null), 'NOT_FOUND');
  });
});

describe('roles', () => {
  let peerId: string;
  let peersOwn: string;
  let othersOwn: string;
  beforeEach(async () => {
    peerId = await fx.addStaff('peer', 'peer_supporter');
    await fx.addStaff('reader', 'read_only');
    peersOwn = (await newFollowUp(fx.admin, 'ピア面談の記録', TODAY, peerId)).id;
    othersOwn = (await newFollowUp(fx.admin, '病院へ連絡', TODAY)).id;
  });

  it('a peer supporter may complete only their own follow-ups', async () => {
    const peer = await fx.as('peer');
    await expectNothingWritten(peer, () => completeFollowUp(peer, othersOwn, null), 'FORBIDDEN');
    const { result, ops } = await writesOf(peer, () => completeFollowUp(peer, peersOwn, null));
    expect(result.state).toBe('done');
    expect(ops).toHaveLength(1);
  });

  it('a peer supporter may not create, reschedule, reassign or cancel, even their own', async () => {
    const peer = await fx.as('peer');
    await expectNothingWritten(peer, () => newFollowUp(peer, 'x', TODAY), 'FORBIDDEN');
    await expectNothingWritten(peer, () => rescheduleFollowUp(peer, peersOwn, '2025-07-01'), 'FORBIDDEN');
    await expectNothingWritten(peer, () => reassignFollowUp(peer, peersOwn, peerId), 'FORBIDDEN');
    await expectNothingWritten(peer, () => cancelFollowUp(peer, peersOwn, null), 'FORBIDDEN');
  });

  it("a peer supporter sees only 'mine'", async () => {
    const peer = await fx.as('peer');
    expect(await errorCode(dueFollowUps(peer, 'all'))).toBe('FORBIDDEN');
    const mine = await dueFollowUps(peer, 'mine');
    expect(mine.today.map((f) => f.id)).toEqual([peersOwn]);
  });

  it('read_only sees everything due but may not create, complete or change', async () => {
    const reader = await fx.as('reader');
    const all = await dueFollowUps(reader, 'all');
    expect(all.today.map((f) => f.id).sort()).toEqual([peersOwn, othersOwn].sort());
    await expectNothingWritten(reader, () => newFollowUp(reader, 'x', TODAY), 'FORBIDDEN');
    await expectNothingWritten(reader, () => completeFollowUp(reader, othersOwn, null), 'FORBIDDEN');
    await expectNothingWritten(
      reader,
      () => rescheduleFollowUp(reader, othersOwn, '2025-07-01'),
      'FORBIDDEN',
    );
    await expectNothingWritten(reader, () => reassignFollowUp(reader, othersOwn, peerId), 'FORBIDDEN');
    await expectNothingWritten(reader, () => cancelFollowUp(reader, othersOwn, null), 'FORBIDDEN');
  });
});

describe('followup.due', () => {
  const titles = (b: DueBuckets) => ({
    overdue: b.overdue.map((f) => f.title),
    today: b.today.map((f) => f.title),
    thisWeek: b.thisWeek.map((f) => f.title),
  });

  beforeEach(async () => {
    const coun = await fx.addStaff('coun', 'counselor');
    const a = fx.admin;
    await newFollowUp(a, 'old', '2025-05-20');
    await newFollowUp(a, 'yesterday', '2025-06-01');
    await newFollowUp(a, 'b today', TODAY); // created before 'a today': order must come from the title
    await newFollowUp(a, 'a today', TODAY);
    await newFollowUp(a, 'tomorrow', '2025-06-03');
    await newFollowUp(a, 'week end', '2025-06-09'); // today + 7: still this week
    await newFollowUp(a, 'next week', '2025-06-10'); // today + 8: not shown
    await completeFollowUp(a, (await newFollowUp(a, 'done today', TODAY)).id, null);
    await cancelFollowUp(a, (await newFollowUp(a, 'cancelled', '2025-06-01')).id, null);
    await newFollowUp(a, 'coun overdue', '2025-05-31', coun);
    await newFollowUp(a, 'coun today', TODAY, coun);
  });

  it("'mine' buckets the actor's open follow-ups around today", async () => {
    expect(titles(await dueFollowUps(fx.admin, 'mine'))).toEqual({
      overdue: ['old', 'yesterday'],
      today: ['a today', 'b today'],
      thisWeek: ['tomorrow', 'week end'],
    });
  });

  it("'all' includes everyone's, sorted by due date then title", async () => {
    expect(titles(await dueFollowUps(fx.admin, 'all'))).toEqual({
      overdue: ['old', 'coun overdue', 'yesterday'],
      today: ['a today', 'b today', 'coun today'],
      thisWeek: ['tomorrow', 'week end'],
    });
  });

  it("'mine' for another staff member shows only theirs", async () => {
    const coun = await fx.as('coun');
    expect(titles(await dueFollowUps(coun, 'mine'))).toEqual({
      overdue: ['coun overdue'],
      today: ['coun today'],
      thisWeek: [],
    });
  });

  it('an explicit today moves every boundary', async () => {
    expect(titles(await dueFollowUps(fx.admin, 'mine', '2025-06-09'))).toEqual({
      overdue: ['old', 'yesterday', 'a today', 'b today', 'tomorrow'],
      today: ['week end'],
      thisWeek: ['next week'],
    });
  });

  it("without an explicit today it uses the clock's local date", async () => {
    fx.setToday('2025-06-03');
    expect(titles(await dueFollowUps(fx.admin, 'mine'))).toEqual({
      overdue: ['old', 'yesterday', 'a today', 'b today'],
      today: ['tomorrow'],
      thisWeek: ['week end', 'next week'],
    });
  });

  it('the week crosses a month end', async () => {
    const a = fx.admin;
    await newFollowUp(a, 'jul 5', '2025-07-05');
    await newFollowUp(a, 'jul 6', '2025-07-06');
    const b = await dueFollowUps(a, 'mine', '2025-06-28');
    expect(b.thisWeek.map((f) => f.title)).toEqual(['jul 5']);
    expect(b.today).toEqual([]);
  });

  it('every due item matches the contract DTO', async () => {
    const b = await dueFollowUps(fx.admin, 'all');
    expect(CHANNELS['followup.due'].output.safeParse(b).success).toBe(true);
    expect(b.today[0]).toMatchObject({ ownerName: ADMIN.displayName, personName: null, state: 'open' });
  });
});

describe('addDays', () => {
  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2025-06-02', 7)).toBe('2025-06-09');
    expect(addDays('2025-06-28', 7)).toBe('2025-07-05');
    expect(addDays('2025-12-29', 7)).toBe('2026-01-05');
    expect(addDays('2024-02-25', 7)).toBe('2024-03-03');
    expect(addDays('2025-02-25', 7)).toBe('2025-03-04');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-06-02', 365)).toBe('2026-06-02');
  });

  it('refuses a date that is not real', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('handlers and contract', () => {
  it('routes every follow-up and case channel', () => {
    expect(Object.keys(followUpHandlers).sort()).toEqual(
      [
        'case.close',
        'case.list',
        'case.open',
        'followup.cancel',
        'followup.complete',
        'followup.create',
        'followup.due',
        'followup.reassign',
        'followup.reschedule',
      ].sort(),
    );
  });

  it('passes parsed input through and answers in the contract shape', async () => {
    const ctx = fx.admin;
    const input = CHANNELS['followup.create'].input.parse({ title: '  電話  ', dueDate: TODAY });
    const f = await inUseCase(ctx, 'followup.create', (u) => followUpHandlers['followup.create'](u, input));
    expect(f.title).toBe('電話');
    const r = await inUseCase(ctx, 'followup.reschedule', (u) =>
      followUpHandlers['followup.reschedule'](
        u,
        CHANNELS['followup.reschedule'].input.parse({ id: f.id, dueDate: '2025-06-04' }),
      ),
    );
    expect(CHANNELS['followup.reschedule'].output.parse(r).dueDate).toBe('2025-06-04');
    const due = await inUseCase(ctx, 'followup.due', (u) =>
      followUpHandlers['followup.due'](u, CHANNELS['followup.due'].input.parse({})),
    );
    expect(due.thisWeek.map((x) => x.id)).toEqual([f.id]);
  });

  it('input schemas reject bad input', () => {
    const id = randomUUID();
    expect(CHANNELS['followup.reschedule'].input.safeParse({ id: 'x', dueDate: '2025-02-30' }).success).toBe(
      false,
    );
    expect(CHANNELS['followup.reschedule'].input.safeParse({ id, dueDate: '2025-02-30' }).success).toBe(
      false,
    );
    expect(CHANNELS['followup.reschedule'].input.safeParse({ id, dueDate: '2025-02-28' }).success).toBe(true);
    expect(CHANNELS['followup.create'].input.safeParse({ title: '   ', dueDate: TODAY }).success).toBe(false);
    expect(CHANNELS['followup.create'].input.safeParse({ title: 'x', dueDate: '2025/06/02' }).success).toBe(
      false,
    );
    expect(
      CHANNELS['followup.create'].input.safeParse({ title: 'x'.repeat(201), dueDate: TODAY }).success,
    ).toBe(false);
    expect(CHANNELS['followup.reassign'].input.safeParse({ id, ownerId: 'someone' }).success).toBe(false);
    expect(CHANNELS['followup.complete'].input.safeParse({}).success).toBe(false);
    expect(CHANNELS['followup.due'].input.safeParse({ scope: 'everyone' }).success).toBe(false);
    expect(CHANNELS['followup.due'].input.safeParse({ today: '2025-13-01' }).success).toBe(false);
    expect(CHANNELS['followup.due'].input.parse({}).scope).toBe('mine');
  });
});
