// Sync bench: export and import of 100,000 ops, each in its own process (so its peak memory is
// its own), beside a plain bulk insert of the same rows as the floor. Prints JSON lines.
// 2026-12-04: the 100k import's peak RSS was 486 MB (target ≤ 300): the pruning after the import
// deleted the acknowledged ops in one DELETE, whose statement journal (in memory, temp_store =
// MEMORY) held a copy of every page it changed. In steps of 2,000 seqs (db/sync/prune.ts): 269 MB
// (import 3.11× the plain floor, export 0.64×; 25k: 282 MB).
import { setBenchKdfLog2N } from '../../db/crypto/kdf';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../../db/migrations';
import { applyStoragePragmas } from '../../db/sqlite/open-encrypted';
import { AppRuntime } from '../../electron/app/runtime';
import { addPeer } from '../../electron/services/sync/pair-peer';
import { exportCard } from '../../electron/services/sync/identity-service';
import { exportBundle } from '../../electron/services/sync/export-bundle';
import { importBundle } from '../../electron/services/sync/import-bundle';
import { runUseCase, type UnitOfWork } from '../../electron/services/unit-of-work';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { generate } from '../fixtures/op-generator';
import { report, reportAtMost, round } from './measure';

const PASSPHRASE = 'ベンチマーク用のパスフレーズ';
const CHILD_FLAG = '--sync-bench-child';
/** the synced record tables a plain import of the same records would fill */
const FLOOR_TABLES = [
  'staff',
  'persons',
  'consultations',
  'consultation_categories',
  'consultation_responses',
  'consultation_responders',
  'search_docs',
] as const;

async function device(casefile: string, centerName: string, create: boolean): Promise<AppRuntime> {
  const runtime = new AppRuntime({ casefile });
  if (create)
    await runtime.create({ centerName, login: 'admin', displayName: '管理者', passphrase: PASSPHRASE });
  else await runtime.login('admin', PASSPHRASE);
  return runtime;
}

/** The same rows, inserted plainly in one transaction: what any import must at least cost. */
function floorInsert(target: Database.Database, rows: Record<string, Record<string, unknown>[]>): number {
  const t0 = process.hrtime.bigint();
  target.transaction(() => {
    for (const table of FLOOR_TABLES) {
      const list = rows[table]!;
      if (!list.length) continue;
      const cols = Object.keys(list[0]!);
      const ins = target.prepare(
        `INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      for (const r of list) ins.run(...cols.map((c) => r[c] as never));
    }
  })();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function readRows(source: Database.Database): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    FLOOR_TABLES.map((t) => [
      t,
      source
        .prepare(t === 'search_docs' ? `SELECT consultation_id, text FROM ${t}` : `SELECT * FROM ${t}`)
        .all() as Record<string, unknown>[],
    ]),
  );
}

/**
 * This process's own peak resident memory. Not getrusage's maxRSS: Linux carries that over from
 * the forking parent (its RSS at fork time), while VmHWM belongs to this program's memory map.
 */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

/** One measured phase, in a process of its own. Prints {ms, peakRssMb, ...}. */
async function child(phase: string, args: Record<string, string>): Promise<void> {
  const out: Record<string, unknown> = {};
  if (phase === 'export' || phase === 'import') {
    const runtime = await device(args.casefile!, '', false);
    const ctx = runtime.context();
    const t0 = process.hrtime.bigint();
    if (phase === 'export') {
      const r = await runUseCase(ctx, CHANNEL_POLICY['sync.exportBundle'], (u) =>
        exportBundle(u, { peer: args.peer!, path: args.bundle!, toFolder: false }),
      );
      out.ops = r.ops;
      out.bytes = r.bytes;
    } else {
      const r = await runUseCase(ctx, CHANNEL_POLICY['sync.importBundle'], (u) =>
        importBundle(u, args.bundle!),
      );
      out.applied = r.applied;
    }
    out.ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await runtime.lock();
  } else {
    // floor: rows loaded first (not timed, and not this bench's memory claim), then inserted
    const source = await device(args.source!, '', false);
    const rows = readRows(source.context().caseFile.sqlite);
    for (const s of rows.staff!) s.login = `~${String(s.id)}`;
    await source.lock();
    if (phase === 'floor-encrypted') {
      const target = await device(args.casefile!, '', false);
      out.ms = floorInsert(target.context().caseFile.sqlite, rows);
      await target.lock();
    } else {
      const plain = new Database(args.casefile!);
      plain.pragma('journal_mode = WAL');
      plain.pragma('foreign_keys = ON');
      applyStoragePragmas(plain);
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: plain }) });
      await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateToLatest();
      out.ms = floorInsert(plain, rows);
      await db.destroy();
    }
  }
  out.peakRssMb = peakRssMb();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(phase: string, args: Record<string, string>): Record<string, number> {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, phase, JSON.stringify(args)],
    { cwd: process.cwd(), env: process.env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`sync bench ${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** A sender holding `total` ops, a paired empty receiver, and an empty case file for the floor. */
export async function prepareSync(dir: string, total: number) {
  const senderFile = join(dir, `sync-sender-${total}.yorisoi`);
  const receiverFile = join(dir, `sync-receiver-${total}.yorisoi`);
  const sender = await device(senderFile, '送信センター', true);
  const receiver = await device(receiverFile, '受信端末', true);
  const cards = [join(dir, `s-${total}.card`), join(dir, `r-${total}.card`)] as const;
  const as = <T>(
    rt: AppRuntime,
    channel: 'sync.exportCard' | 'sync.addPeer',
    fn: (u: UnitOfWork) => Promise<T>,
  ) => runUseCase(rt.context(), CHANNEL_POLICY[channel], fn);
  await as(sender, 'sync.exportCard', (u) => exportCard(u, { path: cards[0] }));
  await as(receiver, 'sync.exportCard', (u) => exportCard(u, { path: cards[1] }));
  await as(sender, 'sync.addPeer', (u) => addPeer(u, { path: cards[1] }));
  await as(receiver, 'sync.addPeer', (u) => addPeer(u, { path: cards[0] }));
  const peer = receiver.context().deviceId;
  generate(sender.context(), total);
  await sender.lock();
  await receiver.lock();
  await device(join(dir, `sync-floor-${total}.yorisoi`), 'floor', true).then((r) => r.lock());
  return { senderFile, receiverFile, peer };
}

async function benchSize(dir: string, total: number): Promise<void> {
  const { senderFile, receiverFile, peer } = await prepareSync(dir, total);
  const bundle = join(dir, `sync-${total}.age`);
  const exp = runChild('export', { casefile: senderFile, peer, bundle });
  const imp = runChild('import', { casefile: receiverFile, bundle });
  const floor = runChild('floor-encrypted', {
    source: senderFile,
    casefile: join(dir, `sync-floor-${total}.yorisoi`),
  });
  const plain = runChild('floor-plain', {
    source: senderFile,
    casefile: join(dir, `sync-plain-${total}.db`),
  });
  const n = `${total / 1000}k`;
  report({ metric: `sync_export_${n}_ops`, value: exp.ops!, unit: 'ops' });
  report({
    metric: `sync_bundle_${n}_size`,
    value: round(statSync(bundle).size / 1024 / 1024, 1),
    unit: 'MiB',
  });
  report({ metric: `sync_floor_bulk_insert_${n}_encrypted`, value: round(floor.ms!), unit: 'ms' });
  report({ metric: `sync_floor_bulk_insert_${n}_plain`, value: round(plain.ms!), unit: 'ms' });
  report({ metric: `sync_export_${n}`, value: round(exp.ms!), unit: 'ms' });
  report({ metric: `sync_import_${n}`, value: round(imp.ms!), unit: 'ms' });
  for (const [name, m] of [
    ['export', exp],
    ['import', imp],
  ] as const) {
    // the floor is what the name says: a plain (unencrypted) bulk insert of the same rows; the
    // ratio to the encrypted bulk insert is printed beside it, without a target
    reportAtMost(
      { metric: `sync_${name}_${n}_vs_plain_floor`, value: round(m.ms! / plain.ms!, 2), unit: '×' },
      4,
    );
    report({ metric: `sync_${name}_${n}_vs_encrypted_floor`, value: round(m.ms! / floor.ms!, 2), unit: '×' });
    // unlocked with the production KDF (scrypt N=2^17, r=8: 128 MiB while it runs)
    reportAtMost({ metric: `sync_${name}_${n}_peak_rss`, value: round(m.peakRssMb!, 1), unit: 'MB' }, 300);
  }
  report({
    metric: `sync_import_${n}_applied`,
    value: imp.applied!,
    unit: 'ops',
    target: `= ${exp.ops!}`,
    ok: imp.applied === exp.ops,
  });
}

/**
 * Runs at 25,000 and 100,000 ops: peak memory must not grow with the bundle. The key slots use
 * the production KDF, so each child's peak memory includes its unlock, as a real CLI run's does.
 */
export async function benchSync(dir: string): Promise<void> {
  delete process.env.YORISOI_TEST_KDF_LOG2N;
  setBenchKdfLog2N(null);
  for (const total of [25_000, 100_000]) await benchSize(dir, total);
}

if (process.argv[2] === CHILD_FLAG && import.meta.url === pathToFileURL(process.argv[1]!).href) {
  await child(process.argv[3]!, JSON.parse(process.argv[4]!) as Record<string, string>);
}
