// `npm run bench`: prints one JSON line per metric ({"metric","value","unit",…}).
// `npm run bench -- casefile` runs one part; parts: casefile consultations reports sync list
// coordination letters audit receiver growth. The last line sums up (`N metrics, N within target,
// N missed`); the run exits 1 when any metric missed its target (ok:false) or a part failed.
// The list part builds the renderer first (so it never measures a stale build) and needs Debian's
// Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAudit } from './audit-bench';
import { benchCaseFile } from './casefile-bench';
import { benchConsultations } from './consultation-bench';
import { benchGrowth } from './growth-bench';
import { benchCoordination } from './coordination-bench';
import { benchLetters } from './letters-bench';
import { benchList } from './list-bench';
import { buildListCaseFile } from './list-casefile';
import { benchReports } from './report-bench';
import { exitCodeOf, summaryLine } from './measure';
import { benchReceiver } from './receiver-bench';
import { benchSync } from './sync-bench';

const PARTS: Record<string, (dir: string) => Promise<void>> = {
  casefile: benchCaseFile,
  consultations: (d) => benchConsultations(d),
  reports: benchReports,
  sync: benchSync,
  list: async (d) => {
    // a fresh clone has no dist/renderer, and an old one would measure yesterday's renderer
    execFileSync('npm', ['run', '--silent', 'build:renderer'], { stdio: ['ignore', 'ignore', 'inherit'] });
    await benchList(await buildListCaseFile(d));
  },
  coordination: benchCoordination,
  letters: () => benchLetters(),
  audit: benchAudit,
  receiver: benchReceiver,
  growth: benchGrowth,
};

const args = process.argv.slice(2);
const unknown = args.filter((a) => !(a in PARTS));
if (unknown.length) {
  process.stderr.write(
    `unknown bench part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(' ')}\n`,
  );
  process.exit(2);
}
let crashed = false;
for (const name of args.length ? args : Object.keys(PARTS)) {
  const dir = mkdtempSync(join(tmpdir(), `yorisoi-bench-${name}-`));
  try {
    await PARTS[name]!(dir);
  } catch (e) {
    // one part failing must not hide the others' numbers, but the run fails
    crashed = true;
    process.stderr.write(`bench part ${name} failed: ${(e as Error).stack ?? String(e)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// the last line sums up; a missed target (ok:false) or a crashed part makes the run fail
process.stdout.write(`${summaryLine(crashed)}\n`);
process.exitCode = exitCodeOf(crashed);
