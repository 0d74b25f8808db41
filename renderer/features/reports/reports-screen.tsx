import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDto, ReportFormat } from '../../../shared/contract/reports';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { ReportCharts } from './report-charts';
import { defaultFilter, toReportInput, type ReportFilterState } from './report-filter-state';
import { ReportFilters } from './report-filters';
import { ReportHelp } from './report-help';
import { currentFiscalYear } from './report-period';
import { ReportTableView } from './report-table-view';
import { saveFile } from './save-file';
import './reports.css';

/**
 * Statistics for the prefecture and for planning: choose the year, months and site; see the
 * charts and every table of DOMAIN §6; save the same report as CSV or .xlsx (the export goes
 * through the contract and is logged); read how everything is counted in the help panel.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const thisYear = useMemo(() => currentFiscalYear(), []);
  const [filter, setFilter] = useState<ReportFilterState>(() => defaultFilter(thisYear));
  const [report, setReport] = useState<ReportDto | null>(null);
  const [building, setBuilding] = useState(false);
  const [exporting, setExporting] = useState<ReportFormat | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [help, setHelp] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const input = useMemo(() => toReportInput(filter, lang), [filter, lang]);
  const allowed = role ? can(role, 'consultation.viewAll') : false;

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    setBuilding(true);
    setError(null);
    call('report.build', input)
      .then(
        (r) => live && setReport(r),
        (e: unknown) => live && setError(e),
      )
      .finally(() => live && setBuilding(false));
    return () => {
      live = false;
    };
  }, [input, allowed]);

  async function exportAs(format: ReportFormat) {
    setExporting(format);
    setExported(null);
    setError(null);
    try {
      const file = await call('report.export', { ...input, format });
      saveFile(file);
      setExported(file.filename);
    } catch (e) {
      setError(e);
    } finally {
      setExporting(null);
    }
  }

  if (!allowed) {
    return (
      <section className="reports" aria-label={t('reportsScreen.title')}>
        <h1>{t('reportsScreen.title')}</h1>
        <p className="hint">{t('reportsScreen.noPermission')}</p>
      </section>
    );
  }
  return (
    <section className={help ? 'reports with-help' : 'reports'} aria-label={t('reportsScreen.title')}>
      <div className="reports-main">
        <header className="screen-header">
          <h1>{t('reportsScreen.title')}</h1>
          <button type="button" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
            {t('reportsScreen.help')}
          </button>
        </header>
        <ReportFilters value={filter} onChange={setFilter} currentYear={thisYear} />
        <div className="report-export" role="group" aria-label={t('reportsScreen.export')}>
          <button
            type="button"
            className="primary"
            disabled={!report || exporting !== null}
            onClick={() => void exportAs('xlsx')}
          >
            {t('reportsScreen.exportXlsx')}
          </button>
          <button type="button" disabled={!report || exporting !== null} onClick={() => void exportAs('csv')}>
            {t('reportsScreen.exportCsv')}
          </button>
          <span className="hint">{t('reportsScreen.exportNote')}</span>
        </div>
        <p role="status" className="report-status" data-testid="report-status">
          {building
            ? t('reportsScreen.building')
            : exporting
              ? t('reportsScreen.exporting')
              : exported
                ? t('reportsScreen.exported', { filename: exported })
                : ''}
        </p>
        <ErrorMessage error={error} />
        {report && (
          <div className={building ? 'report-body stale' : 'report-body'} aria-busy={building}>
            <dl className="report-meta">
              <dt>{t('reports.meta.center')}</dt>
              <dd>{report.centerName}</dd>
              <dt>{t('reports.meta.period')}</dt>
              <dd data-testid="report-period">{report.periodLabel}</dd>
              <dt>{t('reports.meta.site')}</dt>
              <dd data-testid="report-site">{report.siteLabel}</dd>
              <dt>{t('reports.meta.madeOn')}</dt>
              <dd>{report.madeOnLabel}</dd>
            </dl>
            <nav className="report-contents" aria-label={t('reportsScreen.contents')}>
              <a href="#report-charts">{t('reportsScreen.charts')}</a>
              {report.tables.map((tb) => (
                <a key={tb.id} href={`#table-${tb.id}`}>
                  {tb.title}
                </a>
              ))}
            </nav>
            <ReportCharts report={report} />
            <h2>{t('reportsScreen.tables')}</h2>
            {report.tables.map((tb) => (
              <ReportTableView key={tb.id} table={tb} lang={lang} />
            ))}
          </div>
        )}
      </div>
      {help && <ReportHelp onClose={() => setHelp(false)} />}
    </section>
  );
}
