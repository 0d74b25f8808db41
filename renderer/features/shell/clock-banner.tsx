import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session-store';
import { distance } from '../sync/clock-panel';

/**
 * This device's clock is behind what it already wrote (a date reset while the laptop was off,
 * or set back): "today" is wrong on every screen (the consultation date's default, follow-up
 * days, fiscal years), so every screen says so, not only the sync screen. It goes away once the
 * clock is put right (the window asks for the status every 30 s) or a peer's clock agrees.
 */
export function ClockBanner() {
  const { t } = useTranslation();
  const behindMs = useSession((s) => s.status?.clockBehindMs ?? 0);
  if (behindMs <= 0) return null;
  return (
    <p className="clock-banner" role="alert">
      {t('ui.clockBanner', { distance: distance(behindMs, t) })}
    </p>
  );
}
