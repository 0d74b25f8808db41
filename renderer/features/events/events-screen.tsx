import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventDto, type EventKind } from '../../../shared/contract/events';
import { fiscalYearRange } from '../../../shared/dates/fiscal-year';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { YearKindFilters } from './year-kind-filters';
import { currentFiscalYear, todayIso } from '../reports/report-period';
import { ConsultationList } from '../search/consultation-list';
import { EventFormPanel } from './event-form';
import './events.css';

/**
 * Events of a fiscal year (出張相談会・医療相談会, 交流会, 講演会・研修会, ピア・サポーター研修):
 * list, create, edit (participants are often counted afterwards), and the consultations
 * recorded at each. Writing needs 'case.manage'; every role may look.
 */
export function EventsScreen() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const mayWrite = role ? can(role, 'case.manage') : false;
  const thisYear = useMemo(() => currentFiscalYear(), []);
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<EventKind | ''>('');
  const [events, setEvents] = useState<EventDto[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | EventDto | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    call('event.list', { ...fiscalYearRange(year), ...(kind ? { kind } : {}) }).then(setEvents, setError);
  }, [year, kind]);
  useEffect(load, [load]);

  const chosen = events?.find((e) => e.id === selected) ?? null;
  const defaultDate = year === thisYear ? todayIso() : fiscalYearRange(year).from;

  return (
    <section className="events" aria-label={t('events.title')}>
      <header className="screen-header">
        <h1>{t('events.title')}</h1>
        {mayWrite && (
          <button type="button" className="primary" onClick={() => setForm('new')}>
            {t('events.new')}
          </button>
        )}
      </header>
      <p className="hint">{mayWrite ? t('events.intro') : t('events.readOnly')}</p>
      <YearKindFilters<EventKind>
        thisYear={thisYear}
        year={year}
        onYear={setYear}
        kind={kind}
        onKind={setKind}
        kinds={EVENT_KINDS.map((k) => ({ code: k.code, label: t(`vocab.eventKind.${k.code}`) }))}
        labels={{ year: t('events.year'), kind: t('events.kindFilter'), allKinds: t('events.allKinds') }}
      />
      {saved && (
        <p role="status" className="ok">
          {t('events.saved', { title: saved })}
        </p>
      )}
      <ErrorMessage error={error} />
      {form && (
        <EventFormPanel
          key={form === 'new' ? 'new' : `${form.id}@${form.version}`}
          editing={form === 'new' ? null : form}
          defaultDate={defaultDate}
          onCancel={() => setForm(null)}
          onSaved={(e) => {
            setForm(null);
            setSaved(e.title);
            setSelected(e.id);
            load();
          }}
        />
      )}
      {events && events.length === 0 && <p className="hint">{t('events.none')}</p>}
      {events && events.length > 0 && (
        <table className="table event-list" aria-label={t('events.list')}>
          <thead>
            <tr>
              <th scope="col">{t('events.date')}</th>
              <th scope="col">{t('events.kind')}</th>
              <th scope="col">{t('events.name')}</th>
              <th scope="col">{t('events.place')}</th>
              <th scope="col">{t('events.organisers')}</th>
              <th scope="col" className="num">
                {t('events.participants')}
              </th>
              <th scope="col" className="num">
                {t('events.consultationsShort')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('ui.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr
                key={e.id}
                data-event={e.title}
                className={e.id === selected ? 'selected' : undefined}
                aria-selected={e.id === selected}
              >
                <td>
                  <DateBoth value={e.date} />
                </td>
                <td className="kind">{t(`vocab.eventKind.${e.kind}`)}</td>
                <th scope="row">
                  <button type="button" className="link" onClick={() => setSelected(e.id)}>
                    {e.title}
                  </button>
                </th>
                <td className="place">{e.place ?? ''}</td>
                <td className="organisers">{e.organisers.map((o) => o.name).join('、')}</td>
                <td className="num">
                  {e.participants === null
                    ? t('events.participantsUnknown')
                    : t('events.participantsCount', { count: e.participants })}
                </td>
                <td className="num">{e.consultationCount}</td>
                <td>
                  {mayWrite && (
                    <button type="button" onClick={() => setForm(e)}>
                      {t('events.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="event-consultations" aria-label={t('events.consultations')}>
        <h2>{chosen ? `${t('events.consultations')}：${chosen.title}` : t('events.consultations')}</h2>
        {chosen ? (
          <ConsultationList key={chosen.id} filter={{ eventId: chosen.id }} onError={setError} />
        ) : (
          <p className="hint">{t('events.pickOne')}</p>
        )}
      </section>
    </section>
  );
}
