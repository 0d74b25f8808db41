import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, TimelineItem } from '../../../shared/contract/persons';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { useSession } from '../../stores/session-store';

/** Everything about one person in date order: consultations, edits, cases, follow-ups. */
export function PersonTimeline() {
  const { t } = useTranslation();
  const personId = useNav((s) => s.personId);
  const edit = useNav((s) => s.editConsultation);
  const newCoordination = useNav((s) => s.newCoordination);
  const role = useSession((s) => s.status?.user?.role);
  const [data, setData] = useState<{ person: PersonDetail; items: TimelineItem[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!personId) return;
    call('person.timeline', { id: personId }).then(setData, setError);
  }, [personId]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('ui.search.loading')}</p>;
  const p = data.person;
  return (
    <section className="timeline" aria-label={t('ui.person.title')}>
      <header className="screen-header">
        <h2>
          {p.name ?? t('ui.search.anonymous')} <small>{p.nameKana}</small>
        </h2>
        <dl className="facts">
          <dt>{t('ui.intake.birthDate')}</dt>
          <dd>
            <DateBoth value={p.birthDate} />
          </dd>
          <dt>{t('ui.intake.sex')}</dt>
          <dd>{p.sex ? t(`vocab.sex.${p.sex}`) : '—'}</dd>
          <dt>{t('ui.intake.phone')}</dt>
          <dd>{p.phone ?? '—'}</dd>
        </dl>
      </header>
      <ol className="timeline-items">
        {data.items.map((item) => (
          <li key={`${item.kind}:${item.id}`} className={`item ${item.kind}`} data-kind={item.kind}>
            <span className="when">
              <DateBoth value={item.at} />
            </span>
            <span className="kind">{t(`ui.person.kinds.${item.kind}`)}</span>
            <span className="title">{item.title}</span>
            {item.kind === 'consultation' && (
              <>
                <span className="tag">{t(`vocab.method.${String(item.detail.method)}`)}</span>
                {typeof item.detail.mainCategory === 'string' && (
                  <span className="tag">{t(`vocab.category.${vocabKey(item.detail.mainCategory)}`)}</span>
                )}
                <p className="summary">{String(item.detail.summary ?? '')}</p>
                <button type="button" onClick={() => edit(item.id)}>
                  {t('ui.person.edit')}
                </button>
                {role && can(role, 'coordination.manage') && (
                  <button type="button" onClick={() => newCoordination(item.id)}>
                    {t('coordination.fromConsultation')}
                  </button>
                )}
              </>
            )}
            {item.kind === 'follow_up' && (
              <span className="tag">
                {t(`vocab.followUpState.${String(item.detail.state)}`)} · {String(item.detail.owner ?? '')}
              </span>
            )}
            {item.kind === 'edit' && (
              <span className="hint">{t('ui.person.editedBy', { name: String(item.detail.changedBy) })}</span>
            )}
            {item.kind === 'case' && (
              <span className="tag">{t(`vocab.caseState.${String(item.detail.state)}`)}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
