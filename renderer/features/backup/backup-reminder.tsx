import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav-store';
import { useBackupReminder } from './backup-reminder-store';

const HOUR = 3600_000;

/** A banner when there is no backup yet or the last one is older than the configured days. */
export function BackupReminder() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const screen = useNav((s) => s.screen);
  const status = useBackupReminder((s) => s.status);
  const refresh = useBackupReminder((s) => s.refresh);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), HOUR);
    return () => window.clearInterval(timer);
  }, [refresh]);
  if (!status?.stale || screen === 'backup') return null;
  return (
    <p className="reminder" role="note">
      {status.lastBackupAt
        ? t('security.reminder.stale', { count: status.daysSinceLast ?? 0 })
        : t('security.reminder.never')}{' '}
      <button type="button" onClick={() => go('backup')}>
        {t('security.reminder.go')}
      </button>
    </p>
  );
}
