import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/dates/fiscal-year';
import { fiscalYearChoices } from '../reports/report-period';

/**
 * The two filters above a list of dated records (events, meetings): the fiscal year (和暦 with
 * 西暦, from next year back ten) and the kind, or all kinds.
 */
export function YearKindFilters<K extends string>({
  thisYear,
  year,
  onYear,
  kind,
  onKind,
  kinds,
  labels,
}: {
  thisYear: number;
  year: number;
  onYear(fy: number): void;
  kind: K | '';
  onKind(k: K | ''): void;
  kinds: { code: K; label: string }[];
  labels: { year: string; kind: string; allKinds: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="event-filters">
      <label className="field">
        <span>{labels.year}</span>
        <select value={year} onChange={(e) => onYear(Number(e.target.value))}>
          {fiscalYearChoices(thisYear + 1, 11).map((fy) => (
            <option key={fy} value={fy}>
              {t('reportsScreen.fiscalYearOption', { wareki: formatFiscalYear(fy, 'ja'), year: fy })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{labels.kind}</span>
        <select value={kind} onChange={(e) => onKind(e.target.value as K | '')}>
          <option value="">{labels.allKinds}</option>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
