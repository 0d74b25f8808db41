// Growth bench (issue 17): how many bytes of sync and history a consultation costs in the case
// file — row clocks, the op log and consultation versions, with their indexes (dbstat) — after
// a center's ordinary day: consultations recorded through the services (half with a new person,
// one in five edited later), synced to a laptop and acknowledged — so the ops both devices hold
// are pruned (db/sync/prune.ts); it says how many ops are left in each log of how many made
// (before pruning, this workload measured 3,513 B per consultation at the office, 2.8 KB of it
// op log). Target ≤ 4 KB per consultation.
// `npm run bench -- growth` (GROWTH_N to change the count); exits non-zero when the target is missed.
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { SqliteDb } from '../../db/sqlite/open-encrypted';
import { localVector } from '../../db/sync/version-vector';
import { serviceFixture } from '../fixtures/service-fixture';
import { report, round } from './measure';

const TARGET_BYTES = 4096;
/** what counts as sync overhead and history: these tables and every index on them */
const OVERHEAD_TABLES = ['row_clocks', 'op_log', 'consultation_versions'];

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

function device(fx: Fx) {
  const dispatcher = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => undefined });
  return {
    fx,
    get deviceId() {
      return fx.runtime.context().deviceId;
    },
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const r = await dispatcher.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.data as ChannelOutput<C>;
    },
  };
}
type Device = ReturnType<typeof device>;

/** bytes on disk per table (with its indexes), from SQLite's own page accounting */
export function tableBytes(sqlite: SqliteDb): Record<string, number> {
  const rows = sqlite
    .prepare(
      `SELECT coalesce(m.tbl_name, s.name) AS t, sum(s.pgsize) AS bytes
         FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name
        GROUP BY t`,
    )
    .all() as { t: string; bytes: number }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.bytes]));
}

/** bytes of sync overhead (with indexes) and how many ops are left in the log */
function overheadOf(d: Device) {
  const sqlite = d.fx.runtime.context().caseFile.sqlite;
  const bytes = tableBytes(sqlite);
  const ops = (sqlite.prepare(`SELECT count(*) AS n FROM op_log`).get() as { n: number }).n;
  // every op this device holds or held: its version vector (pruned ones counted by op_floor)
  const made = Object.values(localVector(sqlite)).reduce((a, b) => a + b, 0);
  const free =
    (sqlite.pragma('freelist_count', { simple: true }) as number) *
    (sqlite.pragma('page_size', { simple: true }) as number);
  return { bytes, overhead: OVERHEAD_TABLES.reduce((s, t) => s + (bytes[t] ?? 0), 0), ops, made, free };
}

async function exchange(from: Device, to: Device, dir: string, n: number) {
  const bundle = `${dir}/bundle-${n}.age`;
  const receipt = `${dir}/receipt-${n}.age`;
  await from.call('sync.exportBundle', { peer: to.deviceId, path: bundle });
  await to.call('sync.importBundle', { path: bundle });
  await to.call('sync.exportReceipt', { peer: from.deviceId, path: receipt });
  await from.call('sync.importReceipt', { path: receipt });
}

async function pairUp(a: Device, b: Device, dir: string) {
  await a.call('sync.exportCard', { path: `${dir}/a.card` });
  await b.call('sync.exportCard', { path: `${dir}/b.card` });
  await a.call('sync.addPeer', { path: `${dir}/b.card` });
  await b.call('sync.addPeer', { path: `${dir}/a.card` });
}

export async function benchGrowth(dir: string): Promise<void> {
  const n = Number(process.env.GROWTH_N ?? 3000);
  const office = device(await serviceFixture('2025-06-02'));
  const laptop = device(await serviceFixture('2025-06-02'));
  try {
    await pairUp(office, laptop, dir);
    const base = {
      receivedAt: '2025-06-02T10:00',
      method: 'phone' as const,
      consulter: 'self' as const,
      categories: ['3.1'],
    };
    const t0 = Date.now();
    let edited = 0;
    for (let i = 0; i < n; i++) {
      const person =
        i % 2 === 0
          ? {
              mode: 'new' as const,
              data: {
                name: `試験 花子${i}`,
                nameKana: `シケン ハナコ${i}`,
                birthDate: '1970-04-01',
                phone: '048-000-0000',
              },
            }
          : { mode: 'anonymous' as const };
      const c = await office.call('consultation.record', {
        ...base,
        person,
        summary: `就労と通院の両立についての相談 ${i}。主治医の意見書の取り方を説明した。`.repeat(2),
      });
      if (i % 5 === 4) {
        await office.call('consultation.update', {
          id: c.id,
          expectedVersion: c.version,
          changes: { ...base, person, summary: `折り返しの電話で補足 ${i}` },
        });
        edited++;
      }
      if (i % 500 === 499) {
        // both ways, as a center's devices do: what each holds becomes prunable on both
        await exchange(office, laptop, dir, i);
        await exchange(laptop, office, dir, i + 0.5);
      }
    }
    await exchange(office, laptop, dir, n);
    await exchange(laptop, office, dir, n + 1);
    const seconds = (Date.now() - t0) / 1000;
    for (const [name, d] of [
      ['office', office],
      ['laptop', laptop],
    ] as const) {
      const { bytes, overhead, ops, made, free } = overheadOf(d);
      const per = overhead / n;
      // pruned pages stay in the file, free, and are reused by the next writes
      report({
        metric: `growth_${name}_ops_left_in_log`,
        value: ops,
        unit: 'ops',
        target: `of ${made} made`,
      });
      report({ metric: `growth_${name}_free_pages_per_consultation`, value: round(free / n, 0), unit: 'B' });
      for (const t of OVERHEAD_TABLES) {
        report({
          metric: `growth_${name}_${t}_per_consultation`,
          value: round((bytes[t] ?? 0) / n, 0),
          unit: 'B',
        });
      }
      report({
        metric: `growth_${name}_sync_overhead_per_consultation`,
        value: round(per, 0),
        unit: 'B',
        target: `≤ ${TARGET_BYTES}`,
        ok: per <= TARGET_BYTES,
      });
      report({
        metric: `growth_${name}_sync_overhead_at_100k`,
        value: round((per * 100_000) / 2 ** 20, 0),
        unit: 'MiB',
      });
      if (per > TARGET_BYTES) process.exitCode = 1;
    }
    report({
      metric: 'growth_workload',
      value: n,
      unit: 'consultations',
      target: `${edited} edited; ${round(seconds, 1)} s`,
    });
  } finally {
    await office.fx.close();
    await laptop.fx.close();
  }
}
