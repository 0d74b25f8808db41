import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../../shared/contract/activities';
import { fiscalYearRange } from '../../../shared/dates/fiscal-year';
import { can } from '../../../shared/permissions';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/vocab/activity-kinds';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { YearKindFilters } from '../events/year-kind-filters';
import { currentFiscalYear, todayIso } from '../reports/report-period';
import { ActivityFormPanel } from './activity-form';
import '../events/events.css';

/**
 * 地域支援対策事業 (Ⅴ), 協議会, 支援者会議 and 日常生活用具の展示 of a fiscal year: list, record,
 * edit (participants are often counted afterwards). Counted in statistics table 14. Writing
 * needs 'case.manage'; every role may look.
 */
export function ActivitiesScreen() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const mayWrite = role ? can(role, 'case.manage') : false;
  const thisYear = useMemo(() => currentFiscalYear(), []);
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [rows, setRows] = useState<ActivityDto[] | null>(null);
  const [form, setForm] = useState<'new' | ActivityDto | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    call('activity.list', { ...fiscalYearRange(year), ...(kind ? { kind } : {}) }).then(setRows, setError);
  }, [year, kind]);
  useEffect(load, [load]);

  const defaultDate = year === thisYear ? todayIso() : fiscalYearRange(year).from;

  return (
    <section className="events" aria-label={t('activities.title')}>
      <header className="screen-header">
        <h1>{t('activities.title')}</h1>
        {mayWrite && (
          <button type="button" className="primary" onClick={() => setForm('new')}>
            {t('activities.new')}
          </button>
        )}
      </header>
      <p className="hint">{mayWrite ? t('activities.intro') : t('activities.readOnly')}</p>
      <YearKindFilters<ActivityKind>
        thisYear={thisYear}
        year={year}
        onYear={setYear}
        kind={kind}
        onKind={setKind}
        kinds={ACTIVITY_KINDS.map((k) => ({ code: k.code, label: t(`vocab.activityKind.${k.code}`) }))}
        labels={{
          year: t('activities.year'),
          kind: t('activities.kindFilter'),
          allKinds: t('activities.allKinds'),
        }}
      />
      {saved && (
        <p role="status" className="ok">
          {t('activities.saved', { title: saved })}
        </p>
      )}
      <ErrorMessage error={error} />
      {form && (
        <ActivityFormPanel
          key={form === 'new' ? 'new' : `${form.id}@${form.version}`}
          editing={form === 'new' ? null : form}
          defaultDate={defaultDate}
          onCancel={() => setForm(null)}
          onSaved={(a) => {
            setForm(null);
            setSaved(a.title);
            load();
          }}
        />
      )}
      {rows && rows.length === 0 && <p className="hint">{t('activities.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table event-list" aria-label={t('activities.list')}>
          <thead>
            <tr>
              <th scope="col">{t('activities.date')}</th>
              <th scope="col">{t('activities.kind')}</th>
              <th scope="col">{t('activities.titleLabel')}</th>
              <th scope="col">{t('activities.attendees')}</th>
              <th scope="col" className="num">
                {t('activities.participantsShort')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('ui.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-activity={a.title}>
                <td>
                  <DateBoth value={a.date} />
                </td>
                <td>{t(`vocab.activityKind.${a.kind}`)}</td>
                <th scope="row">{a.title}</th>
                <td>{a.attendees.map((x) => x.name).join('、')}</td>
                <td className="num">
                  {a.participants === null
                    ? t('activities.participantsUnknown')
                    : t('activities.participantsCount', { count: a.participants })}
                </td>
                <td>
                  {mayWrite && (
                    <button type="button" onClick={() => setForm(a)}>
                      {t('activities.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
