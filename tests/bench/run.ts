// `npm run bench`: prints one JSON line per metric ({"metric","value","unit",…}).
// `npm run bench -- casefile` runs one part; parts: casefile consultations reports sync list
// coordination letters audit growth.
// The list part needs the built renderer (npm run build:renderer) and Debian's Chromium.
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
import { benchSync } from './sync-bench';

const PARTS: Record<string, (dir: string) => Promise<void>> = {
  casefile: benchCaseFile,
  consultations: (d) => benchConsultations(d),
  reports: benchReports,
  sync: benchSync,
  list: async (d) => benchList(await buildListCaseFile(d)),
  coordination: benchCoordination,
  letters: () => benchLetters(),
  audit: benchAudit,
  growth: benchGrowth,
};

const wanted = process.argv.slice(2).filter((a) => a in PARTS);
for (const name of wanted.length ? wanted : Object.keys(PARTS)) {
  const dir = mkdtempSync(join(tmpdir(), `yorisoi-bench-${name}-`));
  try {
    await PARTS[name]!(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
