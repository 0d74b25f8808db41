import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { QrCode } from './qr-code';

type Enrolment = ChannelOutput<'totp.begin'>;

/** The base32 key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** One's own second factor: set up (QR code + key, confirmed by a code) or turn off (with a code). */
export function TotpScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ChannelOutput<'totp.status'> | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    call('totp.status', {}).then(setStatus, setError);
  }, []);
  useEffect(load, [load]);

  async function act(p: () => Promise<unknown>, done: string) {
    setError(null);
    setNotice('');
    try {
      await p();
      setNotice(done);
      setCode('');
      load();
    } catch (e) {
      setError(e);
    }
  }

  async function begin() {
    setError(null);
    setNotice('');
    try {
      setEnrolment(await call('totp.begin', {}));
    } catch (e) {
      setError(e);
    }
  }

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await call('totp.confirm', { code });
      setEnrolment(null);
    }, t('security.totp.enabled'));
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    void act(() => call('totp.disable', { code }), t('security.totp.disabled'));
  };
  const codeInput = (
    <label className="field">
      <span>{t('security.totp.code')}</span>
      <input
        className="totp-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        required
      />
    </label>
  );

  return (
    <section aria-label={t('security.totp.title')} className="card narrow">
      <h1>{t('security.totp.title')}</h1>
      <p className="hint">{t('security.totp.intro')}</p>
      {status && (
        <p className={status.enabled ? 'ok' : ''} role="status">
          {status.enabled ? t('security.totp.on') : t('security.totp.off')}
        </p>
      )}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />
      {status && !status.enabled && !enrolment && (
        <button type="button" className="primary" onClick={() => void begin()}>
          {t('security.totp.start')}
        </button>
      )}
      {enrolment && (
        <form onSubmit={confirm} aria-label={t('security.totp.start')} className="enrolment">
          <p>{t('security.totp.scan')}</p>
          <QrCode text={enrolment.uri} label={t('security.totp.qrAlt')} />
          <p className="hint">{t('security.totp.manual')}</p>
          <dl className="facts">
            <dt>{t('security.totp.secretLabel')}</dt>
            <dd>
              <code className="secret">{grouped(enrolment.secret)}</code>
            </dd>
            <dt>{t('security.totp.account')}</dt>
            <dd>{enrolment.account}</dd>
          </dl>
          <p>{t('security.totp.confirm')}</p>
          {codeInput}
          <button type="submit" className="primary">
            {t('security.totp.confirmButton')}
          </button>
        </form>
      )}
      {status?.enabled && (
        <form onSubmit={disable} aria-label={t('security.totp.disableTitle')}>
          <h2>{t('security.totp.disableTitle')}</h2>
          <p className="hint">{t('security.totp.disableHelp')}</p>
          {codeInput}
          <button type="submit">{t('security.totp.disableButton')}</button>
        </form>
      )}
      <p className="hint">{t('security.totp.lostPhone')}</p>
    </section>
  );
}
