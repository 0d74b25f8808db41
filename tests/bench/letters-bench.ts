// Letters: how live the preview is and how long an issue takes (render + font subset + Chromium
// PDF + one transaction), on the realistic case of the letter tests.
import { letterFixture } from '../fixtures/letter-fixture';
import { percentile, report, round, timeMsAsync } from './measure';

export async function benchLetters(): Promise<void> {
  const f = await letterFixture(new Date().toLocaleDateString('sv-SE'));
  try {
    const r = await f.call('referral.create', {
      consultationId: f.consultation.id,
      institutionId: f.inst.healthCenter.id,
    });
    await f.call('consent.record', {
      personId: f.personId,
      recipientIds: [f.inst.healthCenter.id],
      dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
      method: 'verbal',
      obtainedOn: new Date().toLocaleDateString('sv-SE'),
    });
    const draft = await f.call('letter.draft', { referralId: r.id });
    let html = 0;
    const cold = await timeMsAsync(async () => {
      html = (await f.call('letter.preview', { referralId: r.id, draft })).html.length;
    });
    report({ metric: 'letters.preview_cold_ms', value: round(cold, 1), unit: 'ms' });
    const previews: number[] = [];
    for (let i = 0; i < 15; i++) {
      draft.sections.request = `依頼事項 ${i} 回目の編集`;
      previews.push(await timeMsAsync(() => f.call('letter.preview', { referralId: r.id, draft })));
    }
    const p95 = percentile(previews, 95);
    report({ metric: 'letters.preview_p50_ms', value: round(percentile(previews, 50), 1), unit: 'ms' });
    report({
      metric: 'letters.preview_p95_ms',
      value: round(p95, 1),
      unit: 'ms',
      target: '< 500',
      ok: p95 < 500,
    });
    report({ metric: 'letters.html_bytes', value: html, unit: 'bytes' });
    let pdf = 0;
    const first = await timeMsAsync(async () => {
      pdf = (await f.call('letter.issue', { referralId: r.id, draft })).pdfBytes;
    });
    report({
      metric: 'letters.issue_first_ms',
      value: round(first, 1),
      unit: 'ms',
      target: 'includes starting Chromium',
    });
    const issues: number[] = [];
    for (let i = 0; i < 5; i++)
      issues.push(await timeMsAsync(() => f.call('letter.issue', { referralId: r.id, draft })));
    const ip95 = percentile(issues, 95);
    report({ metric: 'letters.issue_p50_ms', value: round(percentile(issues, 50), 1), unit: 'ms' });
    report({
      metric: 'letters.issue_p95_ms',
      value: round(ip95, 1),
      unit: 'ms',
      target: '< 3000',
      ok: ip95 < 3000,
    });
    report({ metric: 'letters.pdf_bytes', value: pdf, unit: 'bytes' });
  } finally {
    await f.close();
  }
}
