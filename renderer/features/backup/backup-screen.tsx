import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatusDto } from '../../../shared/contract/backup';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { useBackupReminder } from './backup-reminder-store';
import { localIso } from './local-iso';
import { RestoreForm } from './restore-form';

export { localIso } from './local-iso';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Where backups go, the generations kept, "back up now", and how to restore. */
export function BackupScreen() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const refreshReminder = useBackupReminder((s) => s.refresh);
  const [status, setStatus] = useState<BackupStatusDto | null>(null);
  const [folder, setFolder] = useState('');
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // what the administrator types is not overwritten by a status that arrives later
  const edited = useRef(false);
  const show = useCallback((s: BackupStatusDto) => {
    setStatus(s);
    if (edited.current) return;
    setFolder(s.folder ?? '');
    setDays(s.remindAfterDays);
  }, []);
  const load = useCallback(() => {
    call('backup.status', {}).then(show, setError);
  }, [show]);
  useEffect(load, [load]);
  const admin = role ? can(role, 'backup.configure') : false;
  const mayRestore = role ? can(role, 'backup.restore') : false;

  async function act(p: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setNotice(await p());
      load();
      void refreshReminder();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const newest = status?.snapshots[0]?.path ?? 'yorisoi-….bak';
  return (
    <section aria-label={t('security.backup.title')}>
      <header className="screen-header">
        <h1>{t('security.backup.title')}</h1>
      </header>
      <p className="hint">{t('security.backup.intro')}</p>
      <ErrorMessage error={error} />
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {status && (
        <div className="card">
          <dl className="facts">
            <dt>{t('security.backup.folder')}</dt>
            <dd>{status.folder ?? t('security.backup.notSet')}</dd>
            <dt>{t('security.backup.last')}</dt>
            <dd>
              {status.lastBackupAt ? (
                <>
                  <DateBoth value={localIso(status.lastBackupAt)} />
                  {' · '}
                  {status.daysSinceLast
                    ? t('security.backup.daysAgo', { count: status.daysSinceLast })
                    : t('security.backup.today')}
                </>
              ) : (
                t('security.backup.never')
              )}
            </dd>
            <dt>{t('security.backup.remindAfter')}</dt>
            <dd>{t('security.backup.days', { count: status.remindAfterDays })}</dd>
          </dl>
          {status.folder && !status.folderAvailable && (
            <p role="alert" className="error">
              {t('security.backup.notAvailable')}
            </p>
          )}
          {status.sameDiskAsCaseFile && (
            <p role="alert" className="warning">
              {t('security.backup.sameDisk')}
            </p>
          )}
          <button
            type="button"
            className="primary"
            disabled={busy || !status.folder}
            onClick={() =>
              void act(async () => {
                const r = await call('backup.run', {});
                return t('security.backup.done', { size: mib(r.snapshot.bytes) });
              })
            }
          >
            {busy ? t('security.backup.running') : t('security.backup.runNow')}
          </button>
        </div>
      )}
      {admin ? (
        <form
          className="card"
          aria-label={t('security.backup.save')}
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const saved = await call('backup.setFolder', { folder, remindAfterDays: days });
              edited.current = false;
              show(saved);
              return t('security.backup.saved');
            });
          }}
        >
          <div className="grid">
            <label className="field wide">
              <span>{t('security.backup.folder')}</span>
              <input
                value={folder}
                onChange={(e) => {
                  edited.current = true;
                  setFolder(e.target.value);
                }}
                required
              />
              <small className="hint">{t('security.backup.folderHelp')}</small>
            </label>
            <label className="field">
              <span>{t('security.backup.remindAfter')}</span>
              <input
                type="number"
                min={1}
                max={90}
                value={days}
                onChange={(e) => {
                  edited.current = true;
                  setDays(Number(e.target.value));
                }}
              />
            </label>
          </div>
          <button type="submit" disabled={busy}>
            {t('security.backup.save')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('security.backup.onlyAdmin')}</p>
      )}
      <h2>{t('security.backup.generations')}</h2>
      {status && status.snapshots.length === 0 ? (
        <p className="hint">{t('security.backup.noGenerations')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('security.backup.takenAt')}</th>
              <th>{t('security.backup.size')}</th>
              <th>{t('security.backup.file')}</th>
            </tr>
          </thead>
          <tbody>
            {status?.snapshots.map((s) => (
              <tr key={s.path}>
                <td>
                  <DateBoth value={localIso(s.takenAt)} />
                </td>
                <td>{mib(s.bytes)}</td>
                <td className="path">{s.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayRestore ? (
        <RestoreForm snapshots={status?.snapshots ?? []} />
      ) : (
        <p className="hint">{t('security.backup.restore.onlyAdmin')}</p>
      )}
      <div className="card">
        <p className="hint">{t('security.backup.restoreSteps')}</p>
        <pre className="command">{t('security.backup.restoreCommand', { file: newest })}</pre>
      </div>
    </section>
  );
}
