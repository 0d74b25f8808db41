import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './components/error-message';
import { FirstRun } from './features/setup/first-run';
import { LoginScreen } from './features/lock/login-screen';
import { RecoverySheet } from './features/setup/recovery-sheet';
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
  // the first status can fail before anything is open (NATIVE_MODULE): say why, not "loading"
  const [startupError, setStartupError] = useState<unknown>(null);
  useEffect(() => {
    refresh().catch(setStartupError);
  }, [refresh]);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.dataset.fontSize = fontSize;
  }, [fontSize]);

  if (!status && startupError) {
    return (
      <main className="centered-card">
        <h1>{t('app.title')}</h1>
        <ErrorMessage error={startupError} />
      </main>
    );
  }
  if (!status) return <p className="centered-card">{t('ui.search.loading')}</p>;
  if (recoveryCode) return <RecoverySheet code={recoveryCode} />;
  if (!status.casefileExists) return <FirstRun />;
  if (!status.unlocked) return <LoginScreen />;
  return <AppShell />;
}
