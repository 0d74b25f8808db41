// `npm run bench` must be able to fail: a metric printed with ok:false makes the run exit 1,
// and the last line says how many metrics met their targets. (No timing here: the metrics are
// made up; the bench itself is run by hand.)
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodeOf, report, reportAtLeast, reportAtMost, summaryLine, tally } from '../bench/measure';

describe('the bench summary', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    tally.metrics = 0;
    tally.targeted = 0;
    tally.missed = [];
  });

  const printed = () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    return lines;
  };

  it('counts a missed target and fails the run', () => {
    const lines = printed();
    report({ metric: 'seed_time', value: 12, unit: 's' }); // no target: counted, never missed
    reportAtMost({ metric: 'search_p95', value: 140, unit: 'ms' }, 100);
    reportAtMost({ metric: 'save_p99', value: 8, unit: 'ms' }, 10);
    reportAtLeast({ metric: 'verify_rate', value: 90_000, unit: 'entries/s' }, 100_000);
    vi.restoreAllMocks();
    expect(JSON.parse(lines[1]!)).toMatchObject({ metric: 'search_p95', target: '≤ 100', ok: false });
    expect(JSON.parse(lines[3]!)).toMatchObject({ target: '≥ 100000', ok: false });
    expect(summaryLine()).toBe('4 metrics, 1 within target, 2 missed (search_p95, verify_rate)');
    expect(exitCodeOf()).toBe(1);
  });

  it('passes when every target is met, and fails when a part crashed', () => {
    printed();
    reportAtMost({ metric: 'save_p99', value: 10, unit: 'ms' }, 10);
    vi.restoreAllMocks();
    expect(summaryLine()).toBe('1 metrics, 1 within target, 0 missed');
    expect(exitCodeOf()).toBe(0);
    expect(exitCodeOf(true)).toBe(1);
  });

  it('refuses a part it does not know instead of running nothing and passing', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', 'no-such-part'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown bench part');
  });
});
