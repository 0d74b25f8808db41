import { sql } from 'kysely';
import type { ReportDto, ReportTable, ReportTableId } from '../../../shared/contract/reports';
import { REPORT_TABLE_IDS } from '../../../shared/contract/reports';
import { formatDateBoth } from '../../../shared/dates/wareki';
import { requirePermission, todayLocal, type ServiceContext } from '../context';
import { periodLabel, siteLabel } from './report-labels';
import { resolveScope, type ParsedReportFilter, type ReportScope } from './report-scope';
import { reportText } from './report-text';
import { t01Method, t01Month } from './t01-method';
import { t01MonthMethod } from './t01-month-method';
import { t02Consulter } from './t02-consulter';
import { t03DiseaseGroup, t03TopDiseases } from './t03-disease';
import { t04Category } from './t04-category';
import { t05Referral, t05Response } from './t05-response';
import { t06AgeGroups } from './t06-age-groups';
import { t06AgeSex, t06HealthCenter, t06Municipality } from './t06-demographics';
import { t07Duration } from './t07-duration';
import { t08Kind, t08Profession } from './t08-responder';
import { t09Employment, t09Support } from './t09-employment';
import { t10EventList, t10Events } from './t10-events';
import { t11Cases } from './t11-cases';
import { t12Coordination, t12Refusal } from './t12-coordination';
import {
  t13Devices,
  t13Diagnosis,
  t13DisabilityCert,
  t13Ltc,
  t13Outcome,
  t13RecipientCert,
} from './t13-situation';
import { t14Activities, t14ActivityList } from './t14-activities';

type TableBuilder = (ctx: ServiceContext, s: ReportScope) => Promise<ReportTable>;

/** Every table of DOMAIN §6, by id (the order of REPORT_TABLE_IDS is the report's order). */
const TABLES: Record<ReportTableId, TableBuilder> = {
  't01-method': t01Method,
  't01-month': t01Month,
  't01-month-method': t01MonthMethod,
  't02-consulter': t02Consulter,
  't03-disease-group': t03DiseaseGroup,
  't03-top-diseases': t03TopDiseases,
  't04-category': t04Category,
  't05-response': t05Response,
  't05-referral': t05Referral,
  't06-age-sex': t06AgeSex,
  't06-health-center': t06HealthCenter,
  't06-municipality': t06Municipality,
  't06-age-ltc': t06AgeGroups,
  't07-duration': t07Duration,
  't08-profession': t08Profession,
  't08-kind': t08Kind,
  't09-employment': t09Employment,
  't09-support': t09Support,
  't10-events': t10Events,
  't10-event-list': t10EventList,
  't11-cases': t11Cases,
  't12-coordination': t12Coordination,
  't12-refusal': t12Refusal,
  't13-recipient-cert': t13RecipientCert,
  't13-disability-cert': t13DisabilityCert,
  't13-ltc': t13Ltc,
  't13-devices': t13Devices,
  't13-diagnosis': t13Diagnosis,
  't13-outcome': t13Outcome,
  't14-activities': t14Activities,
  't14-activity-list': t14ActivityList,
};

/**
 * Builds the statistics tables for a fiscal year (or some of its months) and a site.
 * Aggregates only: no names or free text leave this function. The report counts every
 * consultation, so it needs 'consultation.viewAll' (peer supporters see only their own).
 * All tables read in one transaction, so they agree with each other even while someone saves.
 */
export async function buildReport(ctx: ServiceContext, f: ParsedReportFilter): Promise<ReportDto> {
  requirePermission(ctx, 'consultation.viewAll');
  const s = resolveScope(ctx, f);
  const wanted = f.tables ? REPORT_TABLE_IDS.filter((id) => f.tables!.includes(id)) : REPORT_TABLE_IDS;
  const t = reportText(s.lang);
  const centerName = await ctx.caseFile.centerName(); // outside: the transaction holds the connection
  // SQLite's own sorting and grouping in memory, never in a temporary file (no plaintext at
  // rest); it can only be changed outside a transaction, and is harmless for everything else
  await sql`PRAGMA temp_store = MEMORY`.execute(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    // the selection (report-selection.ts) is read by the first table that needs it, once
    const tables: ReportTable[] = [];
    for (const id of wanted) tables.push(await TABLES[id](tx, s));
    const madeOn = todayLocal(ctx);
    return {
      centerName,
      fiscalYear: s.fiscalYear,
      from: s.from,
      to: s.to,
      asOf: s.asOf,
      site: s.site,
      siteLabel: await siteLabel(tx, s.site, s.lang),
      periodLabel: periodLabel(s),
      madeOn,
      madeOnLabel: formatDateBoth(madeOn, s.lang),
      rules: [
        t.help.selection,
        t.help.visits,
        t.help.persons,
        t.help.continuity,
        t.help.fiscalYear,
        t.help.timeZone,
      ],
      tables,
    };
  });
}
