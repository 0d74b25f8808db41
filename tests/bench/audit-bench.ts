// `npm run bench -- audit`: what the hash chain costs. One chained audit entry written in its
// own transaction (as a view is logged), 50,000 in one transaction (as a bulk import logs), and
// a full verify of the chain (the median of five); the target: verify reads ≥100,000 entries per second.
import { writeAudit } from '../../db/audit';
import { CaseFile } from '../../db/case-file';
import { median, percentile, report, reportAtLeast, round, timeMsAsync, timeMs } from './measure';

const VERIFY_SAMPLES = 5;

export async function benchAudit(dir: string): Promise<void> {
  const { caseFile: cf } = await CaseFile.create({
    casefile: `${dir}/audit.yorisoi`,
    centerName: 'bench',
    login: 'bench',
    displayName: 'bench',
    passphrase: 'bench passphrase 2025',
  });
  const entry = (i: number) => ({
    staffId: cf.staff.id,
    login: 'bench',
    action: 'consultation.view',
    entity: 'consultation',
    entityId: `c-${i}`,
    detail: { personId: `p-${i % 997}` },
  });
  const single: number[] = [];
  for (let i = 0; i < 300; i++) single.push(await timeMsAsync(() => writeAudit(cf.db, entry(i))));
  report({ metric: 'audit.write.single.p50', value: round(percentile(single, 50)), unit: 'ms' });
  report({ metric: 'audit.write.single.p95', value: round(percentile(single, 95)), unit: 'ms' });
  const N = 50_000;
  const bulk = await timeMsAsync(() =>
    cf.db.transaction().execute(async (trx) => {
      for (let i = 0; i < N; i++) await writeAudit(trx, entry(i));
    }),
  );
  report({ metric: 'audit.write.in-transaction', value: round((bulk * 1000) / N), unit: 'µs/entry' });
  // the rate is the median of several full verifies: one sample on a shared machine is noise
  let entries = 0;
  const rates: number[] = [];
  for (let i = 0; i < VERIFY_SAMPLES; i++) {
    const verify = timeMs(() => {
      const r = cf.verifyAuditChain();
      if (!r.ok) throw new Error('chain broken in bench');
      entries = r.entries;
    });
    rates.push((entries / verify) * 1000);
  }
  report({ metric: 'audit.verify.entries', value: entries, unit: 'entries' });
  report({ metric: 'audit.verify.rate.min', value: Math.round(Math.min(...rates)), unit: 'entries/s' });
  reportAtLeast(
    {
      metric: 'audit.verify.rate',
      value: Math.round(median(rates)),
      unit: 'entries/s',
      note: `median of ${VERIFY_SAMPLES}`,
    },
    100_000,
  );
  await cf.lock();
}
