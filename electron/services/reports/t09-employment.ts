/**
 * Table 9: employment support (就労支援).
 * - Which consultations: kind 'employment', OR a work sub-category 4.1–4.4 (就職活動,
 *   就労継続・両立支援, 休職・復職・退職, 就労系福祉サービス). 4.5 就学 (school) is NOT work and
 *   is left out.
 * - By employment status as recorded with the consultation: 求職 = job_seeking, 在職 = employed,
 *   休職 = on_leave, then the other statuses and 未記入. One status per consultation.
 * - 就職サポーター等への紹介: of those, consultations with the response 'referral' AND a 4.1–4.4
 *   category. Whether the destination was the ハローワーク 難病患者就職サポーター can only be
 *   checked once referrals are recorded (referrals issue); until then this is the rule.
 * - 同行・同席 (joint sessions): of those, consultations whose method is 'accompany' (同行).
 */
import { sql } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { EMPLOYMENT_STATUSES } from '../../../shared/vocab/employment-statuses';
import type { ServiceContext } from '../context';
import { countAll, countBy, get } from './count-groups';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { WORK_CATEGORIES } from './report-selection';
import { columnsOf, item, labelOf, makeTable, NOT_RECORDED, orderedKeys, total } from './report-table';

/** a work category 4.1–4.4 (a full-key lookup: top, code, pid, n) */
const HAS_WORK_CATEGORY = sql<boolean>`EXISTS (SELECT 1 FROM temp.report_categories w
  WHERE w.top = '4' AND w.code IN (${sql.join(WORK_CATEGORIES)}) AND w.pid = c.pid AND w.n = c.n)`;
/**
 * The employment-support consultations (listed once in report-selection.ts), visited from
 * that short list (CROSS JOIN keeps the order) rather than by testing every consultation.
 */
const EMPLOYMENT_SUPPORT = { source: sql`temp.report_work ws CROSS JOIN temp.report_c c ON c.n = ws.n` };

/** 求職・在職・休職 first, as the prefecture asks for them. */
const STATUS_ORDER = ['job_seeking', 'employed', 'on_leave'];

export async function t09Employment(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const by = await countBy(ctx, sql`c.employment`, EMPLOYMENT_SUPPORT);
  const all = await countAll(ctx, EMPLOYMENT_SUPPORT);
  const codes = [
    ...STATUS_ORDER,
    ...EMPLOYMENT_STATUSES.map((e) => e.code as string).filter((c) => !STATUS_ORDER.includes(c)),
    NOT_RECORDED,
  ];
  return makeTable(
    't09-employment',
    s,
    [col.text('employment'), col.num('visits'), col.num('persons')],
    [
      ...orderedKeys(codes, by.keys()).map((k) =>
        item(k, [labelOf(EMPLOYMENT_STATUSES, k, s), get(by, k).visits, get(by, k).persons]),
      ),
      total([t.rows.total, all.visits, all.persons]),
    ],
    't09',
  );
}

export async function t09Support(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const all = await countAll(ctx, EMPLOYMENT_SUPPORT);
  const referrals = await countAll(ctx, {
    ...EMPLOYMENT_SUPPORT,
    where: sql<boolean>`${HAS_WORK_CATEGORY} AND EXISTS (SELECT 1 FROM temp.report_responses rr
      WHERE rr.code = 'referral' AND rr.pid = c.pid AND rr.n = c.n)`,
  });
  const joint = await countAll(ctx, {
    ...EMPLOYMENT_SUPPORT,
    where: sql<boolean>`c.method = 'accompany'`,
  });
  return makeTable(
    't09-support',
    s,
    [col.text('item'), col.num('visits'), col.num('persons')],
    [
      item('consultations', [t.rows.employmentConsultations, all.visits, all.persons]),
      item('supporter_referrals', [t.rows.supporterReferrals, referrals.visits, referrals.persons]),
      item('joint_sessions', [t.rows.jointSessions, joint.visits, joint.persons]),
    ],
    't09',
  );
}
