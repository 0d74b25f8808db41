import type { ReportSite } from '../../../shared/contract/reports';
import { formatFiscalYear } from '../../../shared/dates/fiscal-year';
import { formatDateBoth } from '../../../shared/dates/wareki';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { ReportScope } from './report-scope';
import { fill, reportText } from './report-text';

/** 令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日） */
export function periodLabel(s: ReportScope): string {
  const sep = s.lang === 'ja' ? '〜' : ' – ';
  return `${formatFiscalYear(s.fiscalYear, s.lang)} ${formatDateBoth(s.from, s.lang)}${sep}${formatDateBoth(s.to, s.lang)}`;
}

/** The site in words; an event by its title and date (NOT_FOUND for an unknown event). */
export async function siteLabel(ctx: ServiceContext, site: ReportSite, lang: 'ja' | 'en'): Promise<string> {
  const t = reportText(lang).sites;
  if (site.kind !== 'event') return t[site.kind];
  const e = await ctx.db
    .selectFrom('events')
    .select(['title', 'date'])
    .where('id', '=', site.eventId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', 'No such event.');
  return fill(t.event, { title: e.title, date: formatDateBoth(e.date, lang) });
}
