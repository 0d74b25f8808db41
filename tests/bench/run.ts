// `npm run bench`: prints one JSON line per metric ({"metric","value","unit",…}).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCaseFile } from './casefile-bench';

const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-'));
try {
  await benchCaseFile(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
