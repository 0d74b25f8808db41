// Profiler for the report bench (not a bench part): builds the report over the file the reports
// bench kept, three times to warm up, then once more timing every SQL statement it runs
// (better-sqlite3's statements are patched for that run). JavaScript time = wall − SQL.
//   YORISOI_BENCH_REPORT_FILE=/tmp/x.yorisoi npm run bench -- reports   (seeds and keeps it)
//   YORISOI_BENCH_REPORT_FILE=/tmp/x.yorisoi npx tsx tests/bench/report-profile.ts
import Database from 'better-sqlite3-multiple-ciphers';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { setBenchKdfLog2N } from '../../db/crypto/kdf';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { AppRuntime } from '../../electron/app/runtime';

const file = process.env.YORISOI_BENCH_REPORT_FILE!;
setBenchKdfLog2N(10);
const proto = Object.getPrototypeOf(new Database(':memory:').prepare('select 1'));
const times = new Map<string, { ms: number; n: number }>();
let on = false;
for (const m of ['all', 'run', 'get']) {
  const orig = proto[m];
  proto[m] = function (this: { source: string }, ...a: unknown[]) {
    if (!on) return orig.apply(this, a);
    const t0 = process.hrtime.bigint();
    try {
      return orig.apply(this, a);
    } finally {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const k = this.source.replace(/\s+/g, ' ').slice(0, 160);
      const e = times.get(k) ?? { ms: 0, n: 0 };
      e.ms += ms;
      e.n++;
      times.set(k, e);
    }
  };
}
const runtime = new AppRuntime({ casefile: file, now: () => new Date('2026-04-10T12:00:00') });
await runtime.login('admin', 'ベンチマーク用のパスフレーズ');
const d = createDispatcher(runtime, ALL_HANDLERS);
const build = async () => {
  const t0 = Date.now();
  const r = await d.dispatch('report.build', { fiscalYear: 2025 });
  if (!r.ok) throw new Error(r.error.message);
  return Date.now() - t0;
};
console.log('cold', await build());
for (let i = 0; i < 2; i++) console.log('warm', await build());
on = true;
const c0 = process.cpuUsage();
const wall = await build();
const cpu = process.cpuUsage(c0);
on = false;
let sum = 0;
for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
  sum += v.ms;
  if (v.ms > 2) console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(3), k);
}
console.log('profiled wall', wall, 'cpu', (cpu.user + cpu.system) / 1000, 'sql sum', sum.toFixed(0));
await runtime.lock();
