import type { ReportDto } from '../../../../shared/contract/reports';
import { formatDateBoth } from '../../../../shared/dates/wareki';
import { reportText, type ReportLang } from '../report-text';

/**
 * The lines every exported table starts with: center, period, site, the as-of day ("open at the
 * end" and "held" are measured on it) and the date made.
 */
export function headerLines(r: ReportDto, lang: ReportLang): [string, string][] {
  const m = reportText(lang).meta;
  return [
    [m.center, r.centerName],
    [m.period, r.periodLabel],
    [m.site, r.siteLabel],
    [m.asOf, formatDateBoth(r.asOf, lang)],
    [m.madeOn, r.madeOnLabel],
  ];
}

/** The counting rules, general ones first, then each table's (once each). */
export function ruleLines(r: ReportDto): string[] {
  const notes = [...new Set(r.tables.map((t) => t.note))];
  return [...r.rules, ...notes];
}
