import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../shared/contract/staff';
import { STAFF_PROFESSIONS, STAFF_ROLES } from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';

/** Staff accounts and roles (administrators only; the use cases refuse everyone else). */
export function StaffScreen() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<StaffDto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({
    login: '',
    displayName: '',
    role: 'counselor',
    profession: null as string | null,
    passphrase: '',
  });
  const me = useSession((s) => s.status?.user?.staffId);
  const [secondFactor, setSecondFactor] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    call('staff.list', { includeInactive: true }).then(setRows, setError);
    call('totp.accounts', {}).then(
      (r) => setSecondFactor(new Set(r.filter((a) => a.enabled).map((a) => a.staffId))),
      setError,
    );
  }, []);
  useEffect(load, [load]);

  async function run(p: Promise<unknown>) {
    setError(null);
    try {
      await p;
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-label={t('ui.staff.title')}>
      <header className="screen-header">
        <h1>{t('ui.staff.title')}</h1>
      </header>
      <ErrorMessage error={error} />
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('ui.login.login')}</th>
            <th>{t('ui.staff.name')}</th>
            <th>{t('ui.staff.role')}</th>
            <th>{t('ui.staff.profession')}</th>
            <th>{t('security.staff.secondFactor')}</th>
            <th>
              <span className="sr-only">{t('ui.common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className={s.active ? '' : 'inactive'}>
              <td>{s.login}</td>
              <td>{s.displayName}</td>
              <td>
                <select
                  aria-label={t('ui.staff.role')}
                  value={s.role}
                  disabled={!s.active}
                  onChange={(e) =>
                    void run(call('staff.update', { id: s.id, role: e.target.value as never }))
                  }
                >
                  {STAFF_ROLES.map((r) => (
                    <option key={r.code} value={r.code}>
                      {t(`vocab.role.${r.code}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{s.profession ? t(`vocab.profession.${s.profession}`) : '—'}</td>
              <td>
                {secondFactor.has(s.id) ? (
                  <>
                    {t('security.staff.on')}{' '}
                    {s.id !== me && (
                      <button
                        type="button"
                        onClick={() => {
                          if (!window.confirm(t('security.staff.resetConfirm', { name: s.displayName })))
                            return;
                          void run(
                            call('totp.reset', { staffId: s.id }).then(() =>
                              setNotice(t('security.staff.resetDone')),
                            ),
                          );
                        }}
                      >
                        {t('security.staff.reset')}
                      </button>
                    )}
                  </>
                ) : (
                  t('security.staff.off')
                )}
              </td>
              <td>
                {s.active ? (
                  <button type="button" onClick={() => void run(call('staff.deactivate', { id: s.id }))}>
                    {t('ui.staff.deactivate')}
                  </button>
                ) : (
                  t('ui.staff.inactive')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="card"
        aria-label={t('ui.staff.add')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            call('staff.add', {
              ...form,
              role: form.role as never,
              profession: form.profession as never,
            }).then(() => setForm({ ...form, login: '', displayName: '', passphrase: '' })),
          );
        }}
      >
        <h2>{t('ui.staff.add')}</h2>
        <div className="grid">
          <label className="field">
            <span>{t('ui.login.login')}</span>
            <input
              value={form.login}
              onChange={(e) => setForm({ ...form, login: e.target.value })}
              required
            />
          </label>
          <label className="field">
            <span>{t('ui.staff.name')}</span>
            <input
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
              required
            />
          </label>
          <CodeSelect
            id="staff-role"
            list="role"
            codes={STAFF_ROLES.map((r) => r.code)}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: v ?? 'counselor' })}
            label={t('ui.staff.role')}
          />
          <CodeSelect
            id="staff-prof"
            list="profession"
            codes={STAFF_PROFESSIONS.map((r) => r.code)}
            value={form.profession}
            onChange={(v) => setForm({ ...form, profession: v })}
            label={t('ui.staff.profession')}
          />
          <label className="field">
            <span>{t('ui.staff.initialPassphrase')}</span>
            <input
              type="password"
              value={form.passphrase}
              onChange={(e) => setForm({ ...form, passphrase: e.target.value })}
              required
              autoComplete="new-password"
            />
          </label>
        </div>
        <button type="submit" className="primary">
          {t('ui.staff.add')}
        </button>
      </form>
    </section>
  );
}
