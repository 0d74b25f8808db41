import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTable } from '../../../../shared/contract/reports';
import { vocabKey } from '../../../../shared/i18n/vocab-resources';
import { categoryData, isEmpty } from '../chart-data';
import { ChartFrame } from './chart-frame';
import { colourAt, legendOrder, TICK } from './palette';

/**
 * Table 4 by top-level category, as horizontal bars (long Japanese labels stay readable):
 * all contents (a consultation once per category) next to the main content (once each).
 */
export function CategoryChart({ table }: { table: ReportTable }) {
  const { t, i18n } = useTranslation();
  const data = categoryData(table);
  const rows = data.rows.map((r) => ({
    ...r,
    label: `${r.code} ${t(`vocab.category.${vocabKey(String(r.code))}`)}`,
  }));
  return (
    <ChartFrame id="category" title={t('reportsScreen.chart.category')} empty={isEmpty(data)}>
      <BarChart
        data={rows}
        layout="vertical"
        responsive
        style={{ width: '100%', height: 40 + rows.length * 40 }}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="label" tick={TICK} width={240} interval={0} />
        <Tooltip formatter={(v) => Number(v).toLocaleString(i18n.language)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={legendOrder(['all', 'main'])} />
        <Bar dataKey="all" name={t('reportsScreen.chart.all')} fill={colourAt(0)} isAnimationActive={false} />
        <Bar
          dataKey="main"
          name={t('reportsScreen.chart.main')}
          fill={colourAt(1)}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
