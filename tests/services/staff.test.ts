import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../electron/services/context';
import { staffHandlers } from '../../electron/services/staff/handlers';
import { runUseCase, type UnitOfWork } from '../../electron/services/unit-of-work';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { CHANNELS, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import { errorCode, PASS, serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

type StaffChannel = keyof typeof staffHandlers;

/**
 * Parses the input with the channel's schema, runs the handler under the channel's policy as the
 * dispatcher does (permission, transaction, audit entry), checks the output the same way.
 */
async function call<C extends StaffChannel>(
  ctx: ServiceContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const def = CHANNELS[channel];
  const handler = staffHandlers[channel] as (u: UnitOfWork, i: unknown) => Promise<unknown>;
  const parsed = def.input.parse(input);
  const out = await runUseCase(ctx, CHANNEL_POLICY[channel], (u) => handler(u, parsed));
  return def.output.parse(out) as ChannelOutput<C>;
}

async function count(ctx: ServiceContext, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db);
  return Number(r.rows[0]!.n);
}

const keysHash = (ctx: ServiceContext) =>
  createHash('sha256').update(readFileSync(ctx.caseFile.keysPath)).digest('hex');

/** Rows of staff, op_log and audit_log, and the key-slot file's bytes: proves "nothing written". */
async function written(ctx: ServiceContext) {
  return {
    staff: await count(ctx, 'staff'),
    ops: await count(ctx, 'op_log'),
    audit: await count(ctx, 'audit_log'),
    keys: keysHash(ctx),
  };
}

async function lastOp(ctx: ServiceContext) {
  const op = await ctx.db
    .selectFrom('op_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...op, fields: JSON.parse(op.fields) as Record<string, unknown> };
}

async function lastAudit(ctx: ServiceContext) {
  return ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

const SATO_PASS = 'sato no passphrase 2025';
const sato = {
  login: ' ＳＡＴＯ ',
  displayName: '佐藤 一郎',
  role: 'counselor',
  profession: 'social_worker',
  passphrase: SATO_PASS,
} as const;

describe('staff accounts', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeEach(async () => {
    fx = await serviceFixture();
  });
  afterEach(async () => {
    await fx.close();
  });

  it('adds an account: row, op, audit and a key slot that unlocks the file', async () => {
    const ctx = fx.admin;
    const before = await written(ctx);
    const added = await call(ctx, 'staff.add', sato);
    expect(added).toMatchObject({
      login: 'sato',
      displayName: '佐藤 一郎',
      role: 'counselor',
      profession: 'social_worker',
      active: true,
    });
    const after = await written(ctx);
    expect(after).toMatchObject({ staff: before.staff + 1, ops: before.ops + 1, audit: before.audit + 1 });
    expect(after.keys).not.toBe(before.keys);
    const op = await lastOp(ctx);
    expect(op).toMatchObject({ entity: 'staff', entity_id: added.id });
    expect(op.fields).toMatchObject({ login: 'sato', role: 'counselor', active: 1 });
    expect(op.fields).not.toHaveProperty('passphrase');
    const audit = await lastAudit(ctx);
    expect(audit).toMatchObject({
      action: 'staff.add',
      entity: 'staff',
      entity_id: added.id,
      login: 'admin',
    });
    expect(audit.detail).not.toContain(SATO_PASS);

    const satoCtx = await fx.runtime.login('Sato', SATO_PASS);
    expect(satoCtx.actor).toMatchObject({ id: added.id, login: 'sato', role: 'counselor' });
  });

  it('refuses a weak passphrase and a taken login, writing nothing', async () => {
    const ctx = fx.admin;
    const before = await written(ctx);
    expect(await errorCode(call(ctx, 'staff.add', { ...sato, passphrase: 'short' }))).toBe('WEAK_PASSPHRASE');
    expect(await errorCode(call(ctx, 'staff.add', { ...sato, passphrase: 'aaaaaaaaaaaaaaaa' }))).toBe(
      'WEAK_PASSPHRASE',
    );
    // ＡＤＭＩＮ folds to the first administrator's login
    expect(await errorCode(call(ctx, 'staff.add', { ...sato, login: 'ＡＤＭＩＮ' }))).toBe('LOGIN_EXISTS');
    expect(await written(ctx)).toEqual(before);
  });

  it('rolls the row back when the key slot cannot be written', async () => {
    const ctx = fx.admin;
    // a slot left without a staff row: the slot write is what fails, after the row was inserted
    await ctx.caseFile.addSlot('ghost', PASS);
    const before = await written(ctx);
    expect(await errorCode(call(ctx, 'staff.add', { ...sato, login: 'ghost' }))).toBe('LOGIN_EXISTS');
    expect(await written(ctx)).toEqual(before);
    expect(
      await ctx.db.selectFrom('staff').select('id').where('login', '=', 'ghost').executeTakeFirst(),
    ).toBeUndefined();

    // a disk failure while writing the sidecar
    const spy = vi.spyOn(ctx.caseFile, 'addSlot').mockRejectedValueOnce(new Error('ENOSPC: no space left'));
    await expect(call(ctx, 'staff.add', sato)).rejects.toThrow('ENOSPC');
    spy.mockRestore();
    expect(await written(ctx)).toEqual(before);
    expect(await errorCode(fx.runtime.login('sato', SATO_PASS))).toBe('UNKNOWN_LOGIN');
  });

  it('takes the key slot back when the commit fails after it was written', async () => {
    const ctx = fx.admin;
    const before = await written(ctx);
    const real = ctx.caseFile.addSlot.bind(ctx.caseFile);
    vi.spyOn(ctx.caseFile, 'addSlot').mockImplementationOnce(async (login, passphrase) => {
      await real(login, passphrase);
      // a deferred foreign-key violation makes the COMMIT itself fail
      ctx.caseFile.sqlite.pragma('defer_foreign_keys = ON');
      ctx.caseFile.sqlite
        .prepare(
          `INSERT INTO drafts (id, staff_id, kind, data, updated_at) VALUES ('d', 'nobody', 'k', '{}', '')`,
        )
        .run();
    });
    await expect(call(ctx, 'staff.add', sato)).rejects.toThrow(/FOREIGN KEY/);
    expect(await written(ctx)).toEqual(before);
    expect(await errorCode(fx.runtime.login('sato', SATO_PASS))).toBe('UNKNOWN_LOGIN');
  });

  it('updates name, role and profession with an op of the changed fields only', async () => {
    const ctx = fx.admin;
    const s = await call(ctx, 'staff.add', sato);
    const up = await call(ctx, 'staff.update', { id: s.id, role: 'read_only', profession: null });
    expect(up).toMatchObject({ displayName: '佐藤 一郎', role: 'read_only', profession: null });
    const op = await lastOp(ctx);
    expect(Object.keys(op.fields).sort()).toEqual(['profession', 'role', 'updated_at']);
    const audit = await lastAudit(ctx);
    expect(audit).toMatchObject({ action: 'staff.update', entity_id: s.id });
    expect(JSON.parse(audit.detail!)).toEqual({
      fields: ['role', 'profession'],
      role: { from: 'counselor', to: 'read_only' },
    });

    const same = await written(ctx);
    expect(await call(ctx, 'staff.update', { id: s.id, role: 'read_only' })).toMatchObject({
      role: 'read_only',
    });
    expect(await written(ctx)).toEqual(same);
    const renamed = await call(ctx, 'staff.update', { id: s.id, displayName: '佐藤 一朗' });
    expect(renamed).toMatchObject({ displayName: '佐藤 一朗', role: 'read_only' });

    const missing = '01900000-0000-7000-8000-000000000000';
    const mid = await written(ctx);
    expect(await errorCode(call(ctx, 'staff.update', { id: missing, displayName: 'x' }))).toBe('NOT_FOUND');
    expect(await errorCode(call(ctx, 'staff.deactivate', { id: missing }))).toBe('NOT_FOUND');
    expect(await written(ctx)).toEqual(mid);
  });

  it('never demotes the last active administrator', async () => {
    const ctx = fx.admin;
    const before = await written(ctx);
    expect(await errorCode(call(ctx, 'staff.update', { id: ctx.actor.id, role: 'counselor' }))).toBe(
      'CONFLICT',
    );
    expect(await errorCode(call(ctx, 'staff.deactivate', { id: ctx.actor.id }))).toBe('CONFLICT');
    expect(await written(ctx)).toEqual(before);
    const me = await ctx.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', ctx.actor.id)
      .executeTakeFirstOrThrow();
    expect(me).toMatchObject({ role: 'administrator', active: 1 });

    // with a second administrator, demoting oneself works and takes effect in this session
    await call(ctx, 'staff.add', { ...sato, role: 'administrator' });
    expect(await call(ctx, 'staff.update', { id: ctx.actor.id, role: 'counselor' })).toMatchObject({
      role: 'counselor',
    });
    expect(ctx.actor.role).toBe('counselor');
    expect(await errorCode(call(ctx, 'staff.add', { ...sato, login: 'tanaka' }))).toBe('FORBIDDEN');
  });

  it('refuses to deactivate the last active administrator from a stale session', async () => {
    const s = await call(fx.admin, 'staff.add', { ...sato, role: 'administrator' });
    const ctx = await fx.runtime.login('sato', SATO_PASS);
    // sato was demoted on another device meanwhile; this session still says administrator
    await ctx.db.updateTable('staff').set({ role: 'counselor' }).where('id', '=', s.id).execute();
    const adminId = (
      await ctx.db.selectFrom('staff').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    const before = await written(ctx);
    expect(await errorCode(call(ctx, 'staff.deactivate', { id: adminId }))).toBe('CONFLICT');
    expect(await written(ctx)).toEqual(before);
  });

  it('deactivates: the row stays, the key slot goes, the login no longer unlocks', async () => {
    const ctx = fx.admin;
    const s = await call(ctx, 'staff.add', sato);
    const before = await written(ctx);
    const off = await call(ctx, 'staff.deactivate', { id: s.id });
    expect(off).toMatchObject({ id: s.id, login: 'sato', active: false });
    const after = await written(ctx);
    expect(after).toMatchObject({ staff: before.staff, ops: before.ops + 1, audit: before.audit + 1 });
    expect(after.keys).not.toBe(before.keys);
    expect(Object.keys((await lastOp(ctx)).fields).sort()).toEqual(['active', 'updated_at']);
    expect(await lastAudit(ctx)).toMatchObject({ action: 'staff.deactivate', entity_id: s.id });
    // again: already inactive, nothing more to do
    expect((await call(ctx, 'staff.deactivate', { id: s.id })).active).toBe(false);
    expect(await written(ctx)).toEqual(after);

    expect(await errorCode(fx.runtime.login('sato', SATO_PASS))).toBe('UNKNOWN_LOGIN');
    // the failed login locked nothing: the admin can still log in and still sees sato's row
    const again = await fx.as(ADMIN.login);
    const row = await again.db
      .selectFrom('staff')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ login: 'sato', active: 0 });
  });

  it('lists active staff to everyone; former staff only to roles that edit records', async () => {
    const ctx = fx.admin;
    const s = await call(ctx, 'staff.add', sato);
    await call(ctx, 'staff.deactivate', { id: s.id });
    await fx.addStaff('peer', 'peer_supporter', 'ピア 花子');
    await fx.addStaff('viewer', 'read_only', '閲覧 太郎');
    await fx.addStaff('counselor', 'counselor', '相談 次郎');
    const logins = (list: { login: string }[]) => list.map((x) => x.login).sort();
    const active = ['admin', 'counselor', 'peer', 'viewer'];

    expect(logins(await call(fx.runtime.context(), 'staff.list', {}))).toEqual(active);
    expect(logins(await call(fx.runtime.context(), 'staff.list', { includeInactive: true }))).toEqual(
      [...active, 'sato'].sort(),
    );
    for (const login of ['peer', 'viewer']) {
      const c = await fx.as(login);
      expect(logins(await call(c, 'staff.list', { includeInactive: true }))).toEqual(active);
    }
    const c = await fx.as('counselor');
    expect(logins(await call(c, 'staff.list', { includeInactive: true }))).toContain('sato');
  });

  for (const role of ['counselor', 'peer_supporter', 'read_only'] as const) {
    it(`refuses ${role} every staff change and the audit log, writing nothing`, async () => {
      const target = await call(fx.admin, 'staff.add', sato);
      await fx.addStaff('someone', role);
      const ctx = await fx.as('someone');
      const before = await written(ctx);
      expect(await errorCode(call(ctx, 'staff.add', { ...sato, login: 'tanaka' }))).toBe('FORBIDDEN');
      expect(await errorCode(call(ctx, 'staff.update', { id: target.id, role: 'administrator' }))).toBe(
        'FORBIDDEN',
      );
      expect(await errorCode(call(ctx, 'staff.update', { id: ctx.actor.id, role: 'administrator' }))).toBe(
        'FORBIDDEN',
      );
      expect(await errorCode(call(ctx, 'staff.deactivate', { id: target.id }))).toBe('FORBIDDEN');
      expect(await errorCode(call(ctx, 'audit.list', {}))).toBe('FORBIDDEN');
      expect(await written(ctx)).toEqual(before);
      const row = await ctx.db
        .selectFrom('staff')
        .selectAll()
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: 'counselor', active: 1 });
      expect(await errorCode(fx.runtime.login('tanaka', SATO_PASS))).toBe('UNKNOWN_LOGIN');
    });
  }

  it('rejects bad input at the contract', () => {
    const add = CHANNELS['staff.add'].input;
    expect(add.safeParse(sato).success).toBe(true);
    expect(add.safeParse({ ...sato, role: 'superuser' }).success).toBe(false);
    expect(add.safeParse({ ...sato, profession: 'wizard' }).success).toBe(false);
    expect(add.safeParse({ ...sato, login: '   ' }).success).toBe(false);
    expect(add.safeParse({ ...sato, passphrase: '' }).success).toBe(false);
    const update = CHANNELS['staff.update'].input;
    expect(update.safeParse({ id: 'not-a-uuid', displayName: 'x' }).success).toBe(false);
    expect(update.safeParse({ id: '01900000-0000-7000-8000-000000000000', displayName: '' }).success).toBe(
      false,
    );
    const audit = CHANNELS['audit.list'].input;
    expect(audit.safeParse({ from: '2025-02-29' }).success).toBe(false);
    expect(audit.safeParse({ to: '2025/06/01' }).success).toBe(false);
    expect(audit.safeParse({ limit: 0 }).success).toBe(false);
    expect(audit.safeParse({ limit: 501 }).success).toBe(false);
    expect(audit.safeParse({ offset: -1 }).success).toBe(false);
  });
});

describe('audit.list', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeEach(async () => {
    fx = await serviceFixture();
  });
  afterEach(async () => {
    await fx.close();
  });

  /** Audit rows at chosen local times (the writer stamps real time, so filters need fixed ones). */
  async function seed(ctx: ServiceContext) {
    const at = (local: string) => new Date(local).toISOString();
    const rows = [
      { at: at('2025-05-31T23:59:59'), login: 'sato', action: 'person.view', entity_id: 'p1', detail: null },
      {
        at: at('2025-06-01T00:00:00'),
        login: 'sato',
        action: 'person.update',
        entity_id: 'p1',
        detail: '{"fields":["phone"]}',
      },
      {
        at: at('2025-06-01T23:59:59'),
        login: 'tanaka',
        action: 'person.view',
        entity_id: 'p2',
        detail: null,
      },
      { at: at('2025-06-02T00:00:00'), login: 'sato', action: 'person.view', entity_id: 'p2', detail: null },
    ];
    await ctx.db
      .insertInto('audit_log')
      .values(rows.map((r) => ({ id: undefined, staff_id: null, entity: 'person', ...r })))
      .execute();
  }

  it('filters by login, action, entity and local day range, newest first, paged with a total', async () => {
    const ctx = fx.admin;
    await seed(ctx);
    const q = (input: ChannelInput<'audit.list'>) => call(ctx, 'audit.list', input);

    const june1 = await q({ from: '2025-06-01', to: '2025-06-01' });
    expect(june1.total).toBe(2);
    expect(june1.rows.map((r) => r.action)).toEqual(['person.view', 'person.update']);
    expect(june1.rows.map((r) => r.login)).toEqual(['tanaka', 'sato']);
    expect(june1.rows[1]!.detail).toEqual({ fields: ['phone'] });

    expect((await q({ to: '2025-05-31' })).rows.map((r) => r.entityId)).toEqual(['p1']);
    const fromJune2 = await q({ from: '2025-06-02' });
    expect(fromJune2.rows.map((r) => r.login)).toContain('sato');
    expect(fromJune2.rows.every((r) => r.at >= new Date('2025-06-02T00:00:00').toISOString())).toBe(true);

    const satoRows = await q({ login: 'ＳＡＴＯ', to: '2025-06-02' });
    expect(satoRows.total).toBe(3);
    expect(satoRows.rows.map((r) => r.at)).toEqual([...satoRows.rows.map((r) => r.at)].sort().reverse());
    expect((await q({ action: 'person.view', entityId: 'p2' })).total).toBe(2);
    expect((await q({ entityId: 'p1', action: 'person.update' })).rows).toHaveLength(1);

    const page1 = await q({ login: 'sato', limit: 2 });
    const page2 = await q({ login: 'sato', limit: 2, offset: 2 });
    expect(page1).toMatchObject({ total: 3 });
    expect(page1.rows).toHaveLength(2);
    expect(page2.rows).toHaveLength(1);
    expect(page2.rows[0]!.at).toBe(new Date('2025-05-31T23:59:59').toISOString());
  });

  it('shows what the use cases wrote: login, staff changes', async () => {
    const ctx = fx.admin;
    const s = await call(ctx, 'staff.add', sato);
    await call(ctx, 'staff.update', { id: s.id, role: 'administrator' });
    const forSato = await call(ctx, 'audit.list', { entityId: s.id });
    expect(forSato.rows.map((r) => r.action)).toEqual(['staff.update', 'staff.add']);
    expect(forSato.rows[0]!.detail).toEqual({
      fields: ['role'],
      role: { from: 'counselor', to: 'administrator' },
    });
    const logins = await call(ctx, 'audit.list', { action: 'login', login: 'admin' });
    expect(logins.total).toBe(0); // create does not log a login; a real login does
    await fx.as(ADMIN.login);
    const after = await call(fx.runtime.context(), 'audit.list', { action: 'login', login: 'admin' });
    expect(after.total).toBe(1);
  });
});
