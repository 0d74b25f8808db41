import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { T3LetterButton } from './t3-letter-button';
import { RadioToggles } from '../../components/radio-toggles';

const OUTCOMES = ['accepted', 'withdrawn', 'failed'] as const;

/** The hospitals whose latest answer for this request is 受入可 (the only ones that can be chosen). */
function accepting(r: CoordinationRequestDto) {
  const last = new Map<string, { name: string; answer: string }>();
  for (const k of r.contacts) last.set(k.institutionId, { name: k.institutionName, answer: k.answer });
  return [...last].filter(([, v]) => v.answer === 'accepted').map(([id, v]) => ({ id, name: v.name }));
}

/** Ends the request: 受入決定 (hospital, dates), 取下げ or 不成立; or shows how it ended. */
export function EndRequestForm({
  request,
  onEnded,
  onError,
}: {
  request: CoordinationRequestDto;
  onEnded(r: CoordinationRequestDto): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const options = accepting(request);
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('accepted');
  const [hospital, setHospital] = useState('');
  const [from, setFrom] = useState(request.wantedFrom);
  const [to, setTo] = useState(request.wantedTo ?? '');
  const [note, setNote] = useState('');
  const chosen = hospital || options[0]?.id || '';

  if (request.state !== 'open')
    return (
      <fieldset data-testid="ended">
        <legend>{t('coordination.end.title')}</legend>
        <p className="ok">
          {t('coordination.end.done', { outcome: t(`vocab.coordinationState.${request.state}`) })}
          {request.acceptedInstitutionName && ` · ${request.acceptedInstitutionName}`}
        </p>
        <dl className="facts">
          <dt>{t('coordination.contact.endedOn')}</dt>
          <dd>
            <DateBoth value={request.endedOn} />
          </dd>
          {request.acceptedFrom && (
            <>
              <dt>{t('coordination.end.from')}</dt>
              <dd>
                <DateBoth value={request.acceptedFrom} />
              </dd>
              <dt>{t('coordination.end.to')}</dt>
              <dd>
                <DateBoth value={request.acceptedTo} />
              </dd>
            </>
          )}
        </dl>
        {request.endNote && <p>{request.endNote}</p>}
        {request.state === 'accepted' && <T3LetterButton request={request} onError={onError} />}
      </fieldset>
    );

  async function end() {
    try {
      const base = { id: request.id, note };
      const r =
        outcome === 'accepted'
          ? await call('coordination.end', {
              ...base,
              outcome,
              institutionId: chosen,
              acceptedFrom: from,
              acceptedTo: to || null,
            })
          : await call('coordination.end', { ...base, outcome });
      onEnded(r);
    } catch (e) {
      onError(e);
    }
  }

  return (
    <fieldset>
      <legend>{t('coordination.end.title')}</legend>
      <RadioToggles
        label={t('coordination.end.outcome')}
        options={OUTCOMES}
        value={outcome}
        onChange={setOutcome}
        text={(o) => t(`coordination.end.outcomes.${o}`)}
      />
      {outcome === 'accepted' &&
        (options.length === 0 ? (
          <p className="hint">{t('coordination.end.noAccepted')}</p>
        ) : (
          <div className="grid">
            <label className="field">
              <span>{t('coordination.end.hospital')}</span>
              <select value={chosen} onChange={(e) => setHospital(e.target.value)}>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <DateInput label={t('coordination.end.from')} value={from} onChange={setFrom} />
            <DateInput label={t('coordination.end.to')} value={to} onChange={setTo} />
          </div>
        ))}
      <label className="field">
        <span>{t('coordination.end.note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p>
        <button
          type="button"
          className="primary"
          disabled={outcome === 'accepted' && options.length === 0}
          onClick={() => void end()}
        >
          {t('coordination.end.save')}
        </button>
      </p>
    </fieldset>
  );
}
