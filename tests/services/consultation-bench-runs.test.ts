// The consultation bench is run by hand (`npm run bench -- consultations`, ≈5 minutes at 100k);
// this runs it over 200 consultations so a change to the services or the schema that breaks
// the bench (it once lost the audit chain's SQL function on its plain side) fails here first.
// No timing is asserted: only that every metric is printed with a finite value.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchConsultations } from '../bench/consultation-bench';

describe('the consultation bench', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('runs end to end on a small file, encrypted and plain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-smoke-'));
    dirs.push(dir);
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await benchConsultations(dir, 200);
    vi.restoreAllMocks();
    const metrics = lines.map((l) => JSON.parse(l) as { metric: string; value: number });
    const names = metrics.map((m) => m.metric);
    for (const side of ['plain', 'encrypted', 'ratio'])
      for (const m of ['consultation_record_p99', 'search_3plus_chars_p95', 'search_1_2_chars_p95'])
        expect(names).toContain(`${m}_${side}`);
    for (const m of metrics) expect(Number.isFinite(m.value)).toBe(true);
  }, 120_000);
});
