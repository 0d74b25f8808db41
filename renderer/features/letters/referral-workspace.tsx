import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDto } from '../../../shared/contract/letters';
import { REFERRAL_TRANSITIONS, isReferralOpen } from '../../../shared/vocab';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { ConsentPanel } from './consent-panel';
import { LetterEditor } from './letter-editor';
import { RegisterTable } from './register-table';
import { ReplyForm } from './reply-form';
import { useCan } from '../../hooks/use-can';

/** One referral: its state, the person's consent, the letter, the letters issued, the reply. */
export function ReferralWorkspace({ id }: { id: string }) {
  const { t } = useTranslation();
  const openReferral = useNav((s) => s.openReferral);
  const openPerson = useNav((s) => s.openPerson);
  const openCoordination = useNav((s) => s.openCoordination);
  const mayManage = useCan('referral.manage');
  const mayIssue = useCan('letter.issue');
  const [r, setR] = useState<ReferralDto | null>(null);
  const [consents, setConsents] = useState(0);
  const [missingItems, setMissingItems] = useState<string[]>([]);
  const [issued, setIssued] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    call('referral.get', { id }).then(setR, setError);
  }, [id]);
  useEffect(load, [load]);

  async function move(to: ReferralDto['state']) {
    setError(null);
    try {
      setR(await call('referral.transition', { id, to }));
    } catch (e) {
      setError(e);
    }
  }

  if (!r) return <ErrorMessage error={error} />;
  const open = isReferralOpen(r.state);
  return (
    <section className="referral-workspace" aria-label={t('letters.referral.heading')}>
      <header className="screen-header">
        <h1>
          {t('letters.referral.heading')}：{r.institution.name}
        </h1>
        <span className="tag" data-state={r.state}>
          {t(`vocab.referralState.${r.state}`)}
        </span>
        <button type="button" onClick={() => openReferral(null)}>
          {t('letters.back')}
        </button>
      </header>
      <dl className="facts">
        <dt>{t('letters.register.person')}</dt>
        <dd>
          <button type="button" className="link" onClick={() => openPerson(r.personId)}>
            {r.personName ?? '—'}
          </button>
        </dd>
        <dt>{t('letters.referral.requestedOn')}</dt>
        <dd>
          <DateBoth value={r.requestedOn} /> ·{' '}
          {t('letters.referral.fromConsultation', { serial: r.consultationSerial })}
        </dd>
        <dt>{t('letters.referral.replyDueOn')}</dt>
        <dd>
          <DateBoth value={r.replyDueOn} />
        </dd>
        {r.coordinationRequestId && (
          <>
            <dt>{t('letters.referral.fromCoordination')}</dt>
            <dd>
              <button
                type="button"
                className="link"
                onClick={() => openCoordination(r.coordinationRequestId!)}
              >
                {t('letters.referral.openCoordination')}
              </button>
            </dd>
          </>
        )}
        {r.purpose && (
          <>
            <dt>{t('letters.referral.purpose')}</dt>
            <dd>{r.purpose}</dd>
          </>
        )}
        {r.reply && (
          <>
            <dt>{t('letters.reply.heading')}</dt>
            <dd>
              {t('letters.reply.recorded', {
                date: r.reply.receivedOn,
                decision: t(`letters.reply.decisions.${r.reply.decision}`),
              })}
              {r.reply.personInCharge && ` · ${r.reply.personInCharge}`}
              {r.reply.action && <div>{r.reply.action}</div>}
            </dd>
          </>
        )}
      </dl>
      {mayManage && REFERRAL_TRANSITIONS[r.state].length > 0 && (
        <div className="transitions">
          {REFERRAL_TRANSITIONS[r.state].map((to) => (
            <button key={to} type="button" onClick={() => void move(to)}>
              {t(`letters.referral.to.${to}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorMessage error={error} />
      <ConsentPanel
        referral={r}
        onChange={() => setConsents((n) => n + 1)}
        missingItems={open && mayIssue ? missingItems : []}
      />
      {open && mayIssue && (
        <LetterEditor
          referral={r}
          version={consents}
          onConsentCheck={(c) => setMissingItems(c.status === 'scope' ? c.missingItems : [])}
          onIssued={() => {
            setIssued((n) => n + 1);
            load();
          }}
        />
      )}
      <RegisterTable referralId={r.id} refresh={issued} />
      {open && mayManage && <ReplyForm referral={r} onSaved={setR} />}
    </section>
  );
}
