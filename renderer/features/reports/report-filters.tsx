import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDto } from '../../../shared/contract/events';
import { fiscalYearRange, formatFiscalYear } from '../../../shared/dates/fiscal-year';
import { formatDateBoth } from '../../../shared/dates/wareki';
import { call } from '../../api/client';
import { defaultFilter, type ReportFilterState } from './report-filter-state';
import { fiscalYearChoices, monthsOfFiscalYear } from './report-period';

/**
 * 年度 (shown as 令和N年度 with 西暦), a month range inside it, and the site: everything, the
 * center, all outreach, or one event of that year.
 */
export function ReportFilters({
  value,
  onChange,
  currentYear,
}: {
  value: ReportFilterState;
  onChange(next: ReportFilterState): void;
  currentYear: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [events, setEvents] = useState<EventDto[]>([]);
  useEffect(() => {
    let live = true;
    call('event.list', fiscalYearRange(value.fiscalYear)).then(
      (list) => live && setEvents([...list].reverse()), // oldest first, as in the year
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [value.fiscalYear]);
  const months = monthsOfFiscalYear(value.fiscalYear);
  const monthLabel = (ym: string) =>
    t('reportsScreen.monthOption', { year: ym.slice(0, 4), month: Number(ym.slice(5, 7)) });
  const yearLabel = (fy: number) =>
    t('reportsScreen.fiscalYearOption', { wareki: formatFiscalYear(fy, 'ja'), year: fy });
  return (
    <div className="report-filters" role="group" aria-label={t('reportsScreen.filters')}>
      <label className="field">
        <span>{t('reportsScreen.fiscalYear')}</span>
        <select value={value.fiscalYear} onChange={(e) => onChange(defaultFilter(Number(e.target.value)))}>
          {fiscalYearChoices(currentYear).map((fy) => (
            <option key={fy} value={fy}>
              {yearLabel(fy)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reportsScreen.fromMonth')}</span>
        <select
          value={value.fromMonth}
          onChange={(e) => {
            const fromMonth = e.target.value;
            onChange({ ...value, fromMonth, toMonth: value.toMonth < fromMonth ? fromMonth : value.toMonth });
          }}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reportsScreen.toMonth')}</span>
        <select
          value={value.toMonth}
          onChange={(e) => {
            const toMonth = e.target.value;
            onChange({ ...value, toMonth, fromMonth: value.fromMonth > toMonth ? toMonth : value.fromMonth });
          }}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field site">
        <span>{t('reportsScreen.site')}</span>
        <select value={value.site} onChange={(e) => onChange({ ...value, site: e.target.value })}>
          <option value="all">{t('reportsScreen.sites.all')}</option>
          <option value="center">{t('reportsScreen.sites.center')}</option>
          <option value="outreach">{t('reportsScreen.sites.outreach')}</option>
          {events.length > 0 && (
            <optgroup label={t('reportsScreen.sites.events')}>
              {events.map((e) => (
                <option key={e.id} value={`event:${e.id}`}>
                  {t('reportsScreen.eventOption', { date: formatDateBoth(e.date, lang), title: e.title })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
    </div>
  );
}
