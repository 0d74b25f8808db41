import { existsSync } from 'node:fs';
import { setBenchKdfLog2N } from '../../db/crypto/kdf';
import { join } from 'node:path';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { AppRuntime } from '../../electron/app/runtime';
import { seedDemo } from '../../electron/demo/seed-demo';
import { seedBenchReferrals } from './report-bench-referrals';
import { percentile, report, round, timeMsAsync } from './measure';

const CONSULTATIONS = 100_000;
const FISCAL_YEAR = 2025;
const TARGET_S = 2;

/** Wall and CPU seconds of one call (CPU shows the cost when other work shares the machine). */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const wall = (await timeMsAsync(fn)) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

/**
 * The full annual report (every table of DOMAIN §6) over 100,000 consultations, all in the one
 * fiscal year it reports on (a center sees a few thousand a year: this is 20–50 years of work
 * in one year), with ≈3,500 referrals (tables 5-2, 9-2), in the encrypted case file, through
 * the dispatcher as the app calls it.
 * 'report_build_cold' is the first build right after unlocking (every page read and decrypted;
 * the login's background cache warm-up gets no head start);
 * 'report_build' the median of three more. Target ≤ 2 s for both (wall clock); the CPU seconds
 * are printed too, since wall time on a shared machine includes other processes' turns.
 */
export async function benchReports(dir: string): Promise<void> {
  setBenchKdfLog2N(10); // the unlock's KDF is not what this measures
  try {
    await run(dir);
  } finally {
    setBenchKdfLog2N(null);
  }
}

async function run(dir: string): Promise<void> {
  // YORISOI_BENCH_REPORT_FILE keeps the seeded file (≈6 min to make) for the next run: seeded
  // when missing, reused when there. Its contents are fictitious (the demo generator).
  const kept = process.env.YORISOI_BENCH_REPORT_FILE;
  const casefile = kept ?? join(dir, 'report-bench.yorisoi');
  const login = { login: 'admin', passphrase: 'ベンチマーク用のパスフレーズ' };
  const runtime = new AppRuntime({ casefile, now: () => new Date('2026-04-10T12:00:00') });
  if (!kept || !existsSync(casefile)) {
    await runtime.create({ centerName: 'ベンチ難病相談支援センター', displayName: '管理者', ...login });
    const seedMs = await timeMsAsync(() =>
      seedDemo(runtime.context(), {
        seed: 7,
        consultations: CONSULTATIONS,
        from: `${FISCAL_YEAR}-04-01`,
        to: `${FISCAL_YEAR + 1}-03-31`,
        batchSize: 2000,
      }),
    );
    report({ metric: 'report_seed_100k', value: round(seedMs / 1000, 1), unit: 's' });
    await runtime.lock();
  }

  await runtime.login(login.login, login.passphrase);
  const dispatcher = createDispatcher(runtime, ALL_HANDLERS);
  const referralMs = await timeMsAsync(async () => {
    const made = await seedBenchReferrals(runtime.context(), dispatcher);
    if (made) report({ metric: 'report_seed_referrals', value: made, unit: 'referrals' });
  });
  report({ metric: 'report_seed_referrals_time', value: round(referralMs / 1000, 2), unit: 's' });
  const build = async () => {
    const r = await dispatcher.dispatch('report.build', { fiscalYear: FISCAL_YEAR });
    if (!r.ok) throw new Error(`report.build: ${r.error.code} ${r.error.message}`);
    const method = (r.data as { tables: { id: string; rows: { key: string; cells: unknown[] }[] }[] })
      .tables[0]!;
    const counted = method.rows.find((row) => row.key === 'total')?.cells[1];
    if (counted !== CONSULTATIONS) throw new Error(`the report counted ${String(counted)} consultations`);
  };
  // cold: a fresh unlock, then the report at once, as a user who opens it right after login
  // (the background cache warm-up that login starts runs alongside, with no head start)
  await runtime.lock();
  await runtime.login(login.login, login.passphrase);
  const cold = await timed(build);
  report({
    metric: 'report_build_cold',
    value: round(cold.wall),
    unit: 's',
    target: `≤${TARGET_S}`,
    ok: cold.wall <= TARGET_S,
  });
  report({ metric: 'report_build_cold_cpu', value: round(cold.cpu), unit: 's' });
  const warm: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timed(build));
  const warmS = percentile(
    warm.map((w) => w.wall),
    50,
  );
  report({
    metric: 'report_build',
    value: round(warmS),
    unit: 's',
    target: `≤${TARGET_S}`,
    ok: warmS <= TARGET_S,
  });
  report({
    metric: 'report_build_cpu',
    value: round(
      percentile(
        warm.map((w) => w.cpu),
        50,
      ),
    ),
    unit: 's',
  });
  const xlsxS =
    (await timeMsAsync(async () => {
      const r = await dispatcher.dispatch('report.export', { fiscalYear: FISCAL_YEAR, format: 'xlsx' });
      if (!r.ok) throw new Error(`report.export: ${r.error.code}`);
    })) / 1000;
  report({ metric: 'report_export_xlsx', value: round(xlsxS), unit: 's' });
  await runtime.lock();
}
