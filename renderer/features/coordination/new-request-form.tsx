import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import type { MedicalNeeds, OpenRequestInput } from '../../../shared/contract/coordination';
import {
  CONSENT_METHODS,
  COORDINATION_KINDS,
  COORDINATION_REASONS,
  COORDINATION_URGENCIES,
  type ConsentMethod,
} from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { CodeToggles } from '../../components/code-toggles';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { localToday } from './local-now';
import { NeedsFields } from './needs-fields';

const codes = <T extends { code: string }>(list: readonly T[]): T['code'][] => list.map((x) => x.code);

/** The devices recorded on the consultation, as a first guess at the needs. */
function needsFrom(c: ConsultationDetail | null): MedicalNeeds {
  const d = new Set<string>(c?.patient.devices ?? []);
  return {
    ventilator: d.has('ventilator_tppv') ? 'tppv' : d.has('ventilator_nppv') ? 'nppv' : 'none',
    suction: d.has('suction') ? 'occasional' : 'none',
    gastrostomy: d.has('tube_feeding'),
    careLevel: d.has('ventilator_tppv') ? 'high' : 'low',
    note: null,
  };
}

/** Opens a request from a consultation: kind, reason, wanted dates, needs, urgency, consent. */
export function NewRequestForm({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const openCoordination = useNav((s) => s.openCoordination);
  const [consultation, setConsultation] = useState<ConsultationDetail | null>(null);
  const [form, setForm] = useState<OpenRequestInput>({
    consultationId,
    kind: 'respite',
    reason: 'caregiver_rest',
    wantedFrom: localToday(),
    urgency: 'soon',
    needs: needsFrom(null),
  });
  const [consent, setConsent] = useState<{ given: boolean; method: ConsentMethod; date: string }>({
    given: false,
    method: 'verbal',
    date: localToday(),
  });
  const [error, setError] = useState<unknown>(null);
  const patch = (p: Partial<OpenRequestInput>) => setForm((f) => ({ ...f, ...p }));
  useEffect(() => {
    call('consultation.get', { id: consultationId }).then((c) => {
      setConsultation(c);
      setForm((f) => ({ ...f, needs: needsFrom(c) }));
    }, setError);
  }, [consultationId]);

  async function save() {
    setError(null);
    try {
      const r = await call('coordination.open', {
        ...form,
        consent: consent.given ? { method: consent.method, date: consent.date } : null,
      });
      openCoordination(r.id);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="coordination" aria-label={t('coordination.form.title')}>
      <header className="screen-header">
        <h1>{t('coordination.form.title')}</h1>
        {consultation && (
          <span className="hint">
            {consultation.person?.name} ·{' '}
            {t('coordination.form.forConsultation', { serial: consultation.serial })}
          </span>
        )}
      </header>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('coordination.form.title')}>
        <fieldset>
          <legend>{t('coordination.form.kind')}</legend>
          <CodeToggles
            list="coordinationKind"
            codes={codes(COORDINATION_KINDS)}
            selected={[form.kind]}
            single
            onChange={([k]) => patch({ kind: k! })}
            label={t('coordination.form.kind')}
          />
          <div className="grid">
            <CodeSelect
              id="coordination-reason"
              list="coordinationReason"
              codes={codes(COORDINATION_REASONS)}
              value={form.reason}
              onChange={(v) => v && patch({ reason: v as never })}
              label={t('coordination.form.reason')}
            />
            <DateInput
              label={t('coordination.form.wantedFrom')}
              value={form.wantedFrom}
              onChange={(v) => patch({ wantedFrom: v })}
            />
            <DateInput
              label={t('coordination.form.wantedTo')}
              value={form.wantedTo ?? ''}
              onChange={(v) => patch({ wantedTo: v || null })}
            />
            <div className="field">
              <CodeToggles
                list="coordinationUrgency"
                codes={codes(COORDINATION_URGENCIES)}
                selected={[form.urgency]}
                single
                onChange={([u]) => patch({ urgency: u! })}
                label={t('coordination.form.urgency')}
              />
            </div>
            <label className="field wide">
              <span>{t('coordination.form.reasonNote')}</span>
              <textarea
                rows={3}
                value={form.reasonNote ?? ''}
                onChange={(e) => patch({ reasonNote: e.target.value })}
              />
            </label>
          </div>
        </fieldset>
        <NeedsFields value={form.needs as MedicalNeeds} onChange={(needs) => patch({ needs })} />
        <fieldset>
          <legend>{t('coordination.consent.title')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={consent.given}
              onChange={(e) => setConsent((c) => ({ ...c, given: e.target.checked }))}
            />
            {t('coordination.form.consentNow')}
          </label>
          {consent.given && (
            <div className="grid">
              <CodeSelect
                id="coordination-consent-method"
                list="consentMethod"
                codes={codes(CONSENT_METHODS)}
                value={consent.method}
                onChange={(v) => v && setConsent((c) => ({ ...c, method: v as ConsentMethod }))}
                label={t('coordination.consent.method')}
              />
              <DateInput
                label={t('coordination.consent.date')}
                value={consent.date}
                onChange={(date) => setConsent((c) => ({ ...c, date }))}
              />
            </div>
          )}
          {!consent.given && <p className="hint">{t('coordination.consent.none')}</p>}
        </fieldset>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void save()}>
            {t('coordination.form.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
