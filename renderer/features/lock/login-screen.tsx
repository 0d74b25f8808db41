import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';

/**
 * Login and unlock: login + passphrase, then the authenticator code when the account has a
 * second factor (the answer SECOND_FACTOR_REQUIRED). What was being typed waits in the draft.
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const login = useSession((s) => s.login);
  const demo = useSession((s) => s.status?.demo);
  const notice = useSession((s) => s.notice);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function startOver() {
    setNeedsCode(false);
    setPassphrase('');
    setCode('');
    setError(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(name, passphrase, needsCode ? code : undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SECOND_FACTOR_REQUIRED') {
        setNeedsCode(true);
      } else if (needsCode && err instanceof ApiError && err.code === 'WRONG_SECOND_FACTOR') {
        setError(err);
        setCode('');
      } else {
        startOver();
        setError(err);
      }
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
      {notice && (
        <p className="ok" role="status">
          {t(notice)}
        </p>
      )}
      <form onSubmit={submit} aria-label={t('ui.login.title')}>
        {needsCode ? (
          <>
            <p className="hint">{t('security.login.codeHelp')}</p>
            <label className="field">
              <span>{t('security.login.codeTitle')}</span>
              <input
                className="totp-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                autoFocus
                required
              />
            </label>
          </>
        ) : (
          <>
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
          </>
        )}
        <ErrorMessage error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('ui.login.unlocking') : needsCode ? t('security.login.verify') : t('ui.login.unlock')}
          </button>
          {needsCode && (
            <button type="button" onClick={startOver}>
              {t('security.login.back')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
