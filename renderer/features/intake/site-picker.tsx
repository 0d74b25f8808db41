import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDto } from '../../../shared/contract/events';
import { fiscalYearOf, fiscalYearRange } from '../../../shared/dates/fiscal-year';
import { isIsoDate } from '../../../shared/dates/iso-date';
import { formatDateBoth } from '../../../shared/dates/wareki';
import { call } from '../../api/client';
import { RadioToggles } from '../../components/radio-toggles';
import type { IntakeForm } from './intake-state';

const SITES = ['center', 'outreach'] as const;

/**
 * Where the consultation took place: at the center, or outreach — and then, optionally, at one
 * of the fiscal year's events (出張相談会, 交流会 …), so it counts in that event's statistics.
 * Events on the consultation's day come first.
 */
export function SitePicker({
  form,
  patch,
}: {
  form: Pick<IntakeForm, 'siteKind' | 'eventId' | 'receivedAt'>;
  patch(p: Partial<IntakeForm>): void;
}) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const day = form.receivedAt.slice(0, 10);
  const year = isIsoDate(day) ? fiscalYearOf(day) : null;
  const [events, setEvents] = useState<EventDto[]>([]);
  useEffect(() => {
    if (year === null) return;
    let live = true;
    call('event.list', fiscalYearRange(year)).then(
      (list) => live && setEvents(list),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [year]);
  const ordered = [...events].sort(
    (a, b) => Number(b.date === day) - Number(a.date === day) || a.date.localeCompare(b.date),
  );
  const missing = form.eventId !== null && events.length > 0 && !events.some((e) => e.id === form.eventId);
  return (
    <div className="site-picker">
      <RadioToggles
        label={t('events.site.label')}
        options={SITES}
        value={form.siteKind}
        onChange={(k) => patch({ siteKind: k, eventId: k === 'center' ? null : form.eventId })}
        text={(k) => t(`events.site.${k}`)}
      />
      {form.siteKind === 'outreach' && (
        <div className="field">
          <label htmlFor={`${uid}-event`}>{t('events.site.event')}</label>
          <select
            id={`${uid}-event`}
            aria-describedby={`${uid}-hint`}
            value={form.eventId ?? ''}
            onChange={(e) => patch({ eventId: e.target.value || null })}
          >
            <option value="">{t('events.site.noEvent')}</option>
            {missing && <option value={form.eventId!}>{t('events.site.eventMissing')}</option>}
            {ordered.map((e) => (
              <option key={e.id} value={e.id}>
                {`${formatDateBoth(e.date, lang)} ${t(`vocab.eventKind.${e.kind}`)}：${e.title}`}
              </option>
            ))}
          </select>
          <small className="hint" id={`${uid}-hint`}>
            {t('events.site.hint')}
          </small>
        </div>
      )}
    </div>
  );
}
