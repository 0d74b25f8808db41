import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatusDto } from '../../../shared/contract/backup';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { localIso } from './local-iso';

const OTHER = '';

/**
 * Administrators: put a generation back in place of the case file ('backup.restore'). The
 * snapshot must open with this account's passphrase as it was then; the session ends and the
 * login screen says what happened.
 */
export function RestoreForm({ snapshots }: { snapshots: BackupStatusDto['snapshots'] }) {
  const { t } = useTranslation();
  const restored = useSession((s) => s.restored);
  // null: the newest generation (the list may arrive after the form)
  const [picked, setPicked] = useState<string | null>(null);
  const choice = picked ?? snapshots[0]?.path ?? OTHER;
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('totp.status', {}).then((s) => setNeedsCode(s.enabled), setError);
  }, []);
  const snapshot = choice === OTHER ? path.trim() : choice;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !confirmed || !snapshot) return;
    setBusy(true);
    setError(null);
    try {
      await call('backup.restore', {
        snapshot,
        passphrase,
        ...(needsCode && code ? { secondFactor: code } : {}),
      });
      await restored();
    } catch (err) {
      setError(err);
      setPassphrase('');
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-label={t('security.backup.restoreTitle')} onSubmit={(e) => void submit(e)}>
      <h2>{t('security.backup.restoreTitle')}</h2>
      <p className="hint">{t('security.backup.restore.intro')}</p>
      <ErrorMessage error={error} />
      <div className="grid">
        <label className="field wide">
          <span>{t('security.backup.restore.generation')}</span>
          <select value={choice} onChange={(e) => setPicked(e.target.value)}>
            {snapshots.map((s) => (
              <option key={s.path} value={s.path}>
                {localIso(s.takenAt).replace('T', ' ')} · {s.path.split(/[\\/]/).pop()}
              </option>
            ))}
            <option value={OTHER}>{t('security.backup.restore.other')}</option>
          </select>
          {choice !== OTHER && (
            <small className="hint">
              <DateBoth value={localIso(snapshots.find((s) => s.path === choice)?.takenAt ?? '')} />
            </small>
          )}
        </label>
        {choice === OTHER && (
          <label className="field wide">
            <span>{t('security.backup.restore.path')}</span>
            <input value={path} onChange={(e) => setPath(e.target.value)} required spellCheck={false} />
          </label>
        )}
        <label className="field">
          <span>{t('security.backup.restore.passphrase')}</span>
          <input
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
          />
        </label>
        {needsCode && (
          <label className="field">
            <span>{t('security.backup.restore.code')}</span>
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        {t('security.backup.restore.confirm')}
      </label>
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy || !confirmed || !snapshot || !passphrase}>
          {busy ? t('security.backup.restore.running') : t('security.backup.restore.run')}
        </button>
      </div>
    </form>
  );
}
