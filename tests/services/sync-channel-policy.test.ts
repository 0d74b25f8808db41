import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { consultationInput, dumpAll, exportTo, makeDevice, pair, type Device } from '../sync/sync-helpers';

/** The newest audit entry's id on a device. */
const lastId = async (d: Device) =>
  Number(
    (
      await d.db
        .selectFrom('audit_log')
        .select((e) => e.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0,
  );
/** The actions logged on a device after entry `from`, in order. */
const since = async (d: Device, from: number) =>
  (await d.db.selectFrom('audit_log').select('action').where('id', '>', from).orderBy('id').execute()).map(
    (r: { action: string }) => r.action,
  );

/** The log refuses entries of one action (as a full disk would, at the entry). */
async function withRefusedEntry<T>(d: Device, action: string, fn: () => Promise<T>): Promise<T> {
  await sql`CREATE TEMP TRIGGER refuse_entry BEFORE INSERT ON audit_log
    WHEN NEW.action = ${sql.lit(action)} BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(d.db);
  try {
    return await fn();
  } finally {
    await sql`DROP TRIGGER refuse_entry`.execute(d.db);
  }
}

/**
 * The sync channels on the unit of work (issue 19): from the privacy officer's side, each call
 * leaves exactly the entry its policy declares, once; from the counselor's, a failure after the
 * write (a full disk at commit) takes the rows and the entry back together.
 */
describe('sync channels run on the unit of work', () => {
  let a: Device;
  let b: Device;
  let cardB = '';
  beforeAll(async () => {
    a = await makeDevice('北センター');
    b = await makeDevice('南センター');
    cardB = b.file('card');
    await b.call('sync.exportCard', { path: cardB });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const state = async () => ({
    meta: await a.db
      .selectFrom('meta')
      .select(['key', 'value'])
      .where('key', 'in', ['sync_mode', 'sync_folder'])
      .orderBy('key')
      .execute(),
    peers: await a.db.selectFrom('sync_peers').selectAll().orderBy('device_id').execute(),
    audit: await lastId(a),
    ops: Number(
      (
        await a.db
          .selectFrom('op_log')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  it('each call writes the entry its policy declares, once; reads write none', async () => {
    const from = await lastId(a);
    // the first look at the identity makes the keys: one entry, with them; the next none
    await a.call('sync.identity', {});
    await a.call('sync.identity', {});
    expect(await since(a, from)).toEqual(['sync.identity.create']);

    const calls: [string, unknown][] = [
      ['sync.exportCard', { path: a.file('card') }],
      ['sync.addPeer', { path: cardB }],
      ['sync.updatePeer', { peer: b.deviceId, label: '南の事務所' }],
      ['sync.setMode', { mode: 'center' }],
      ['sync.setFolder', { folder: a.dir }],
      ['sync.conflicts', { includeResolved: false }],
      ['sync.status', {}],
      ['sync.listFiles', {}],
      ['sync.mode', {}],
      ['sync.progress', {}],
      ['sync.exportLog', { limit: 10, offset: 0 }],
      ['sync.centerSummary', {}],
      ['sync.previewCard', { path: cardB }],
    ];
    const start = await lastId(a);
    for (const [c, input] of calls) await a.call(c as never, input as never);
    expect(await since(a, start)).toEqual(
      calls.map(([c]) => CHANNEL_POLICY[c as keyof typeof CHANNEL_POLICY].audit).filter((x) => x !== null),
    );
    // an update that changes nothing logs nothing
    const again = await lastId(a);
    await a.call('sync.updatePeer', { peer: b.deviceId, label: '南の事務所' });
    await a.call('sync.applyPending', {});
    expect(await since(a, again)).toEqual([]);
  });

  /** The real use case runs and writes; the commit then fails (as a full disk would). */
  const failingAfter = (channel: keyof typeof ALL_HANDLERS) =>
    createDispatcher(
      a.fx.runtime,
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
    ['sync.setMode', () => ({ mode: 'prefecture' })],
    ['sync.updatePeer', () => ({ peer: b.deviceId, label: '消える名前', profile: 'statistics' })],
    ['sync.removePeer', () => ({ peer: b.deviceId })],
    ['sync.resolveConflict', () => ({ id: 'none', choice: 'keep' })],
  ];
  for (const [channel, input] of failing) {
    it(`${channel}: a failure after the write leaves neither the rows nor an audit line`, async () => {
      const before = await state();
      expect(before.peers.filter((p) => p.active)).toHaveLength(1);
      const r = await failingAfter(channel).dispatch(channel, input());
      expect(r.ok).toBe(false);
      expect(await state()).toEqual(before);
    });
  }

  const staged: [string, string, () => unknown][] = [
    ['sync.setFolder', 'sync.folder', () => ({ folder: null })],
    ['sync.addPeer', 'sync.peer.add', () => ({ path: cardB, profile: 'statistics' })],
    ['sync.removePeer', 'sync.peer.remove', () => ({ peer: b.deviceId })],
  ];
  for (const [channel, action, input] of staged) {
    it(`${channel}: when its entry cannot be written, the change is not kept either`, async () => {
      const before = await state();
      const r = await withRefusedEntry(a, action, () =>
        createDispatcher(a.fx.runtime, ALL_HANDLERS, { logInternal: () => {} }).dispatch(channel, input()),
      );
      expect(r.ok).toBe(false);
      expect(await state()).toEqual(before);
    });
  }
});

/**
 * The bundle and receipt exchange on the unit of work too (issue 19's last five channels): the
 * entries are the dispatcher's, once each, and when the entry cannot be written (a full disk)
 * the case file stays as it was — nothing acknowledged, nothing imported, no "last export"
 * moved — so the next exchange simply does it again.
 */
describe('the bundle exchange runs on the unit of work', () => {
  let a: Device;
  let b: Device;
  beforeAll(async () => {
    a = await makeDevice('北センター');
    b = await makeDevice('南センター');
    await pair(a, b);
    await b.call('sync.setFolder', { folder: a.dir });
    await a.call('sync.setFolder', { folder: a.dir });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const state = async (d: Device) => ({ rows: await dumpAll(d.db), audit: await lastId(d) });

  it('each exchange call leaves the one entry its policy declares', async () => {
    await b.call('consultation.record', consultationInput());
    const [fromA, fromB] = [await lastId(a), await lastId(b)];
    const bundle = await exportTo(b, a);
    expect((await a.call('sync.importBundle', { path: bundle })).applied).toBeGreaterThan(0);
    const receipt = a.file('receipt');
    await a.call('sync.exportReceipt', { peer: b.deviceId, path: receipt });
    await b.call('sync.importReceipt', { path: receipt });
    expect(await since(a, fromA)).toEqual(['sync.bundle.import', 'sync.receipt.export']);
    expect(await since(b, fromB)).toEqual(['sync.bundle.export', 'sync.receipt.import']);

    // the folder import logs each file as that file's import, and nothing of its own
    await b.call('consultation.record', consultationInput({ summary: '二件目' }));
    await b.call('sync.exportBundle', { peer: a.deviceId, toFolder: true });
    const start = await lastId(a);
    const r = await a.call('sync.importFolder', {});
    expect(r.files.map((f) => [f.kind, f.ok])).toEqual([['bundle', true]]);
    expect(await since(a, start)).toEqual(['sync.bundle.import']);
  });

  it('a refused bundle is logged as refused, and changes nothing else', async () => {
    const path = a.file('not-a-bundle');
    writeFileSync(path, 'age-encryption.org/v1\n-> X25519 garbage\n');
    const before = await state(a);
    await expect(a.call('sync.importBundle', { path })).rejects.toMatchObject({ code: 'BUNDLE_CORRUPT' });
    expect(await since(a, before.audit)).toEqual(['sync.bundle.reject']);
    expect((await state(a)).rows).toEqual(before.rows);
  });

  it('when an import’s entry cannot be written, nothing of the file stays (bundle, receipt, folder)', async () => {
    await b.call('consultation.record', consultationInput({ summary: '三件目' }));
    const bundle = await exportTo(b, a);
    const receipt = a.file('receipt');
    await a.call('sync.exportReceipt', { peer: b.deviceId, path: receipt });
    await b.call('sync.exportBundle', { peer: a.deviceId, toFolder: true });
    for (const [d, channel, action, input] of [
      [a, 'sync.importBundle', 'sync.bundle.import', { path: bundle }],
      [b, 'sync.importReceipt', 'sync.receipt.import', { path: receipt }],
      [a, 'sync.importFolder', 'sync.bundle.import', {}],
    ] as const) {
      const before = await state(d);
      const r = await withRefusedEntry(d, action, () => d.call(channel, input as never)).catch((e) => e);
      // the folder import answers per file; the others refuse the call
      if (channel === 'sync.importFolder')
        expect((r as { files: { ok: boolean }[] }).files[0]!.ok).toBe(false);
      else expect(r, channel).toBeInstanceOf(Error);
      expect((await state(d)).rows, channel).toEqual(before.rows);
    }
    // and the same files import afterwards as if nothing had happened
    expect((await a.call('sync.importBundle', { path: bundle })).applied).toBeGreaterThan(0);
    expect((await b.call('sync.importReceipt', { path: receipt })).acknowledged).toBeTruthy();
  });

  it('when an export’s entry cannot be written, neither the peer state nor the export log move', async () => {
    await b.call('consultation.record', consultationInput({ summary: '四件目' }));
    for (const [d, channel, action, input] of [
      [b, 'sync.exportBundle', 'sync.bundle.export', { peer: a.deviceId, path: b.file('bundle') }],
      [a, 'sync.exportReceipt', 'sync.receipt.export', { peer: b.deviceId, path: a.file('receipt') }],
    ] as const) {
      const before = await state(d);
      await expect(
        withRefusedEntry(d, action, () => d.call(channel, input)),
        channel,
      ).rejects.toThrow();
      expect(await state(d), channel).toEqual(before);
    }
  });
});
