import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its title as the figure caption, and a sentence instead of empty axes when the
 * period has nothing to show. The numbers are in the table below each chart's source table.
 */
export function ChartFrame({
  id,
  title,
  empty,
  wide,
  children,
}: {
  id: string;
  title: string;
  empty: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className={wide ? 'chart wide' : 'chart'} data-chart={id} aria-label={title}>
      <figcaption>{title}</figcaption>
      {empty ? <p className="hint chart-empty">{t('reportsScreen.chart.empty')}</p> : children}
    </figure>
  );
}
