import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import type { ChainReportDto } from '../../../shared/contract/security';
import type { StaffDto } from '../../../shared/contract/staff';
import { call, saveBase64 } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { localIso } from '../backup/backup-screen';
import { AuditPersonFilter, type PickedPerson } from './audit-person-filter';
import { actionLabel, detailParts, entityLabel } from './audit-text';

type Rows = ChannelOutput<'audit.list'>;
const PAGE = 100;
/** The actions the filter offers (any other still shows in the list under its code). */
const ACTIONS = [
  'login',
  'login.second-factor-failed',
  'consultation.view',
  'consultation.record',
  'consultation.update',
  'person.view',
  'person.create',
  'person.update',
  'report.export',
  'audit.export',
  'audit.verify',
  'backup.run',
  'backup.restore',
  'backup.configure',
  'sync.bundle.export',
  'sync.bundle.import',
  'sync.clock.skew',
  'staff.add',
  'staff.update',
  'totp.enable',
  'totp.reset',
];

/** The administrator's review of the audit log: filters, the chain check, and CSV export. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const [staff, setStaff] = useState<StaffDto[]>([]);
  const [login, setLogin] = useState('');
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<Rows | null>(null);
  const [report, setReport] = useState<ChainReportDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const label = (a: string) => actionLabel(t, a);
  const filter = useCallback(
    () => ({
      ...(login ? { login } : {}),
      ...(person ? { entityId: person.id } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
    [login, person, action, from, to],
  );
  const search = useCallback(
    async (offset = 0) => {
      setError(null);
      try {
        const page = await call('audit.list', { ...filter(), limit: PAGE, offset });
        setRows((prev) =>
          offset && prev ? { total: page.total, rows: [...prev.rows, ...page.rows] } : page,
        );
      } catch (e) {
        setError(e);
      }
    },
    [filter],
  );
  useEffect(() => {
    call('staff.list', { includeInactive: true }).then(setStaff, setError);
    void search(0);
    // the first page once; later pages and filters on demand
  }, []);

  async function verify() {
    setBusy(true);
    setReport(null);
    try {
      setReport(await call('audit.verify', {}));
      void search(0);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function exportCsv() {
    setError(null);
    try {
      const f = await call('audit.export', { ...filter(), lang: i18n.language === 'en' ? 'en' : 'ja' });
      saveBase64(f.filename, f.mimeType, f.base64);
      setNotice(t('security.audit.exported', { count: f.rows }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-label={t('security.audit.title')}>
      <header className="screen-header">
        <h1>{t('security.audit.title')}</h1>
        <div className="button-row">
          <button type="button" onClick={() => void verify()} disabled={busy}>
            {busy ? t('security.audit.verifying') : t('security.audit.verify')}
          </button>
          <button type="button" onClick={() => void exportCsv()}>
            {t('security.audit.export')}
          </button>
        </div>
      </header>
      <p className="hint">{t('security.audit.intro')}</p>
      {report &&
        (report.ok ? (
          <div className="ok" role="status" data-testid="chain-report">
            <p>{t('security.audit.verifyOk', { count: report.entries })}</p>
            {report.head && (
              <p className="hint mono">
                {t('security.audit.head', { id: report.head.id, mac: report.head.mac.slice(0, 16) })}
              </p>
            )}
          </div>
        ) : (
          <p className="error" role="alert" data-testid="chain-report">
            {t('security.audit.verifyBroken', {
              id: report.firstBroken?.id,
              reason: t(`security.audit.reasons.${report.firstBroken?.reason ?? 'altered'}`),
            })}
          </p>
        ))}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />
      <form
        className="card filters"
        aria-label={t('security.audit.search')}
        onSubmit={(e) => {
          e.preventDefault();
          void search(0);
        }}
      >
        <div className="grid">
          <label className="field">
            <span>{t('security.audit.user')}</span>
            <select value={login} onChange={(e) => setLogin(e.target.value)}>
              <option value="">{t('security.audit.anyUser')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.login}>
                  {s.displayName}（{s.login}）
                </option>
              ))}
            </select>
          </label>
          <AuditPersonFilter value={person} onChange={setPerson} />
          <label className="field">
            <span>{t('security.audit.action')}</span>
            <select value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t('security.audit.anyAction')}</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {label(a)}
                </option>
              ))}
            </select>
          </label>
          <DateInput label={t('security.audit.from')} value={from} onChange={setFrom} />
          <DateInput label={t('security.audit.to')} value={to} onChange={setTo} />
        </div>
        <button type="submit" className="primary">
          {t('security.audit.search')}
        </button>
      </form>
      {rows && <p className="hint">{t('security.audit.total', { count: rows.total })}</p>}
      {rows && rows.rows.length === 0 ? (
        <p className="hint">{t('security.audit.none')}</p>
      ) : (
        <table className="table audit">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('security.audit.at')}</th>
              <th>{t('security.audit.user')}</th>
              <th>{t('security.audit.action')}</th>
              <th>{t('security.audit.target')}</th>
              <th>{t('security.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows?.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>
                  <DateBoth value={localIso(r.at)} />
                </td>
                <td className="who">
                  {r.login ? (r.staffName ?? t('auditView.unknownStaff', { login: r.login })) : '—'}
                </td>
                <td className="action" title={r.action}>
                  {label(r.action)}
                </td>
                <td>{r.entity ? [entityLabel(t, r.entity), r.target].filter(Boolean).join(' ') : '—'}</td>
                <td className="detail">
                  {detailParts(t, r.action, r.detail).map((p, i) => (
                    <span key={i} className="detail-part">
                      {p.label && <span className="detail-label">{p.label}：</span>}
                      {p.value}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && rows.rows.length < rows.total && (
        <button type="button" onClick={() => void search(rows.rows.length)}>
          {t('security.audit.more')}
        </button>
      )}
    </section>
  );
}
