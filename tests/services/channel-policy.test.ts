import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { CHANNEL_NAMES, CHANNELS } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

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

/**
 * Every commit is a unit of work's (issue 19): a use case that opened a transaction of its own
 * would be one the dispatcher cannot hold to its permission and audit entry. The only other
 * `.transaction()` is the annual report's read snapshot, which writes nothing.
 */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

describe('no use case opens a transaction of its own', () => {
  it('only the unit of work (and the report’s read snapshot) call .transaction() in electron/', () => {
    const opening = sourceFiles('electron').filter((f) => /\.transaction\(\)/.test(readFileSync(f, 'utf8')));
    expect(opening.map((f) => relative(process.cwd(), f)).sort()).toEqual([
      'electron/services/reports/build-report.ts',
      'electron/services/unit-of-work.ts',
    ]);
  });
});

/**
 * From the attacker's side (a nurse on the counselor role, who may not manage staff, reset a
 * second factor, read or export the log or restore a backup) and from the user's (a failure
 * after the write takes the rows and the audit entry back together).
 */
describe('staff, second factor, audit, backup and drafts run on the unit of work', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let nurseId = '';
  let adminTotpStaff = '';
  beforeAll(async () => {
    fx = await serviceFixture();
    nurseId = await fx.addStaff('nurse', 'counselor', '看護 花子', 'nurse');
    adminTotpStaff = await fx.addStaff('clerk', 'counselor', '事務 次郎', 'clerk');
    // the clerk has a second factor (an administrator may reset it)
    await fx.runtime
      .context()
      .db.insertInto('staff_totp')
      .values({
        staff_id: adminTotpStaff,
        secret: 'JBSWY3DPEHPK3PXP',
        state: 'active',
        created_at: '2025-06-01T00:00:00Z',
        last_step: null,
      })
      .execute();
  });
  afterAll(() => fx.close());

  const state = async () => {
    const db = fx.runtime.context().db;
    const n = async (t: 'staff' | 'audit_log' | 'op_log' | 'staff_totp' | 'drafts' | 'meta') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'role', 'active', 'display_name'])
      .orderBy('id')
      .execute();
    const meta = await db
      .selectFrom('meta')
      .selectAll()
      .where('key', 'like', 'backup_%')
      .orderBy('key')
      .execute();
    return {
      staff,
      meta,
      audit: await n('audit_log'),
      ops: await n('op_log'),
      totp: await n('staff_totp'),
      drafts: await n('drafts'),
    };
  };

  const refused: [string, () => unknown][] = [
    [
      'staff.add',
      () => ({
        login: 'intruder',
        displayName: '侵入 者',
        role: 'administrator',
        passphrase: 'a long enough passphrase 1',
      }),
    ],
    ['staff.update', () => ({ id: nurseId, role: 'administrator' })],
    ['staff.deactivate', () => ({ id: adminTotpStaff })],
    ['totp.reset', () => ({ staffId: adminTotpStaff })],
    ['totp.accounts', () => ({})],
    ['audit.list', () => ({})],
    ['audit.verify', () => ({})],
    ['audit.export', () => ({})],
    ['backup.setFolder', () => ({ folder: fx.dir, remindAfterDays: 3 })],
    ['backup.restore', () => ({ snapshot: `${fx.dir}/none.yorisoi-backup`, passphrase: 'x' })],
    ['casefile.rotateKey', () => ({})],
  ];
  for (const [channel, input] of refused) {
    it(`a nurse's ${channel} is FORBIDDEN before its use case runs, and nothing changes`, async () => {
      let ran = false;
      const d = createDispatcher(
        fx.runtime,
        {
          ...ALL_HANDLERS,
          [channel]: async () => {
            ran = true;
            throw new Error('the use case ran');
          },
        },
        { logInternal: () => {} },
      );
      await fx.as('nurse');
      const before = await state();
      const r = await d.dispatch(channel, input());
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
      expect(ran).toBe(false);
      // no refusal entry: these channels declare none, so the log is as it was too
      expect(await state()).toEqual(before);
    });
  }

  /** The real use case runs and writes; a failure after it (a full disk at commit) follows. */
  const failingAfter = (channel: keyof typeof ALL_HANDLERS) =>
    createDispatcher(
      fx.runtime,
      {
        ...ALL_HANDLERS,
        [channel]: async (u: never, i: never) => {
          await (ALL_HANDLERS[channel] as (u: never, i: never) => Promise<unknown>)(u, i);
          throw new Error('disk full');
        },
      },
      { logInternal: () => {} },
    );

  const failing: [keyof typeof ALL_HANDLERS, () => unknown][] = [
    ['totp.reset', () => ({ staffId: adminTotpStaff })],
    ['staff.update', () => ({ id: nurseId, displayName: '看護 太郎' })],
    ['staff.deactivate', () => ({ id: nurseId })],
    ['totp.begin', () => ({})],
    ['draft.save', () => ({ kind: 'intake', data: { memo: '途中まで入力' } })],
  ];
  for (const [channel, input] of failing) {
    it(`${channel}: a failure after the write leaves neither the rows nor an audit line`, async () => {
      await fx.as('admin');
      const before = await state();
      const r = await failingAfter(channel).dispatch(channel, input());
      expect(r.ok ? 'ok' : r.error.code).toBe('INTERNAL');
      expect(await state()).toEqual(before);
    });
  }

  it('backup.setFolder: an audit entry that cannot be written takes the settings back with it', async () => {
    await fx.as('admin');
    const db = fx.runtime.context().db;
    const before = await state();
    // the log refuses this one entry (as a full disk would, at the entry)
    await sql`CREATE TEMP TRIGGER no_configure_entry BEFORE INSERT ON audit_log
      WHEN NEW.action = 'backup.configure' BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db);
    try {
      const r = await createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} }).dispatch(
        'backup.setFolder',
        { folder: fx.dir, remindAfterDays: 3 },
      );
      expect(r.ok).toBe(false);
      expect(await state()).toEqual(before);
    } finally {
      await sql`DROP TRIGGER no_configure_entry`.execute(db);
    }
    const ok = await createDispatcher(fx.runtime, ALL_HANDLERS).dispatch('backup.setFolder', {
      folder: fx.dir,
      remindAfterDays: 3,
    });
    expect(ok.ok).toBe(true);
    const after = await state();
    expect(after.audit).toBe(before.audit + 1);
    expect(after.meta.map((m) => m.key)).toEqual(['backup_folder', 'backup_remind_days']);
  });

  /** The log refuses entries of one action (as a full disk would, at the entry). */
  async function withRefusedEntry<T>(action: string, fn: () => Promise<T>): Promise<T> {
    const db = fx.runtime.context().db;
    await sql`CREATE TEMP TRIGGER refuse_entry BEFORE INSERT ON audit_log
      WHEN NEW.action = ${sql.lit(action)} BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db);
    try {
      return await fn();
    } finally {
      await sql`DROP TRIGGER refuse_entry`.execute(db);
    }
  }

  it('staff.add: when its entry cannot be written there is no account and no key slot', async () => {
    await fx.as('admin');
    const before = await state();
    const r = await withRefusedEntry('staff.add', () =>
      createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} }).dispatch('staff.add', {
        login: 'newcomer',
        displayName: '新人 三郎',
        role: 'counselor',
        passphrase: 'newcomer passphrase 2025',
      }),
    );
    expect(r.ok).toBe(false);
    expect(await state()).toEqual(before);
    await expect(fx.runtime.login('newcomer', 'newcomer passphrase 2025')).rejects.toMatchObject({
      code: 'UNKNOWN_LOGIN',
    });
  });

  it('backup.run: when its entry cannot be written, "last backup" is not moved either', async () => {
    await fx.as('admin');
    const before = await state();
    const r = await withRefusedEntry('backup.run', () =>
      createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} }).dispatch('backup.run', {}),
    );
    expect(r.ok).toBe(false);
    expect(await state()).toEqual(before);
  });

  it('each call writes the entry its policy declares, in the same order as it ran', async () => {
    await fx.as('admin');
    const d = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
    const calls: [string, unknown][] = [
      ['totp.reset', { staffId: adminTotpStaff }],
      ['staff.update', { id: adminTotpStaff, displayName: '事務 二郎' }],
      ['casefile.verify', {}],
      ['audit.verify', {}],
      ['backup.run', {}],
      [
        'session.changePassphrase',
        { oldPassphrase: ADMIN.passphrase, newPassphrase: 'a changed admin passphrase 2025' },
      ],
      [
        'session.changePassphrase',
        { oldPassphrase: 'a changed admin passphrase 2025', newPassphrase: ADMIN.passphrase },
      ],
    ];
    const db = () => fx.runtime.context().db;
    const from = (
      await db()
        .selectFrom('audit_log')
        .select((e) => e.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m;
    for (const [c, input] of calls) {
      const r = await d.dispatch(c, input);
      expect(r.ok ? 'ok' : r.error.code, c).toBe('ok');
    }
    const written = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('id', '>', Number(from))
      .where('action', 'not in', ['keyslot.passphrase'])
      .orderBy('id')
      .execute();
    expect(written.map((w) => w.action)).toEqual(
      calls.map(([c]) => CHANNEL_POLICY[c as keyof typeof CHANNEL_POLICY].audit),
    );
  });

  it('a use case cannot leave out its audit entry: the dispatcher writes the declared one', async () => {
    await fx.as('admin');
    // an export that hands out the bytes and "forgets" to log them
    const d = createDispatcher(
      fx.runtime,
      {
        ...ALL_HANDLERS,
        'audit.export': async () => ({
          filename: 'yorisoi-audit.csv',
          mimeType: 'text/csv; charset=utf-8',
          base64: '',
          rows: 0,
        }),
      },
      { logInternal: () => {} },
    );
    const r = await d.dispatch('audit.export', {});
    expect(r.ok).toBe(true);
    const last = await fx.runtime
      .context()
      .db.selectFrom('audit_log')
      .select(['action', 'login'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'audit.export', login: 'admin' });
  });
});
