import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTable } from '../../../../shared/contract/reports';
import { vocabKey } from '../../../../shared/i18n/vocab-resources';
import { isEmpty, monthMethodData } from '../chart-data';
import { ChartFrame } from './chart-frame';
import { colourAt, legendOrder, TICK } from './palette';

/** 2025-04 → 4月 (ja) or Apr (en): the year is in the period above the chart. */
export function shortMonth(ym: string, lang: string): string {
  const m = Number(ym.slice(5, 7));
  if (lang !== 'en') return `${m}月`;
  return new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
}

/** Table 1-3 as stacked bars: consultations per month, one colour per method. */
export function MonthMethodChart({ table }: { table: ReportTable }) {
  const { t, i18n } = useTranslation();
  const data = monthMethodData(table, (ym) => shortMonth(ym, i18n.language));
  return (
    <ChartFrame id="month-method" title={t('reportsScreen.chart.monthMethod')} empty={isEmpty(data)} wide>
      <BarChart
        data={data.rows}
        responsive
        style={{ width: '100%', height: 320 }}
        margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={TICK} interval={0} />
        <YAxis allowDecimals={false} tick={TICK} width={56} />
        <Tooltip formatter={(v) => Number(v).toLocaleString(i18n.language)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={legendOrder(data.series.map((s) => s.key))} />
        {data.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={t(`vocab.method.${vocabKey(s.code)}`, { defaultValue: s.code })}
            stackId="methods"
            fill={colourAt(i)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
