import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';

/** Login and unlock: login + passphrase. What was being typed waits in the draft. */
export function LoginScreen() {
  const { t } = useTranslation();
  const login = useSession((s) => s.login);
  const demo = useSession((s) => s.status?.demo);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(name, passphrase);
    } catch (err) {
      setError(err);
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered-card">
      <h1>{t('ui.login.title')}</h1>
      {demo && (
        <p className="demo-banner" role="note">
          {t('ui.demo.banner')}
        </p>
      )}
      <form onSubmit={submit} aria-label={t('ui.login.title')}>
        <label className="field">
          <span>{t('ui.login.login')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
            autoComplete="username"
            required
          />
        </label>
        <label className="field">
          <span>{t('ui.login.passphrase')}</span>
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('ui.login.unlocking') : t('ui.login.unlock')}
        </button>
      </form>
    </main>
  );
}
