import { useTranslation } from 'react-i18next';
import type { ReportTableId } from '../../../shared/contract/reports';

/** The general rules, in the order the report's rules list has them (build-report.ts). */
const GENERAL = ['selection', 'visits', 'persons', 'continuity', 'fiscalYear', 'timeZone'] as const;

/** Each table's rule and the tables it applies to (as makeTable in the t*.ts files names them). */
const BY_TABLE: [string, ReportTableId[]][] = [
  ['t01', ['t01-method', 't01-month', 't01-month-method']],
  ['t02', ['t02-consulter']],
  ['t03', ['t03-disease-group', 't03-top-diseases']],
  ['t04', ['t04-category']],
  ['t05', ['t05-response']],
  ['t05-referral', ['t05-referral']],
  ['t06', ['t06-age-sex', 't06-health-center', 't06-municipality']],
  ['t06-age-ltc', ['t06-age-ltc']],
  ['t07', ['t07-duration']],
  ['t08', ['t08-profession', 't08-kind']],
  ['t09', ['t09-employment', 't09-support']],
  ['t10', ['t10-events', 't10-event-list']],
  ['t11', ['t11-cases']],
  ['t12', ['t12-coordination']],
  ['t12-refusal', ['t12-refusal']],
  [
    't13',
    ['t13-recipient-cert', 't13-disability-cert', 't13-ltc', 't13-devices', 't13-diagnosis', 't13-outcome'],
  ],
  ['t14', ['t14-activities', 't14-activity-list']],
];

/**
 * The counting rules, from the same resources as the notes under each table, the exported
 * files and the comments in electron/services/reports (実人数 vs 延件数, several categories,
 * 新規/継続, the fiscal year, time zones).
 */
export function ReportHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <aside className="report-help" aria-labelledby="report-help-title">
      <header>
        <h2 id="report-help-title">{t('reportsScreen.helpTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('reportsScreen.closeHelp')}
        </button>
      </header>
      <p>{t('reportsScreen.helpIntro')}</p>
      <h3>{t('reportsScreen.helpGeneral')}</h3>
      <ul>
        {GENERAL.map((k) => (
          <li key={k} data-rule={k}>
            {t(`reports.help.${k}`)}
          </li>
        ))}
      </ul>
      <h3>{t('reportsScreen.helpTables')}</h3>
      <dl>
        {BY_TABLE.map(([k, ids]) => (
          <div key={k} data-rule={k}>
            <dt>{ids.map((id) => t(`reports.tables.${id}`)).join('／')}</dt>
            <dd>{t(`reports.help.${k}`)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
