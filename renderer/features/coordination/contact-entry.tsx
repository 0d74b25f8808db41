import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateDto, CoordinationRequestDto } from '../../../shared/contract/coordination';
import {
  CONTACT_ANSWERS,
  REFUSAL_REASONS,
  type ContactAnswer,
  type RefusalReason,
} from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { CodeToggles } from '../../components/code-toggles';
import { DateInput } from '../../components/date-input';
import { onEnter } from '../../components/ime';
import { localTime, localToday } from './local-now';

interface Entry {
  institutionId: string;
  time: string;
  answer: ContactAnswer | null;
  reason: RefusalReason | null;
  reasonNote: string;
  callBackDate: string;
  callBackTime: string;
  note: string;
}

const fresh = (institutionId = ''): Entry => ({
  institutionId,
  time: localTime(),
  answer: null,
  reason: null,
  reasonNote: '',
  callBackDate: localToday(),
  callBackTime: '',
  note: '',
});

/**
 * One row per call: hospital, answer, and the reason (受入不可) or call-back time (検討中).
 * Enter in a text field logs it (never while an IME is composing).
 */
export function ContactEntry({
  request,
  candidates,
  picked,
  onSaved,
  onError,
}: {
  request: CoordinationRequestDto;
  candidates: CandidateDto[];
  /** a hospital chosen from the candidate list */
  picked: { id: string; at: number } | null;
  onSaved(
    r: CoordinationRequestDto,
    entry: { name: string; answer: ContactAnswer; callBackAt: string | null },
  ): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const [e, setE] = useState<Entry>(fresh());
  const hospitalRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!picked) return;
    setE((x) => ({ ...x, institutionId: picked.id, time: localTime() }));
    hospitalRef.current?.focus();
  }, [picked]);
  const patch = (p: Partial<Entry>) => setE((x) => ({ ...x, ...p }));

  async function save() {
    if (!e.answer || !e.institutionId) return;
    const callBackAt =
      e.answer === 'pending' && e.callBackTime ? `${e.callBackDate}T${e.callBackTime}` : null;
    try {
      const r = await call('coordination.logContact', {
        requestId: request.id,
        institutionId: e.institutionId,
        contactedAt: `${localToday()}T${e.time}`,
        answer: e.answer,
        refusalReason: e.answer === 'refused' ? e.reason : null,
        refusalNote: e.answer === 'refused' ? e.reasonNote : null,
        callBackAt,
        note: e.note,
      });
      const name = candidates.find((c) => c.institutionId === e.institutionId)?.name ?? '';
      onSaved(r, { name, answer: e.answer, callBackAt });
      setE(fresh());
    } catch (err) {
      onError(err);
    }
  }

  return (
    <fieldset>
      <legend>{t('coordination.contact.entry')}</legend>
      <form
        className="contact-entry"
        aria-label={t('coordination.contact.entry')}
        onSubmit={(x) => x.preventDefault()}
      >
        <label className="field">
          <span>{t('coordination.contact.hospital')}</span>
          <select
            ref={hospitalRef}
            value={e.institutionId}
            onChange={(x) => patch({ institutionId: x.target.value })}
          >
            <option value="">{t('coordination.contact.chooseHospital')}</option>
            {candidates.map((c) => (
              <option key={c.institutionId} value={c.institutionId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('coordination.contact.time')}</span>
          <input type="time" value={e.time} onChange={(x) => patch({ time: x.target.value })} />
        </label>
        <div className="field">
          <CodeToggles
            list="contactAnswer"
            codes={CONTACT_ANSWERS.map((a) => a.code)}
            selected={e.answer ? [e.answer] : []}
            single
            onChange={([a]) => patch({ answer: a ?? null })}
            label={t('coordination.contact.answer')}
          />
        </div>
        {e.answer === 'refused' && (
          <>
            <CodeSelect
              id="refusal-reason"
              list="refusalReason"
              codes={REFUSAL_REASONS.map((r) => r.code)}
              value={e.reason}
              onChange={(v) => patch({ reason: v as RefusalReason | null })}
              label={t('coordination.contact.reason')}
            />
            <label className="field">
              <span>{t('coordination.contact.reasonNote')}</span>
              <input
                value={e.reasonNote}
                onChange={(x) => patch({ reasonNote: x.target.value })}
                onKeyDown={onEnter(() => void save())}
              />
            </label>
          </>
        )}
        {e.answer === 'pending' && (
          <>
            <DateInput
              label={t('coordination.contact.callBackDate')}
              value={e.callBackDate}
              onChange={(callBackDate) => patch({ callBackDate })}
            />
            <label className="field">
              <span>{t('coordination.contact.callBackTime')}</span>
              <input
                type="time"
                value={e.callBackTime}
                onChange={(x) => patch({ callBackTime: x.target.value })}
              />
            </label>
          </>
        )}
        <label className="field">
          <span>{t('coordination.contact.note')}</span>
          <input
            value={e.note}
            onChange={(x) => patch({ note: x.target.value })}
            onKeyDown={onEnter(() => void save())}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!e.answer || !e.institutionId}
          onClick={() => void save()}
        >
          {t('coordination.contact.save')}
        </button>
      </form>
    </fieldset>
  );
}
