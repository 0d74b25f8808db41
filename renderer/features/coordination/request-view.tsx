import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateDto, CoordinationRequestDto } from '../../../shared/contract/coordination';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { useSession } from '../../stores/session-store';
import { CandidateList, type Within } from './candidate-list';
import { ConsentPanel } from './consent-panel';
import { ContactEntry } from './contact-entry';
import { ContactLog } from './contact-log';
import { EndRequestForm } from './end-request-form';
import { atBoth } from './local-now';
import { NeedsChips } from './needs-chips';

/** One request: its facts and consent, the hospitals to ask, the quick call entry, the log, the end. */
export function RequestView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const go = useNav((s) => s.go);
  const role = useSession((s) => s.status?.user?.role);
  const mayManage = !!role && can(role, 'coordination.manage');
  const [r, setR] = useState<CoordinationRequestDto | null>(null);
  const [candidates, setCandidates] = useState<CandidateDto[]>([]);
  const [within, setWithin] = useState<Within>('all');
  const [picked, setPicked] = useState<{ id: string; at: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadCandidates = useCallback(() => {
    call('coordination.candidates', { id, within }).then(setCandidates, setError);
  }, [id, within]);
  useEffect(() => {
    call('coordination.get', { id }).then(setR, setError);
  }, [id]);
  useEffect(loadCandidates, [loadCandidates]);
  const changed = (next: CoordinationRequestDto, note: string | null = null) => {
    setError(null);
    setR(next);
    setMessage(note);
    loadCandidates();
  };

  if (!r) return <ErrorMessage error={error} />;
  const kind = t(`vocab.coordinationKind.${r.kind}`);
  return (
    <section
      className="coordination request"
      aria-label={t('coordination.request.title', { name: r.personName, kind })}
    >
      <header className="screen-header">
        <button type="button" onClick={() => go('coordination')}>
          ← {t('coordination.request.back')}
        </button>
        <h1>{t('coordination.request.title', { name: r.personName ?? '', kind })}</h1>
        <span className={`urgency ${r.urgency}`}>{t(`vocab.coordinationUrgency.${r.urgency}`)}</span>
        <span className="tag" data-testid="request-state">
          {t(`vocab.coordinationState.${r.state}`)}
        </span>
      </header>
      <dl className="facts">
        <dt>{t('coordination.request.requestedOn')}</dt>
        <dd>
          <DateBoth value={r.requestedOn} />
        </dd>
        <dt>{t('coordination.request.wanted')}</dt>
        <dd>
          <DateBoth value={r.wantedFrom} />
          {r.wantedTo && (
            <>
              {' 〜 '}
              <DateBoth value={r.wantedTo} />
            </>
          )}
        </dd>
        <dt>{t('coordination.request.owner')}</dt>
        <dd>{r.ownerName}</dd>
        <dt>{t('coordination.request.reason')}</dt>
        <dd>{t(`vocab.coordinationReason.${r.reason}`)}</dd>
        <dt>{t('coordination.request.needs')}</dt>
        <dd>
          <NeedsChips needs={r.needs} />
        </dd>
      </dl>
      {(r.reasonNote || r.needs.note) && (
        <p className="hint">{[r.reasonNote, r.needs.note].filter(Boolean).join(' / ')}</p>
      )}
      <ConsentPanel request={r} mayManage={mayManage} onChange={(x) => changed(x)} onError={setError} />
      {message && (
        <p role="status" className="ok">
          {message}
        </p>
      )}
      <ErrorMessage error={error} />
      {r.state === 'open' && mayManage && r.mayContact && (
        <ContactEntry
          request={r}
          candidates={candidates}
          picked={picked}
          onError={setError}
          onSaved={(next, e) =>
            changed(
              next,
              [
                t('coordination.contact.saved', {
                  name: e.name,
                  answer: t(`vocab.contactAnswer.${e.answer}`),
                }),
                e.callBackAt ? t('coordination.contact.followUp', { at: atBoth(e.callBackAt, lang) }) : '',
              ]
                .filter(Boolean)
                .join(' '),
            )
          }
        />
      )}
      {r.state === 'open' && (
        <CandidateList
          candidates={candidates}
          within={within}
          onWithin={setWithin}
          mayLog={mayManage && r.mayContact}
          onPick={(c) => setPicked({ id: c.institutionId, at: Date.now() })}
        />
      )}
      <ContactLog contacts={r.contacts} />
      {(mayManage || r.state !== 'open') && (
        <EndRequestForm request={r} onError={setError} onEnded={(x) => changed(x, t('coordination.saved'))} />
      )}
    </section>
  );
}
