/** Bench helpers: every metric is printed as one JSON line. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  /** what the number is compared with when it has no target that can fail here */
  note?: string;
}

/** What this process printed so far: `npm run bench` sums it up and fails on any miss. */
export const tally = { metrics: 0, targeted: 0, missed: [] as string[] };

export function report(m: Metric): void {
  tally.metrics += 1;
  if (m.ok !== undefined) tally.targeted += 1;
  if (m.ok === false) tally.missed.push(m.metric);
  process.stdout.write(JSON.stringify(m) + '\n');
}

/** A metric against a ceiling: `ok` is set from the value, so it cannot disagree with it. */
export function reportAtMost(m: Omit<Metric, 'target' | 'ok'>, max: number): void {
  report({ ...m, target: `≤ ${max}`, ok: m.value <= max });
}

/** A metric against a floor. */
export function reportAtLeast(m: Omit<Metric, 'target' | 'ok'>, min: number): void {
  report({ ...m, target: `≥ ${min}`, ok: m.value >= min });
}

/** The run's last line: `N metrics, N within target, N missed` (and which ones missed). */
export function summaryLine(crashed = false): string {
  const within = tally.targeted - tally.missed.length;
  return (
    `${tally.metrics} metrics, ${within} within target, ${tally.missed.length} missed` +
    (tally.missed.length ? ` (${tally.missed.join(', ')})` : '') +
    (crashed ? '; a bench part failed' : '')
  );
}

/** 1 when any metric missed its target or a part failed, else 0. */
export function exitCodeOf(crashed = false): number {
  return tally.missed.length || crashed ? 1 : 0;
}

export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export const median = (samples: number[]) => percentile(samples, 50);

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));
