/** Bench helpers: every metric is printed as one JSON line. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export function report(m: Metric): void {
  process.stdout.write(JSON.stringify(m) + '\n');
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

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));
