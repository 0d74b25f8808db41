import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentDto, ReferralDto } from '../../../shared/contract/letters';
import { TEMPLATE_SPECS } from '../../../shared/letters/template-spec';
import {
  CONSENT_DATA_ITEMS,
  isConsentDataItem,
  isConsentMethod,
  type ConsentDataItem,
} from '../../../shared/vocab';
import { formatDateBoth } from '../../../shared/dates/wareki';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { useCan } from '../../hooks/use-can';

const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * The person's consents (scope, method, date, who) and a form to record one or its withdrawal.
 * The form starts from what the referral's letter carries (its template's kinds of information),
 * and when the consent on file does not cover what the letter now holds, says what is missing
 * and offers to extend it. A referral from a coordination request starts the form from the
 * consent given for the coordination (method, date, who took it), and says so: it is recorded
 * for this letter only when the counselor records it here.
 */
export function ConsentPanel({
  referral,
  onChange,
  missingItems = [],
}: {
  referral: ReferralDto;
  onChange(): void;
  /** what the letter carries beyond the consent on file (from the letter's consent check) */
  missingItems?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const mayRecord = useCan('consent.record');
  const [list, setList] = useState<ConsentDto[]>([]);
  const [items, setItems] = useState<ConsentDataItem[]>(() => [
    ...TEMPLATE_SPECS[referral.template].defaultItems,
  ]);
  const fromRequest = referral.coordinationConsent;
  const [method, setMethod] = useState<'verbal' | 'written'>(
    fromRequest && isConsentMethod(fromRequest.method) ? fromRequest.method : 'verbal',
  );
  const [obtainedOn, setObtainedOn] = useState(fromRequest?.date ?? today());
  // a consent in force already names this recipient: the form starts from nothing again
  const covered = list.some(
    (c) => !c.withdrawnOn && c.recipients.some((x) => x.id === referral.institution.id),
  );
  // still the request's consent as given (then it was taken by whoever took that one)
  const asRequest =
    !!fromRequest && !covered && method === fromRequest.method && obtainedOn === fromRequest.date;
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    call('consent.list', { personId: referral.personId }).then(setList, setError);
  }, [referral.personId]);
  useEffect(load, [load]);
  const toggle = (c: ConsentDataItem) =>
    setItems((xs) => (xs.includes(c) ? xs.filter((x) => x !== c) : [...xs, c]));
  const missing = missingItems.filter(isConsentDataItem);
  /** the consent on file for this recipient, widened by what the letter lacks */
  function extend() {
    const current = list.find(
      (c) => !c.withdrawnOn && c.recipients.some((x) => x.id === referral.institution.id),
    );
    const had = (current?.dataItems ?? []).filter(isConsentDataItem);
    setItems(CONSENT_DATA_ITEMS.map((i) => i.code).filter((c) => had.includes(c) || missing.includes(c)));
    setDone(false);
  }

  async function record() {
    setError(null);
    setDone(false);
    try {
      await call('consent.record', {
        personId: referral.personId,
        referralId: referral.id,
        recipientIds: [referral.institution.id],
        dataItems: items,
        method,
        obtainedOn,
        ...(asRequest ? { obtainedBy: fromRequest.obtainedBy } : {}),
        note,
      });
      setDone(true);
      load();
      onChange();
    } catch (e) {
      setError(e);
    }
  }
  async function withdraw(id: string) {
    setError(null);
    try {
      await call('consent.withdraw', { id, withdrawnOn: today() });
      load();
      onChange();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card consent-panel" aria-label={t('letters.consent.heading')}>
      <h2>{t('letters.consent.heading')}</h2>
      {list.length === 0 && <p className="hint">{t('letters.consent.none')}</p>}
      <ul className="consents">
        {list.map((c) => (
          <li key={c.id} data-withdrawn={c.withdrawnOn ? 'yes' : 'no'}>
            <strong>{t(`vocab.consentMethod.${c.method}`)}</strong> <DateBoth value={c.obtainedOn} />{' '}
            {t('letters.consent.obtainedBy', { name: c.obtainedBy.name })} —{' '}
            {c.recipients.map((r) => r.name).join('、')}
            <div className="hint">{c.dataItems.map((i) => t(`vocab.consentItem.${i}`)).join(' / ')}</div>
            {c.withdrawnOn ? (
              <span className="tag warn">{t('letters.consent.withdrawn', { date: c.withdrawnOn })}</span>
            ) : (
              <>
                <span className="tag ok">{t('letters.consent.valid')}</span>
                {mayRecord && (
                  <button type="button" onClick={() => void withdraw(c.id)}>
                    {t('letters.consent.withdraw')}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {mayRecord && missing.length > 0 && (
        <div role="note" className="consent-extend">
          <p>
            {t('letters.consentScope.missing', {
              items: missing.map((i) => t(`vocab.consentItem.${i}`)).join('、'),
            })}
          </p>
          <button type="button" onClick={extend}>
            {t('letters.consentScope.extend')}
          </button>
        </div>
      )}
      {mayRecord && (
        <form onSubmit={(e) => e.preventDefault()} aria-label={t('letters.consent.record')}>
          <fieldset>
            <legend>
              {t('letters.consent.items')}（{t('letters.consent.recipients')}：{referral.institution.name}）
            </legend>
            {CONSENT_DATA_ITEMS.map((i) => (
              <label key={i.code} className="check">
                <input type="checkbox" checked={items.includes(i.code)} onChange={() => toggle(i.code)} />
                {t(`vocab.consentItem.${i.code}`)}
              </label>
            ))}
          </fieldset>
          {asRequest && (
            <p className="hint" data-testid="consent-from-request">
              {t('letters.consent.fromRequest', {
                method: t(`vocab.consentMethod.${fromRequest.method}`),
                date: formatDateBoth(fromRequest.date, i18n.language === 'en' ? 'en' : 'ja'),
                name: fromRequest.obtainedByName,
              })}
            </p>
          )}
          <div className="grid">
            <fieldset>
              <legend>{t('letters.consent.method')}</legend>
              {(['verbal', 'written'] as const).map((m) => (
                <label key={m} className="check">
                  <input
                    type="radio"
                    name="consent-method"
                    checked={method === m}
                    onChange={() => setMethod(m)}
                  />
                  {t(`vocab.consentMethod.${m}`)}
                </label>
              ))}
            </fieldset>
            <DateInput label={t('letters.consent.obtainedOn')} value={obtainedOn} onChange={setObtainedOn} />
            <label className="field wide">
              <span>{t('letters.consent.note')}</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          </div>
          <ErrorMessage error={error} />
          {done && <p className="ok">{t('letters.consent.recorded')}</p>}
          <button
            type="button"
            className="primary"
            disabled={items.length === 0}
            onClick={() => void record()}
          >
            {t('letters.consent.record')}
          </button>
        </form>
      )}
    </section>
  );
}
