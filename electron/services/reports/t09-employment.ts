/**
 * Table 9: employment support (就労支援).
 * - Which consultations: kind 'employment', OR a work sub-category 4.1–4.4 (就職活動,
 *   就労継続・両立支援, 休職・復職・退職, 就労系福祉サービス). 4.5 就学 (school) is NOT work and
 *   is left out.
 * - By employment status as recorded with the consultation: 求職 = job_seeking, 在職 = employed,
 *   休職 = on_leave, then the other statuses and 未記入. One status per consultation.
 * - 就職サポーター等への紹介: the referral records (report-referrals.ts: those of the
 *   selection's consultations, cancelled ones left out) to an institution of the 'employment'
 *   sector — ハローワーク (難病患者就職サポーター), 障害者職業センター, 障害者就業・生活支援センター.
 *   Counted as in table 5-2 (延件数 = referrals, 実人数 = persons), so the row equals 5-2's
 *   就労支援機関 subtotal: a referral to one of them is employment support whatever the
 *   consultation's kind or categories. (Before referrals were recorded this row approximated
 *   them by the response 関係機関紹介 with a 4.1–4.4 category; that rule is gone.)
 * - 同行・同席 (joint sessions): of those, consultations whose method is 'accompany' (同行).
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { EMPLOYMENT_STATUSES } from '../../../shared/vocab/employment-statuses';
import { INSTITUTION_TYPES } from '../../../shared/vocab/institution-types';
import type { ServiceContext } from '../context';
import { countAll, countByColumn, get, hasValue, valueAt } from './count-groups';
import { selectionOf, WORK_CATEGORIES, type Selection } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { countReferrals, referralsInScope } from './report-referrals';
import { columnsOf, item, labelOf, makeTable, NOT_RECORDED, orderedKeys, total } from './report-table';

/** The employment-support consultations: kind 就労, or a work category 4.1–4.4. */
function employmentSupport(sel: Selection): (row: number) => boolean {
  const work = hasValue(sel.categories, WORK_CATEGORIES);
  return (i) => valueAt(sel, 'kind', i) === 'employment' || work(i);
}

/** 求職・在職・休職 first, as the prefecture asks for them. */
const STATUS_ORDER = ['job_seeking', 'employed', 'on_leave'];

export async function t09Employment(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const support = employmentSupport(sel);
  const by = countByColumn(sel, 'employment', support);
  const all = countAll(sel, support);
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
  const sel = await selectionOf(ctx, s);
  const support = employmentSupport(sel);
  const all = countAll(sel, support);
  const employmentTypes = new Set<string>(
    INSTITUTION_TYPES.filter((x) => x.sector === 'employment').map((x) => x.code),
  );
  const referrals = countReferrals(await referralsInScope(ctx, s), (f) => employmentTypes.has(f.type));
  const joint = countAll(sel, (i) => support(i) && valueAt(sel, 'method', i) === 'accompany');
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
