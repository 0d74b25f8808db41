// `npm run bench -- receiver`: the prefecture's side. N centers (30) each record M consultations
// (FICTITIOUS, electron/demo) and send them under the statistics profile; the prefecture imports
// every bundle into its one case file, then shows the per-center summary and builds the annual
// report over all of them. Prints import time, file size, summary and report time, and the same
// extrapolated to 30 × 20,000 consultations: the empty prefecture file's bytes and times plus the
// per-consultation share × 600,000 (import and size grow with the rows; the summary and the
// report read every consultation of the year). Where one SQLite file stops being enough for the
// prefecture (the issue asks for it in numbers; it sets no target): the consultations a year at
// which the per-center summary reaches 2 s (a screen the clerk opens) and the annual report 10 s,
// from the same shares. Until 2026-12-04 those two limits were targets on the 30 × 20,000
// extrapolation, which missed in two of two runs that day (summary 1.84 and 2.73 s, report 10.5
// and 16.9 s): the README prints targets only where the issue sets one, and the answer to "where
// does one file stop being enough" is a size, not a pass at one size.
// YORISOI_BENCH_RECEIVER=30x2000 sets the size (the default, 30 × 300, takes a few minutes on a
// shared 2-core machine: seeding 30 centers is most of it).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setBenchKdfLog2N } from '../../db/crypto/kdf';
import { AppRuntime } from '../../electron/app/runtime';
import { seedDemo } from '../../electron/demo/seed-demo';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { report, round, timeMsAsync } from './measure';

const PASSPHRASE = 'ベンチマーク用のパスフレーズ';
const FULL = { centers: 30, consultations: 20_000 };
const FISCAL_YEAR = 2025;

function device(casefile: string) {
  const runtime = new AppRuntime({ casefile, now: () => new Date('2026-04-10T12:00:00') });
  const dispatcher = createDispatcher(runtime, ALL_HANDLERS, { logInternal: () => undefined });
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>) => {
    const r = await dispatcher.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as never;
  };
  return { runtime, call };
}

export async function benchReceiver(dir: string): Promise<void> {
  setBenchKdfLog2N(10); // unlocking is not what this measures
  try {
    await run(dir);
  } finally {
    setBenchKdfLog2N(null);
  }
}

async function run(dir: string): Promise<void> {
  const m = /^(\d+)x(\d+)$/.exec(process.env.YORISOI_BENCH_RECEIVER ?? '30x300');
  const centers = Number(m?.[1] ?? 30);
  const perCenter = Number(m?.[2] ?? 300);
  const prefFile = join(dir, 'prefecture.yorisoi');
  const pref = device(prefFile);
  await pref.runtime.create({
    centerName: '県難病対策担当',
    login: 'admin',
    displayName: '管理者',
    passphrase: PASSPHRASE,
  });
  await pref.call('sync.setMode', { mode: 'prefecture' });
  const prefCard = join(dir, 'prefecture.card');
  await pref.call('sync.exportCard', { path: prefCard });
  // the empty prefecture's bytes and times: what does not grow with the rows
  const empty = await measureReceiver(pref);

  const bundles: string[] = [];
  let seedMs = 0;
  let exportMs = 0;
  for (let i = 0; i < centers; i++) {
    const c = device(join(dir, `center-${i}.yorisoi`));
    await c.runtime.create({
      centerName: `第${i + 1}難病相談支援センター`,
      login: 'admin',
      displayName: '管理者',
      passphrase: PASSPHRASE,
    });
    seedMs += await timeMsAsync(() =>
      seedDemo(c.runtime.context(), {
        seed: 100 + i,
        consultations: perCenter,
        from: `${FISCAL_YEAR}-04-01`,
        to: `${FISCAL_YEAR + 1}-03-31`,
      }),
    );
    const card = join(dir, `center-${i}.card`);
    await c.call('sync.exportCard', { path: card });
    await c.call('sync.addPeer', { path: prefCard }); // the prefecture's card: statistics profile
    await pref.call('sync.addPeer', { path: card });
    const bundle = join(dir, `center-${i}.age`);
    const peer = pref.runtime.context().deviceId;
    exportMs += await timeMsAsync(() => c.call('sync.exportBundle', { peer, path: bundle }));
    bundles.push(bundle);
    await c.runtime.lock();
  }
  const total = centers * perCenter;
  const scale = (FULL.centers * FULL.consultations) / total;
  const label = `${centers}x${perCenter}`;
  report({ metric: `receiver_${label}_center_seed`, value: round(seedMs / 1000, 1), unit: 's' });
  report({ metric: `receiver_${label}_center_export_each`, value: round(exportMs / centers), unit: 'ms' });
  const bundleBytes = bundles.reduce((s, b) => s + statSync(b).size, 0);
  report({ metric: `receiver_${label}_bundles`, value: round(bundleBytes / 2 ** 20, 2), unit: 'MiB' });

  const importEach: number[] = [];
  for (const b of bundles)
    importEach.push(await timeMsAsync(() => pref.call('sync.importBundle', { path: b })));
  const importMs = importEach.reduce((a, b) => a + b, 0);
  report({ metric: `receiver_${label}_import_total`, value: round(importMs / 1000, 2), unit: 's' });
  report({ metric: `receiver_${label}_import_first_center`, value: round(importEach[0]!), unit: 'ms' });
  report({ metric: `receiver_${label}_import_last_center`, value: round(importEach.at(-1)!), unit: 'ms' });

  const ctx = pref.runtime.context();
  const counted = (await ctx.db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()) as { n: number };
  report({
    metric: `receiver_${label}_consultations`,
    value: Number(counted.n),
    unit: 'consultations',
    target: `= ${total}`,
    ok: Number(counted.n) === total,
  });

  const filled = await measureReceiver(pref);
  report({
    metric: `receiver_${label}_summary_rows`,
    value: filled.rows,
    unit: 'centers',
    target: `= ${centers}`,
    ok: filled.rows === centers,
  });
  report({ metric: `receiver_${label}_summary`, value: round(filled.summaryMs), unit: 'ms' });
  report({ metric: `receiver_${label}_report_build`, value: round(filled.reportMs), unit: 'ms' });
  report({ metric: `receiver_${label}_casefile`, value: round(filled.bytes / 2 ** 20, 1), unit: 'MiB' });
  const perRow = (k: 'bytes' | 'summaryMs' | 'reportMs') => Math.max(0, filled[k] - empty[k]) / total;
  report({ metric: 'receiver_bytes_per_consultation', value: Math.round(perRow('bytes')), unit: 'B' });
  await pref.runtime.lock();

  // at 30 × 20,000: the empty file's share plus the per-consultation share × 600,000 (the first
  // and last center's import times above say whether an import slows as the file grows)
  const rows = FULL.centers * FULL.consultations;
  const at = (k: 'bytes' | 'summaryMs' | 'reportMs') => empty[k] + perRow(k) * rows;
  const full = `${FULL.centers}x${FULL.consultations}`;
  report({
    metric: `receiver_${full}_casefile_extrapolated`,
    value: round(at('bytes') / 2 ** 30, 2),
    unit: 'GiB',
  });
  report({
    metric: `receiver_${full}_import_total_extrapolated`,
    value: round((importMs * scale) / 60_000, 1),
    unit: 'min',
  });
  report({
    metric: `receiver_${full}_summary_extrapolated`,
    value: round(at('summaryMs') / 1000, 2),
    unit: 's',
    note: `one file is enough while ≤ ${LIMITS.summaryMs / 1000} s`,
  });
  report({
    metric: `receiver_${full}_report_build_extrapolated`,
    value: round(at('reportMs') / 1000, 1),
    unit: 's',
    note: `one file is enough while ≤ ${LIMITS.reportMs / 1000} s`,
  });
  // where one file stops being enough: the consultations a year at which each reaches its limit
  for (const [k, name] of [
    ['summaryMs', 'summary'],
    ['reportMs', 'report_build'],
  ] as const) {
    const limit = LIMITS[k];
    report({
      metric: `receiver_one_file_${name}_limit_at`,
      value: perRow(k) > 0 ? Math.round((limit - empty[k]) / perRow(k) / 1000) * 1000 : Infinity,
      unit: 'consultations',
      note: `${name} reaches ${limit / 1000} s`,
    });
  }
}

/** Where one file stops being enough: the per-center summary (a screen) and the annual report. */
const LIMITS = { summaryMs: 2000, reportMs: 10_000 };

/** The summary (first call), the annual report, and the bytes the file holds (pages in use). */
async function measureReceiver(pref: ReturnType<typeof device>) {
  let rows = 0;
  const summaryMs = await timeMsAsync(async () => {
    const s = (await pref.call('sync.centerSummary', { fiscalYear: FISCAL_YEAR })) as { rows: unknown[] };
    rows = s.rows.length;
  });
  const reportMs = await timeMsAsync(() => pref.call('report.build', { fiscalYear: FISCAL_YEAR }));
  const sqlite = pref.runtime.context().caseFile.sqlite;
  const n = (p: string) => Number(sqlite.pragma(p, { simple: true }));
  return { rows, summaryMs, reportMs, bytes: (n('page_count') - n('freelist_count')) * n('page_size') };
}
