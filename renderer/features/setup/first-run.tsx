import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrefectureCode } from '../../../shared/codes/prefectures';
import { ErrorMessage } from '../../components/error-message';
import { PrefectureSelect } from '../../components/prefecture-select';
import { useSession } from '../../stores/session-store';
import { DemoOffer } from './demo-offer';
import { passphraseStrength } from './passphrase-strength';
import { AdminProfessionField, EMPTY_CONTACT, SetupContactFields } from './setup-contact-fields';

/** Creates the case file: center name, first administrator, passphrase with a strength hint. */
export function FirstRun() {
  const { t } = useTranslation();
  const create = useSession((s) => s.create);
  const [centerName, setCenterName] = useState('');
  const [prefectureCode, setPrefectureCode] = useState<PrefectureCode | null>(null);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [profession, setProfession] = useState<string | null>(null);
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);
  const mismatch = again.length > 0 && again !== passphrase;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch || busy) return;
    setBusy(true);
    setError(null);
    try {
      await create({
        centerName,
        login,
        displayName,
        passphrase,
        prefectureCode,
        profession: profession as never,
        letterhead: contact,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered-card">
      <h1>{t('ui.setup.title')}</h1>
      <p>{t('ui.setup.intro')}</p>
      <form onSubmit={submit} aria-label={t('ui.setup.title')}>
        <label className="field">
          <span>{t('ui.setup.centerName')}</span>
          <input value={centerName} onChange={(e) => setCenterName(e.target.value)} required autoFocus />
        </label>
        <PrefectureSelect
          id="setup-prefecture"
          value={prefectureCode}
          onChange={setPrefectureCode}
          required
        />
        <label className="field">
          <span>{t('ui.setup.adminName')}</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </label>
        <AdminProfessionField value={profession} onChange={setProfession} />
        <label className="field">
          <span>{t('ui.login.login')}</span>
          <input value={login} onChange={(e) => setLogin(e.target.value)} required autoComplete="username" />
        </label>
        <label className="field">
          <span>{t('ui.login.passphrase')}</span>
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
            autoComplete="new-password"
          />
        </label>
        <meter min={0} max={3} value={strength} aria-label={t('ui.setup.strength')} />
        <span className="hint" data-testid="strength">
          {t(`ui.setup.strengthLevel${strength}`)}
        </span>
        <label className="field">
          <span>{t('ui.setup.passphraseAgain')}</span>
          <input
            type="password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            required
            autoComplete="new-password"
          />
        </label>
        {mismatch && <div className="error">{t('ui.setup.mismatch')}</div>}
        <SetupContactFields value={contact} onChange={setContact} />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || mismatch}>
          {t('ui.setup.create')}
        </button>
      </form>
      <DemoOffer />
    </main>
  );
}
