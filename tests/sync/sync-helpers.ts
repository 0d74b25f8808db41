import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { restoreSnapshot } from '../../db/backup/restore';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ServiceContext } from '../../electron/services/context';
import { runUseCase, type UnitOfWork } from '../../electron/services/unit-of-work';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';

export type Device = Awaited<ReturnType<typeof makeDevice>>;

/** One installation: its own case file (its own device id), named like a center's device. */
export async function makeDevice(name: string, today = '2025-06-02') {
  const fx = await serviceFixture(today);
  await fx.admin.db.updateTable('meta').set({ value: name }).where('key', '=', 'center_name').execute();
  const dispatcher = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => undefined });
  let files = 0;
  const device = {
    name,
    fx,
    dir: fx.dir,
    get ctx(): ServiceContext {
      return fx.runtime.context();
    },
    get db(): Kysely<any> {
      return fx.runtime.context().db;
    },
    get deviceId(): string {
      return fx.runtime.context().deviceId;
    },
    /** a fresh path in this device's folder */
    file(label: string): string {
      return join(fx.dir, `${label}-${++files}.age`);
    },
    /** calls a channel through the dispatcher (input and output checked by the contract) */
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const r = await dispatcher.dispatch(channel, input);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.data as ChannelOutput<C>;
    },
    close: () => fx.close(),
  };
  return device;
}

/**
 * Runs a channel's use case the way the dispatcher does (its unit of work, permission and entry),
 * for a test that needs what the contract does not carry (a progress callback, a call left running).
 */
export function asChannel<T>(ctx: ServiceContext, channel: ChannelName, fn: (u: UnitOfWork) => Promise<T>) {
  return runUseCase(ctx, CHANNEL_POLICY[channel], fn);
}

/** Pairs a with b (each imports the other's card) with the given profiles (a's view of b first). */
export async function pair(
  a: Device,
  b: Device,
  profiles: { aSeesB?: 'full' | 'statistics'; bSeesA?: 'full' | 'statistics' } = {},
): Promise<void> {
  const cardA = a.file('card');
  const cardB = b.file('card');
  await a.call('sync.exportCard', { path: cardA });
  await b.call('sync.exportCard', { path: cardB });
  await a.call('sync.addPeer', { path: cardB, ...(profiles.aSeesB ? { profile: profiles.aSeesB } : {}) });
  await b.call('sync.addPeer', { path: cardA, ...(profiles.bSeesA ? { profile: profiles.bSeesA } : {}) });
}

/** A backup of the device onto its "USB stick" (a folder of its own); returns the snapshot's path. */
export async function backUp(d: Device): Promise<string> {
  const usb = join(d.dir, 'usb');
  mkdirSync(usb, { recursive: true });
  return (await d.call('backup.run', { folder: usb })).snapshot.path;
}

/**
 * Puts a backup back as the device's case file (it takes a new device id) and logs in again;
 * `beforeUnlock` runs between the two (a clock reset while the machine was off, say).
 */
export async function restoreBackup(d: Device, snapshot: string, beforeUnlock?: () => void): Promise<void> {
  await d.fx.runtime.lock();
  await restoreSnapshot({
    snapshot,
    casefile: d.fx.runtime.casefile,
    login: ADMIN.login,
    passphrase: ADMIN.passphrase,
  });
  beforeUnlock?.();
  await d.fx.as(ADMIN.login);
}

export async function exportTo(from: Device, to: Device): Promise<string> {
  const path = from.file(`bundle-to-${to.name}`);
  await from.call('sync.exportBundle', { peer: to.deviceId, path });
  return path;
}

/** Export from → to, import at to, and send a receipt back. */
export async function sync(from: Device, to: Device) {
  const result = await to.call('sync.importBundle', { path: await exportTo(from, to) });
  const receipt = to.file(`receipt-to-${from.name}`);
  await to.call('sync.exportReceipt', { peer: from.deviceId, path: receipt });
  await from.call('sync.importReceipt', { path: receipt });
  return result;
}

/** Every table's rows, sorted; for "nothing changed" comparisons (the audit log and its head excepted). */
export async function dumpAll(db: Kysely<any>): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'audit_head', 'sqlite_sequence')
    ORDER BY name`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    out[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * What must be identical on every device that holds the same ops: the records, their clocks,
 * the derived search rows, the op log itself and the conflict list. Left out: a remote staff
 * member's login (local to each file's key slots) and the time a conflict was noticed.
 */
export async function syncedState(db: Kysely<any>) {
  const q = async (query: ReturnType<typeof sql<Record<string, unknown>>>) =>
    (await query.execute(db)).rows.map((r) => JSON.stringify(r)).sort();
  return {
    persons: await q(sql`SELECT * FROM persons`),
    consultations: await q(sql`SELECT * FROM consultations`),
    categories: await q(sql`SELECT * FROM consultation_categories`),
    responses: await q(sql`SELECT * FROM consultation_responses`),
    diseases: await q(sql`SELECT * FROM consultation_diseases`),
    responders: await q(sql`SELECT * FROM consultation_responders`),
    cases: await q(sql`SELECT * FROM cases`),
    followUps: await q(sql`SELECT * FROM follow_ups`),
    institutions: await q(sql`SELECT * FROM institutions`),
    staff: await q(sql`SELECT id, display_name, role, profession, active, created_at, updated_at FROM staff`),
    rowClocks: await q(sql`SELECT * FROM row_clocks`),
    searchDocs: await q(sql`SELECT consultation_id, text FROM search_docs`),
    opLog: await q(sql`SELECT * FROM op_log`),
    conflicts: await q(sql`SELECT id, entity, entity_id, field, loser_hlc FROM sync_conflicts`),
    resolutions: await q(sql`SELECT * FROM sync_conflict_resolutions`),
  };
}

/** A minimal valid consultation input (anonymous unless a person is given). */
export function consultationInput(extra: Record<string, unknown> = {}) {
  return {
    receivedAt: '2025-06-02T10:00',
    method: 'phone' as const,
    consulter: 'self' as const,
    person: { mode: 'anonymous' as const },
    categories: ['1.1'],
    summary: '相談の要約',
    ...extra,
  };
}
