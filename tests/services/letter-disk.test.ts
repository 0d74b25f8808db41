import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { letterFixture } from '../fixtures/letter-fixture';

/** Files under `dir` changed since `since` (ms), skipping what cannot be read. */
function changedFiles(dir: string, since: number, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) changedFiles(p, since, out, depth + 1);
    else if (st.isFile() && st.mtimeMs >= since && st.size < 64 * 1024 * 1024) out.push(p);
  }
  return out;
}

// put together at run time: the whole marker is in no source file, so the test runner's own
// copies of this file (vitest hands transformed modules to its workers through the temporary
// folder) are not taken for a leak
const MARKER = ['目印漏洩', '検査', 'ZQX'].join('');
let f: Awaited<ReturnType<typeof letterFixture>>;
beforeAll(async () => {
  f = await letterFixture();
});
afterAll(async () => {
  await f.close();
});

it('issuing, previewing and copying a letter writes no plaintext personal data to disk', async () => {
  const since = Date.now() - 1000;
  const r = await f.call('referral.create', {
    consultationId: f.consultation.id,
    institutionId: f.inst.healthCenter.id,
    purpose: `${MARKER} の調整をお願いします`,
  });
  await f.call('consent.record', {
    personId: f.personId,
    recipientIds: [f.inst.healthCenter.id],
    dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
    method: 'verbal',
    obtainedOn: '2025-06-02',
    note: MARKER,
  });
  const draft = await f.call('letter.draft', { referralId: r.id });
  draft.person.name = `緑川 ${MARKER}`;
  draft.sections.situation = MARKER;
  const preview = await f.call('letter.preview', { referralId: r.id, draft });
  expect(preview.html).toContain(MARKER);
  const letter = await f.call('letter.issue', { referralId: r.id, draft });
  await f.call('letter.reprint', { id: letter.id });
  await f.call('letter.provisionLogPdf', { personId: f.personId });
  // the letter is in the case file (encrypted): read back through the app it holds the marker
  const file = await f.runtime
    .context()
    .db.selectFrom('letter_files')
    .select('html')
    .where('id', '=', letter.id)
    .executeTakeFirstOrThrow();
  expect(file.html).toContain(MARKER);
  // nothing on disk holds it in the clear: the case file's folder (file, WAL, keys) nor the
  // temporary folder where Chromium keeps its profile
  const needles = [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le')];
  const files = [...changedFiles(f.dir, since), ...changedFiles(tmpdir(), since)];
  expect(files.some((p) => p.startsWith(f.dir))).toBe(true); // the scan did see the case file
  const leaks = files.filter((p) => {
    let b: Buffer;
    try {
      b = readFileSync(p);
    } catch {
      return false;
    }
    return needles.some((n) => b.includes(n));
  });
  expect(leaks).toEqual([]);
});
