import { useTranslation } from 'react-i18next';
import type { ClockWarningDto } from '../../../shared/contract/sync';

const HOUR = 3600 * 1000;

/** How far off, in words a counselor can check against a calendar (days, else hours). */
export function distance(ms: number, t: (k: string, o: Record<string, unknown>) => string): string {
  const abs = Math.abs(ms);
  return abs >= 24 * HOUR
    ? t('sync.clock.days', { count: Math.round(abs / (24 * HOUR)) })
    : t('sync.clock.hours', { count: Math.max(1, Math.round(abs / HOUR)) });
}

/**
 * Clocks that disagree (issue 17): a device whose date is wrong stamps records with the wrong
 * day. Shown until a later sync file shows the clocks agree again.
 */
export function ClockPanel({ warnings }: { warnings: ClockWarningDto[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <section className="card sync-clock" aria-labelledby="sync-clock-h">
      <h2 id="sync-clock-h">{t('sync.clock.heading')}</h2>
      <ul>
        {warnings.map((w) => (
          <li key={w.deviceId}>
            {w.self
              ? t('sync.clock.self', { distance: distance(w.offsetMs, t) })
              : t(`sync.clock.${w.kind}`, { name: w.name, distance: distance(w.offsetMs, t) })}
          </li>
        ))}
      </ul>
      <p className="hint">{t('sync.clock.help')}</p>
    </section>
  );
}
