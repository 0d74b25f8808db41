import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTable } from '../../../../shared/contract/reports';
import { vocabKey } from '../../../../shared/i18n/vocab-resources';
import { ageSexData, isEmpty } from '../chart-data';
import { ChartFrame } from './chart-frame';
import { legendOrder, TICK } from './palette';

/** Colours by sex code: blue and vermillion, grey for その他・不明 (and any newer code). */
const SEX_COLOURS: Record<string, string> = { male: '#0072B2', female: '#D55E00' };

/** Table 6 as horizontal bars per age band, stacked by sex: persons (each once). */
export function AgeSexChart({ table }: { table: ReportTable }) {
  const { t, i18n } = useTranslation();
  const data = ageSexData(table);
  return (
    <ChartFrame id="age-sex" title={t('reportsScreen.chart.ageSex')} empty={isEmpty(data)}>
      <BarChart
        data={data.rows}
        layout="vertical"
        responsive
        style={{ width: '100%', height: 40 + data.rows.length * 30 }}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="label" tick={TICK} width={90} interval={0} />
        <Tooltip formatter={(v) => Number(v).toLocaleString(i18n.language)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={legendOrder(data.series.map((s) => s.key))} />
        {data.series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={t(`vocab.sex.${vocabKey(s.code)}`, { defaultValue: s.code })}
            stackId="sex"
            fill={SEX_COLOURS[s.code] ?? '#8a8a8a'}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
