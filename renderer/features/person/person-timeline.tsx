import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, TimelineItem } from '../../../shared/contract/persons';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { ReferralCreate } from '../letters/referral-create';
import { useCan } from '../../hooks/use-can';

/**
 * Everything about one person in date order: consultations, edits, cases, follow-ups, referrals,
 * letters, admission/respite coordination requests.
 */
export function PersonTimeline() {
  const { t } = useTranslation();
  const personId = useNav((s) => s.personId);
  const edit = useNav((s) => s.editConsultation);
  const newCoordination = useNav((s) => s.newCoordination);
  const openCoordination = useNav((s) => s.openCoordination);
  const mayCoordinate = useCan('coordination.manage');
  const openReferral = useNav((s) => s.openReferral);
  const openProvisionLog = useNav((s) => s.openProvisionLog);
  const mayRefer = useCan('referral.manage');
  const [referFrom, setReferFrom] = useState<string | null>(null);
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
        <h1>
          {p.name ?? t('ui.search.anonymous')} <small>{p.nameKana}</small>
        </h1>
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
        <button type="button" onClick={() => openProvisionLog(p.id)}>
          {t('letters.provision.open')}
        </button>
      </header>
      <ol className="timeline-items">
        {data.items.map((item) => (
          <li key={`${item.kind}:${item.id}`} className={`item ${item.kind}`} data-kind={item.kind}>
            <span className="when">
              <DateBoth value={item.at} />
            </span>
            <span className="kind">
              {item.kind === 'coordination'
                ? t('coordination.timeline.kind')
                : t(`ui.person.kinds.${item.kind}`)}
            </span>
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
                {mayCoordinate && (
                  <button type="button" onClick={() => newCoordination(item.id)}>
                    {t('coordination.fromConsultation')}
                  </button>
                )}
                {mayRefer && (
                  <button type="button" onClick={() => setReferFrom(referFrom === item.id ? null : item.id)}>
                    {t('letters.referral.create')}
                  </button>
                )}
                {referFrom === item.id && (
                  <ReferralCreate consultationId={item.id} onClose={() => setReferFrom(null)} />
                )}
              </>
            )}
            {item.kind === 'referral' && (
              <>
                <span className="tag" data-state={String(item.detail.state)}>
                  {t(`vocab.referralState.${String(item.detail.state)}`)}
                </span>
                <span className="tag">{t(`vocab.letterTemplate.${String(item.detail.template)}`)}</span>
                <button type="button" onClick={() => openReferral(item.id)}>
                  {t('letters.referral.open')}
                </button>
              </>
            )}
            {item.kind === 'letter' && (
              <>
                <span className="tag">{String(item.detail.addressee ?? '')}</span>
                {item.detail.override === true && (
                  <span className="tag warn">{t('letters.register.emergency')}</span>
                )}
                <button type="button" onClick={() => openReferral(String(item.detail.referralId))}>
                  {t('letters.referral.open')}
                </button>
              </>
            )}
            {item.kind === 'coordination' && (
              <>
                <span className="tag">{t(`vocab.coordinationKind.${String(item.detail.kind)}`)}</span>
                <span className="tag" data-state={String(item.detail.state)}>
                  {t(`vocab.coordinationState.${String(item.detail.state)}`)}
                </span>
                {typeof item.detail.acceptedFrom === 'string' && (
                  <span className="tag">
                    {t('coordination.timeline.stay')} <DateBoth value={item.detail.acceptedFrom} />
                    {typeof item.detail.acceptedTo === 'string' && (
                      <>
                        〜<DateBoth value={item.detail.acceptedTo} />
                      </>
                    )}
                  </span>
                )}
                <button type="button" onClick={() => openCoordination(item.id)}>
                  {t('coordination.timeline.open')}
                </button>
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
