import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDto } from '../../../shared/contract/letters';
import { call } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';

/** The recipient's T5 reply, typed in from the returned form: it completes the referral. */
export function ReplyForm({ referral, onSaved }: { referral: ReferralDto; onSaved(r: ReferralDto): void }) {
  const { t } = useTranslation();
  const [receivedOn, setReceivedOn] = useState(new Date().toLocaleDateString('sv-SE'));
  const [decision, setDecision] = useState<'accepted' | 'declined'>('accepted');
  const [personInCharge, setPerson] = useState('');
  const [action, setAction] = useState('');
  const [centerFollowUp, setCenterFollowUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function save() {
    setError(null);
    try {
      onSaved(
        await call('referral.recordReply', {
          id: referral.id,
          receivedOn,
          decision,
          personInCharge,
          action,
          centerFollowUp,
        }),
      );
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form
      className="card reply-form"
      aria-label={t('letters.reply.heading')}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{t('letters.reply.heading')}</h2>
      <div className="grid">
        <DateInput label={t('letters.reply.receivedOn')} value={receivedOn} onChange={setReceivedOn} />
        <fieldset>
          <legend>{t('letters.reply.decision')}</legend>
          {(['accepted', 'declined'] as const).map((d) => (
            <label key={d} className="check">
              <input
                type="radio"
                name="reply-decision"
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              {t(`letters.reply.decisions.${d}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('letters.reply.personInCharge')}</span>
          <input value={personInCharge} onChange={(e) => setPerson(e.target.value)} />
        </label>
        <label className="field wide">
          <span>{t('letters.reply.action')}</span>
          <textarea rows={2} value={action} onChange={(e) => setAction(e.target.value)} />
        </label>
        <label className="check wide">
          <input
            type="checkbox"
            checked={centerFollowUp}
            onChange={(e) => setCenterFollowUp(e.target.checked)}
          />
          {t('letters.reply.centerFollowUp')}
        </label>
      </div>
      <ErrorMessage error={error} />
      <button type="button" className="primary" onClick={() => void save()}>
        {t('letters.reply.save')}
      </button>
    </form>
  );
}
