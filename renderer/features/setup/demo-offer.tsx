import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';

/**
 * Try the app without real records: a separate demo case file (fictitious people, marked as
 * such everywhere), never the real one. Login "demo" with the passphrase chosen here.
 */
export function DemoOffer() {
  const { t } = useTranslation();
  const openDemo = useSession((s) => s.openDemo);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await openDemo(passphrase);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card demo-offer" onSubmit={submit} aria-label={t('ui.demo.title')}>
      <h2>{t('ui.demo.title')}</h2>
      <p className="hint">{t('ui.demo.explain')}</p>
      <label className="field">
        <span>{t('ui.demo.passphrase')}</span>
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
          autoComplete="new-password"
        />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('ui.demo.preparing') : t('ui.demo.open')}
      </button>
    </form>
  );
}
