import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRun } from './features/setup/first-run';
import { LoginScreen } from './features/lock/login-screen';
import { RecoverySheet } from './features/setup/recovery-sheet';
import { ErrorMessage } from './components/error-message';
import { AppShell } from './features/shell/app-shell';
import { useSession } from './stores/session-store';
import { useSettings } from './stores/settings-store';

/** First run → recovery sheet → the app; locked → login. */
export function App() {
  const { t, i18n } = useTranslation();
  const status = useSession((s) => s.status);
  const recoveryCode = useSession((s) => s.recoveryCode);
  const refresh = useSession((s) => s.refresh);
  const language = useSettings((s) => s.language);
  const fontSize = useSettings((s) => s.fontSize);
  // e.g. browser mode opened without the address that carries its token
  const [startError, setStartError] = useState<unknown>(null);
  useEffect(() => {
    refresh().catch(setStartError);
  }, [refresh]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.dataset.fontSize = fontSize;
  }, [fontSize]);

  if (!status && startError)
    return (
      <div className="centered-card">
        <ErrorMessage error={startError} />
      </div>
    );
  if (!status) return <p className="centered-card">{t('ui.search.loading')}</p>;
  if (recoveryCode) return <RecoverySheet code={recoveryCode} />;
  if (!status.casefileExists) return <FirstRun />;
  if (!status.unlocked) return <LoginScreen />;
  return <AppShell />;
}
