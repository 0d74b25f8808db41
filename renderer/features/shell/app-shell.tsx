import { lazy, Suspense, useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions';
import { useIdleLock } from '../../hooks/use-idle-lock';
import { useNav, type Screen } from '../../stores/nav-store';
import { ClockBanner } from './clock-banner';
import { navGroups } from './nav-items';
import { useSession } from '../../stores/session-store';
import { useSettings } from '../../stores/settings-store';
import { CoordinationBoard } from '../coordination/coordination-board';
import { CoordinationRequestScreen } from '../coordination/request-screen';
import { DirectoryScreen } from '../directory/directory-screen';
import { EventsScreen } from '../events/events-screen';
import { ActivitiesScreen } from '../activities/activities-screen';
import { FollowUpsScreen } from '../followups/followups-screen';
import { IntakeFormScreen } from '../intake/intake-form';
import { forgetMasters } from '../intake/masters-cache';
import { LettersScreen } from '../letters/letters-screen';
import { ProvisionLogScreen } from '../letters/provision-log-screen';
import { PersonTimeline } from '../person/person-timeline';
import { AuditScreen } from '../audit/audit-screen';
import { BackupReminder } from '../backup/backup-reminder';
import { BackupScreen } from '../backup/backup-screen';
import { SearchScreen } from '../search/search-screen';
import { TotpScreen } from '../security/totp-screen';
import { useLockWatch } from '../security/use-lock-watch';
import { SettingsScreen } from '../settings/settings-screen';
import { StaffScreen } from '../staff/staff-screen';
import { PrefectureScreen } from '../sync/prefecture-screen';
import { SyncScreen } from '../sync/sync-screen';
import { useSyncMode } from '../sync/sync-mode-store';

// The statistics screen carries the charts library (recharts, a third of the renderer): it is
// loaded the first time the screen opens, so the app starts without it.
const ReportsScreen = lazy(() =>
  import('../reports/reports-screen').then((m) => ({ default: m.ReportsScreen })),
);

function LoadingReports() {
  const { t } = useTranslation();
  return (
    <p className="hint" role="status">
      {t('reportsScreen.loading')}
    </p>
  );
}

const SCREENS: Record<Screen, () => ReactNode> = {
  intake: () => <IntakeFormScreen />,
  search: () => <SearchScreen />,
  person: () => <PersonTimeline />,
  followups: () => <FollowUpsScreen />,
  coordination: () => <CoordinationBoard />,
  coordinationRequest: () => <CoordinationRequestScreen />,
  directory: () => <DirectoryScreen />,
  reports: () => (
    <Suspense fallback={<LoadingReports />}>
      <ReportsScreen />
    </Suspense>
  ),
  events: () => <EventsScreen />,
  activities: () => <ActivitiesScreen />,
  staff: () => <StaffScreen />,
  sync: () => <SyncScreen />,
  prefecture: () => <PrefectureScreen />,
  audit: () => <AuditScreen />,
  backup: () => <BackupScreen />,
  security: () => <TotpScreen />,
  settings: () => <SettingsScreen />,
  letters: () => <LettersScreen />,
  provision: () => <ProvisionLogScreen />,
};

/** Navigation, the current screen, the lock button, and auto-lock on idle. */
export function AppShell() {
  const { t } = useTranslation();
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const user = useSession((s) => s.status?.user);
  const center = useSession((s) => s.status?.centerName);
  const demo = useSession((s) => s.status?.demo);
  const lock = useSession((s) => s.lock);
  const minutes = useSettings((s) => s.autoLockMinutes);
  const doLock = useCallback(() => {
    forgetMasters();
    void lock();
  }, [lock]);
  useIdleLock(minutes, doLock, true);
  useLockWatch();
  const syncMode = useSyncMode((s) => s.mode);
  const loadSyncMode = useSyncMode((s) => s.load);
  const seesAll = !!user && can(user.role, 'consultation.viewAll');
  useEffect(() => {
    if (seesAll) void loadSyncMode();
  }, [seesAll, loadSyncMode]);
  const groups = navGroups(user?.role, syncMode);
  // read-only staff record nothing: they start on the list instead of the intake form
  const mayRecord = !!user && can(user.role, 'consultation.record');
  useEffect(() => {
    if (user && !mayRecord && screen === 'intake') go('search');
  }, [user, mayRecord, screen, go]);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('ui.nav.label')}>
        <div className="brand">
          {t('app.title')}
          <small>{center}</small>
        </div>
        {groups.map((g) => (
          <div key={g.name} className="nav-group" role="group" aria-labelledby={`nav-group-${g.name}`}>
            <div className="nav-group-title" id={`nav-group-${g.name}`}>
              {t(`ui.nav.groups.${g.name}`)}
            </div>
            {g.screens.map((s) => {
              const on = screen === s || (s === 'coordination' && screen === 'coordinationRequest');
              return (
                <button
                  key={s}
                  type="button"
                  className={on ? 'nav on' : 'nav'}
                  aria-current={on ? 'page' : undefined}
                  onClick={() => go(s)}
                >
                  {s === 'coordination' ? t('coordination.nav') : t(`ui.nav.${s}`)}
                </button>
              );
            })}
          </div>
        ))}
        <div className="user">
          {user?.displayName}
          <small>{user ? t(`vocab.role.${user.role}`) : ''}</small>
        </div>
        <button type="button" className="lock" onClick={doLock}>
          {t('ui.nav.lock')}
        </button>
      </nav>
      <main className="content">
        {demo && (
          <p className="demo-banner" role="note">
            {t('ui.demo.banner')}
          </p>
        )}
        <ClockBanner />
        {user && can(user.role, 'backup.run') && <BackupReminder />}
        {SCREENS[screen]()}
      </main>
    </div>
  );
}
