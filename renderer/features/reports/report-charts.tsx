import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../shared/contract/reports';
import { findTable } from './chart-data';
import { AgeSexChart } from './charts/age-sex-chart';
import { CategoryChart } from './charts/category-chart';
import { DiseaseChart } from './charts/disease-chart';
import { MonthMethodChart } from './charts/month-method-chart';

/** The four charts people look at rather than read, each drawn from its report table. */
export function ReportCharts({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const monthMethod = findTable(report, 't01-month-method');
  const category = findTable(report, 't04-category');
  const disease = findTable(report, 't03-disease-group');
  const ageSex = findTable(report, 't06-age-sex');
  return (
    <section className="report-charts" aria-label={t('reportsScreen.charts')} id="report-charts">
      <h2>{t('reportsScreen.charts')}</h2>
      <div className="chart-grid">
        {monthMethod && <MonthMethodChart table={monthMethod} />}
        {category && <CategoryChart table={category} />}
        {ageSex && <AgeSexChart table={ageSex} />}
        {disease && <DiseaseChart table={disease} />}
      </div>
    </section>
  );
}
