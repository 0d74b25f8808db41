import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeCase,
  createFollowUp,
  createPerson,
  inUseCase,
  listCases,
  openCase,
} from '../fixtures/in-use-case';
import { caseHandlers } from '../../electron/services/cases/handlers';
import type { ServiceContext } from '../../electron/services/context';
import { CHANNELS } from '../../shared/contract';
import { errorCode, serviceFixture } from '../fixtures/service-fixture';

type Fixture = Awaited<ReturnType<typeof serviceFixture>>;

const TODAY = '2025-06-02';
const NOON = new Date(`${TODAY}T12:00:00`).toISOString();

/** Everything a refused or failed use case must leave untouched. */
async function snapshot(ctx: ServiceContext) {
  const count = async (t: 'cases' | 'follow_ups' | 'op_log' | 'audit_log') =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await count('cases'),
    followUps: await count('follow_ups'),
    ops: await count('op_log'),
    audits: await count('audit_log'),
    rows: await ctx.db.selectFrom('cases').selectAll().orderBy('id').execute(),
  };
}

async function expectNothingWritten(ctx: ServiceContext, run: () => Promise<unknown>, code: string) {
  const before = await snapshot(ctx);
  expect(await errorCode(run())).toBe(code);
  expect(await snapshot(ctx)).toEqual(before);
}

async function opsOf(ctx: ServiceContext, entityId: string) {
  const rows = await ctx.db
    .selectFrom('op_log')
    .selectAll()
    .where('entity', '=', 'case')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => JSON.parse(r.fields) as Record<string, unknown>);
}

async function auditsOf(ctx: ServiceContext, entityId: string) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

const newPerson = (ctx: ServiceContext, name: string) =>
  createPerson(ctx, CHANNELS['person.create'].input.parse({ name }));

let fx: Fixture;
beforeEach(async () => {
  fx = await serviceFixture(TODAY);
});
afterEach(async () => {
  await fx.close();
});

describe('case.open', () => {
  it('opens a case owned by the actor, with one op and one audit entry', async () => {
    const ctx = fx.admin;
    const p = await newPerson(ctx, '難病 太郎');
    const c = await openCase(ctx, { personId: p.id, title: '就労相談' });
    expect(c).toMatchObject({
      personId: p.id,
      title: '就労相談',
      state: 'open',
      ownerId: ctx.actor.id,
      openedAt: NOON,
      closedAt: null,
      outcome: null,
      outcomeNote: null,
      version: 1,
    });
    expect(CHANNELS['case.open'].output.safeParse(c).success).toBe(true);
    const ops = await opsOf(ctx, c.id);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ title: '就労相談', state: 'open', person_id: p.id });
    expect(await auditsOf(ctx, c.id)).toEqual(['case.open']);
  });

  it('opens a case without a person, for another owner', async () => {
    const coun = await fx.addStaff('coun', 'counselor');
    const c = await openCase(fx.admin, { personId: null, title: '匿名の電話相談', ownerId: coun });
    expect(c).toMatchObject({ personId: null, ownerId: coun });
  });

  it('rejects an unknown person or an inactive owner and writes nothing', async () => {
    const gone = await fx.addStaff('gone', 'counselor');
    const ctx = fx.admin;
    await ctx.db.updateTable('staff').set({ active: 0 }).where('id', '=', gone).execute();
    await expectNothingWritten(
      ctx,
      () => openCase(ctx, { personId: randomUUID(), title: 'x' }),
      'INVALID_INPUT',
    );
    await expectNothingWritten(ctx, () => openCase(ctx, { title: 'x', ownerId: gone }), 'INVALID_INPUT');
    await expectNothingWritten(
      ctx,
      () => openCase(ctx, { title: 'x', ownerId: randomUUID() }),
      'INVALID_INPUT',
    );
  });
});

describe('case.close', () => {
  it('records the outcome and closes; the op holds only the changed fields', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    fx.setToday('2025-07-01');
    const closed = await closeCase(ctx, c.id, 'handed_over', 'ハローワークへ引継ぎ');
    const at = new Date('2025-07-01T12:00:00').toISOString();
    expect(closed).toMatchObject({
      state: 'closed',
      outcome: 'handed_over',
      outcomeNote: 'ハローワークへ引継ぎ',
      closedAt: at,
      openedAt: NOON,
      version: 2,
    });
    const ops = await opsOf(ctx, c.id);
    expect(ops).toHaveLength(2);
    expect(Object.keys(ops[1]!).sort()).toEqual([
      'closed_at',
      'outcome',
      'outcome_note',
      'state',
      'updated_at',
      'updated_by',
    ]);
    expect(ops[1]).not.toHaveProperty('title');
    expect(await auditsOf(ctx, c.id)).toEqual(['case.open', 'case.close']);
  });

  it('the closing op carries the whole transition (state, date, outcome, note), so devices merge it as one', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    await closeCase(ctx, c.id, 'closed', null);
    const ops = await opsOf(ctx, c.id);
    expect(ops[1]).toMatchObject({ state: 'closed', outcome: 'closed', outcome_note: null });
    expect(Object.keys(ops[1]!).sort()).toEqual([
      'closed_at',
      'outcome',
      'outcome_note',
      'state',
      'updated_at',
      'updated_by',
    ]);
  });

  it('leaves the open follow-ups of the case alone', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    const f = await createFollowUp(ctx, { title: '電話', dueDate: TODAY, caseId: c.id, note: null });
    await closeCase(ctx, c.id, 'closed', null);
    const row = await ctx.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'open', version: 1 });
  });

  it('closing twice is a CONFLICT; an unknown id is NOT_FOUND; neither writes', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    await closeCase(ctx, c.id, 'closed', null);
    await expectNothingWritten(ctx, () => closeCase(ctx, c.id, 'closed', null), 'CONFLICT');
    await expectNothingWritten(ctx, () => closeCase(ctx, randomUUID(), 'closed', null), 'NOT_FOUND');
  });

  it('a failure after the row is written rolls back the row, its op and its audit entry together', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    await sql`CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log
      WHEN NEW.action = 'case.close' BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(ctx.db);
    const before = await snapshot(ctx);
    await expect(closeCase(ctx, c.id, 'closed', null)).rejects.toThrow(/audit down/);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('a closed case takes no new follow-ups', async () => {
    const ctx = fx.admin;
    const c = await openCase(ctx, { title: '就労相談' });
    await closeCase(ctx, c.id, 'closed', null);
    await expectNothingWritten(
      ctx,
      () => createFollowUp(ctx, { title: '電話', dueDate: TODAY, caseId: c.id, note: null }),
      'CONFLICT',
    );
  });
});

describe('case.list', () => {
  it('filters by person and by state, newest first', async () => {
    const ctx = fx.admin;
    const a = await newPerson(ctx, '難病 太郎');
    const b = await newPerson(ctx, '難病 花子');
    const a1 = await openCase(ctx, { personId: a.id, title: 'a1' });
    fx.setToday('2025-06-03');
    const a2 = await openCase(ctx, { personId: a.id, title: 'a2' });
    const b1 = await openCase(ctx, { personId: b.id, title: 'b1' });
    await closeCase(ctx, a1.id, 'closed', null);
    expect((await listCases(ctx, {})).map((c) => c.title)).toEqual(['b1', 'a2', 'a1']);
    expect((await listCases(ctx, { personId: a.id })).map((c) => c.id)).toEqual([a2.id, a1.id]);
    expect((await listCases(ctx, { state: 'open' })).map((c) => c.id)).toEqual([b1.id, a2.id]);
    expect((await listCases(ctx, { personId: a.id, state: 'closed' })).map((c) => c.id)).toEqual([a1.id]);
    expect(await listCases(ctx, { personId: randomUUID() })).toEqual([]);
  });
});

describe('roles', () => {
  let caseId: string;
  beforeEach(async () => {
    await fx.addStaff('peer', 'peer_supporter');
    await fx.addStaff('reader', 'read_only');
    caseId = (await openCase(fx.admin, { title: '就労相談' })).id;
  });

  it('a peer supporter may not open, close or list cases', async () => {
    const peer = await fx.as('peer');
    await expectNothingWritten(peer, () => openCase(peer, { title: 'x' }), 'FORBIDDEN');
    await expectNothingWritten(peer, () => closeCase(peer, caseId, 'closed', null), 'FORBIDDEN');
    expect(await errorCode(listCases(peer, {}))).toBe('FORBIDDEN');
  });

  it('read_only may list but not open or close', async () => {
    const reader = await fx.as('reader');
    expect((await listCases(reader, {})).map((c) => c.id)).toEqual([caseId]);
    await expectNothingWritten(reader, () => openCase(reader, { title: 'x' }), 'FORBIDDEN');
    await expectNothingWritten(reader, () => closeCase(reader, caseId, 'closed', null), 'FORBIDDEN');
  });

  it('a counselor may open and close', async () => {
    await fx.addStaff('coun', 'counselor');
    const coun = await fx.as('coun');
    expect((await closeCase(coun, caseId, 'continuing', null)).state).toBe('closed');
    expect((await openCase(coun, { title: 'y' })).ownerId).toBe(coun.actor.id);
  });
});

describe('handlers and contract', () => {
  it('routes parsed input and answers in the contract shape', async () => {
    const ctx = fx.admin;
    const opened = await inUseCase(ctx, 'case.open', (u) =>
      caseHandlers['case.open'](u, CHANNELS['case.open'].input.parse({ title: ' 相談 ' })),
    );
    expect(opened.title).toBe('相談');
    const closed = await inUseCase(ctx, 'case.close', (u) =>
      caseHandlers['case.close'](
        u,
        CHANNELS['case.close'].input.parse({ id: opened.id, outcome: 'closed', outcomeNote: '  ' }),
      ),
    );
    expect(CHANNELS['case.close'].output.parse(closed)).toMatchObject({ state: 'closed', outcomeNote: null });
    const list = await inUseCase(ctx, 'case.list', (u) =>
      caseHandlers['case.list'](u, CHANNELS['case.list'].input.parse({ state: 'closed' })),
    );
    expect(CHANNELS['case.list'].output.parse(list).map((c) => c.id)).toEqual([opened.id]);
  });

  it('input schemas reject bad input', () => {
    const id = randomUUID();
    expect(CHANNELS['case.close'].input.safeParse({ id, outcome: 'finished' }).success).toBe(false);
    expect(CHANNELS['case.close'].input.safeParse({ id: 'x', outcome: 'closed' }).success).toBe(false);
    expect(CHANNELS['case.close'].input.safeParse({ id, outcome: 'closed' }).success).toBe(true);
    expect(CHANNELS['case.open'].input.safeParse({ title: '' }).success).toBe(false);
    expect(CHANNELS['case.open'].input.safeParse({ title: 'x', personId: 'someone' }).success).toBe(false);
    expect(CHANNELS['case.list'].input.safeParse({ state: 'pending' }).success).toBe(false);
  });
});
