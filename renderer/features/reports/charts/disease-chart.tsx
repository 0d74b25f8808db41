import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTable } from '../../../../shared/contract/reports';
import { diseaseGroupData, isEmpty } from '../chart-data';
import { ChartFrame } from './chart-frame';
import { colourAt, legendOrder, TICK } from './palette';

/** Table 3 as horizontal bars: 延件数 and 実人数 per disease group, in the table's order. */
export function DiseaseChart({ table }: { table: ReportTable }) {
  const { t, i18n } = useTranslation();
  const data = diseaseGroupData(table);
  return (
    <ChartFrame id="disease" title={t('reportsScreen.chart.disease')} empty={isEmpty(data)} wide>
      <BarChart
        data={data.rows}
        layout="vertical"
        responsive
        style={{ width: '100%', height: 40 + data.rows.length * 24 }}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barGap={1}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="label" tick={TICK} width={150} interval={0} />
        <Tooltip formatter={(v) => Number(v).toLocaleString(i18n.language)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={legendOrder(['visits', 'persons'])} />
        <Bar
          dataKey="visits"
          name={t('reportsScreen.chart.visits')}
          fill={colourAt(2)}
          isAnimationActive={false}
        />
        <Bar
          dataKey="persons"
          name={t('reportsScreen.chart.persons')}
          fill={colourAt(4)}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
