import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import { CONSENT_METHODS, type ConsentMethod } from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { localToday } from './local-now';

/**
 * Consent to give the person's details to hospitals: shown when held (with a way to record a
 * withdrawal), and a notice with a small form when it is not — no call can be logged then.
 */
export function ConsentPanel({
  request,
  mayManage,
  onChange,
  onError,
}: {
  request: CoordinationRequestDto;
  mayManage: boolean;
  onChange(r: CoordinationRequestDto): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<ConsentMethod>('verbal');
  const [date, setDate] = useState(localToday());
  const c = request.consent;
  const act = (p: Promise<CoordinationRequestDto>) => p.then(onChange, onError);
  if (request.mayContact && c)
    return (
      <fieldset className="consent" data-testid="consent">
        <legend>{t('coordination.consent.title')}</legend>
        <span>
          {t(`vocab.consentMethod.${c.method}`)} · <DateBoth value={c.date} /> · {c.obtainedByName}
        </span>{' '}
        {mayManage && (
          <button
            type="button"
            onClick={() => void act(call('coordination.withdrawConsent', { id: request.id }))}
          >
            {t('coordination.consent.withdraw')}
          </button>
        )}
      </fieldset>
    );
  return (
    <fieldset className="consent" data-testid="consent">
      <legend>{t('coordination.consent.title')}</legend>
      <p className="notice" role="note">
        {c?.withdrawnOn
          ? t('coordination.consent.withdrawn', { date: c.withdrawnOn })
          : t('coordination.consent.none')}
      </p>
      {mayManage && request.state === 'open' && (
        <div className="contact-entry">
          <CodeSelect
            id="consent-method"
            list="consentMethod"
            codes={CONSENT_METHODS.map((m) => m.code)}
            value={method}
            onChange={(v) => v && setMethod(v as ConsentMethod)}
            label={t('coordination.consent.method')}
          />
          <DateInput label={t('coordination.consent.date')} value={date} onChange={setDate} />
          <button
            type="button"
            className="primary"
            onClick={() =>
              void act(call('coordination.recordConsent', { id: request.id, consent: { method, date } }))
            }
          >
            {t('coordination.consent.record')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
