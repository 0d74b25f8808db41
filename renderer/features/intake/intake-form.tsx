import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import {
  CONSULTATION_KINDS,
  CONSULTATION_METHODS,
  CONSULTER_RELATIONSHIPS,
  DIAGNOSIS_STATUSES,
  DISABILITY_CERTIFICATE_STATUSES,
  EMPLOYMENT_STATUSES,
  LIVING_SITUATIONS,
  LONG_TERM_CARE_LEVELS,
  MEDICAL_DEVICES,
  OUTCOMES,
  RECIPIENT_CERTIFICATE_STATUSES,
  RESPONSE_TYPES,
} from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { CodeToggles } from '../../components/code-toggles';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { isComposing } from '../../components/ime';
import { useNav } from '../../stores/nav-store';
import { ReferralCreate } from '../letters/referral-create';
import { useCan } from '../../hooks/use-can';
import { CategoryToggles } from './category-toggles';
import { ContinuityField } from './continuity-field';
import { IntakeWarnings } from './intake-warnings';
import { DiseasePicker } from './disease-picker';
import { emptyIntake, fromConsultation, toConsultationInput, type IntakeForm } from './intake-state';
import { PersonPicker } from './person-picker';
import { SitePicker } from './site-picker';
import { useStaffOptions } from './use-staff-options';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code);

/**
 * Intake, in the order a phone call goes: when and how → who called → about whom → what about
 * → what we did → what next. Saved as a draft inside the case file while typing (a lock or a
 * crash loses nothing); Ctrl+S or Ctrl+Enter saves, Ctrl+Shift+N starts a new one.
 */
export function IntakeFormScreen() {
  const { t } = useTranslation();
  const editId = useNav((s) => s.editConsultationId);
  const stopEditing = useNav((s) => s.editConsultation);
  const [form, setForm] = useState<IntakeForm>(emptyIntake);
  const [editing, setEditing] = useState<ConsultationDetail | null>(null);
  const [saved, setSaved] = useState<ConsultationDetail | null>(null);
  // a saved consultation about a known person can be referred on at once
  const mayRefer = useCan('referral.manage');
  const [referring, setReferring] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useRef(false);
  const staff = useStaffOptions();
  const patch = useCallback((p: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...p })), []);

  // restore the draft (or load the consultation being edited) once
  useEffect(() => {
    let live = true;
    void (async () => {
      if (editId) {
        const c = await call('consultation.get', { id: editId });
        if (live) {
          setEditing(c);
          setForm(fromConsultation(c));
        }
      } else {
        const d = await call('draft.get', { kind: 'intake' }).catch(() => null);
        if (live && d) {
          setForm({ ...emptyIntake(), ...(d.data as Partial<IntakeForm>) });
          setDraftNote(d.updatedAt);
        }
      }
      loaded.current = true;
    })();
    return () => {
      live = false;
    };
  }, [editId]);

  // keep the draft in the case file as the user types (debounced)
  useEffect(() => {
    if (!loaded.current || editId) return;
    const h = window.setTimeout(() => {
      void call('draft.save', { kind: 'intake', data: form as unknown as Record<string, unknown> }).catch(
        () => undefined,
      );
    }, 600);
    return () => window.clearTimeout(h);
  }, [form, editId]);

  const save = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const input = toConsultationInput(form);
      const result = editing
        ? await call('consultation.update', {
            id: editing.id,
            expectedVersion: editing.version,
            changes: input,
          })
        : await call('consultation.record', input);
      setSaved(result);
      if (!editing) await call('draft.discard', { kind: 'intake' });
      setEditing(null);
      stopEditing(null);
      setForm(emptyIntake());
      setDraftNote(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, editing, form, stopEditing]);

  const startNew = useCallback(() => {
    setForm(emptyIntake());
    setEditing(null);
    stopEditing(null);
    setError(null);
    setDraftNote(null);
    void call('draft.discard', { kind: 'intake' }).catch(() => undefined);
  }, [stopEditing]);

  function onKeyDown(e: KeyboardEvent) {
    if (isComposing(e)) return; // Enter that confirms a conversion never saves
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 's' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    } else if (mod && e.shiftKey && (e.key === 'N' || e.key === 'n')) {
      e.preventDefault();
      startNew();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault(); // a plain Enter in a text box never submits the form
    }
  }

  return (
    <form
      className="intake"
      aria-label={t('ui.intake.title')}
      onKeyDown={onKeyDown}
      onSubmit={(e) => e.preventDefault()}
    >
      <header className="screen-header">
        <h2>{editing ? t('ui.intake.editTitle', { serial: editing.serial }) : t('ui.intake.title')}</h2>
        {draftNote && (
          <span className="hint" data-testid="draft-restored">
            {t('ui.intake.draftRestored')} <DateBoth value={draftNote} />
          </span>
        )}
        {saved && (
          <span className="ok" role="status" data-testid="saved">
            {t('ui.intake.saved', { serial: saved.serial })}
          </span>
        )}
        {saved?.person && mayRefer && !referring && (
          <button type="button" onClick={() => setReferring(true)}>
            {t('letters.referral.create')}
          </button>
        )}
      </header>
      {saved?.person && referring && (
        <ReferralCreate consultationId={saved.id} onClose={() => setReferring(false)} />
      )}

      <fieldset>
        <legend>{t('ui.intake.when')}</legend>
        <div className="grid">
          <label className="field">
            <span>{t('ui.intake.receivedAt')}</span>
            <input
              type="datetime-local"
              value={form.receivedAt}
              onChange={(e) => patch({ receivedAt: e.target.value })}
            />
            <small className="hint">
              <DateBoth value={form.receivedAt} />
            </small>
          </label>
          <label className="field">
            <span>{t('ui.intake.duration')}</span>
            <input
              type="number"
              min={0}
              max={1440}
              inputMode="numeric"
              value={form.durationMin}
              onChange={(e) => patch({ durationMin: e.target.value })}
            />
          </label>
        </div>
        <CodeToggles
          label={t('ui.intake.method')}
          list="method"
          codes={codes(CONSULTATION_METHODS)}
          selected={[form.method]}
          single
          onChange={([m]) =>
            // 出張相談 happens away from the center: the site follows (it can be changed back)
            patch({ method: m ?? 'phone', ...(m === 'outreach' ? { siteKind: 'outreach' as const } : {}) })
          }
        />
        <CodeToggles
          label={t('ui.intake.kind')}
          list="kind"
          codes={codes(CONSULTATION_KINDS)}
          selected={[form.kind]}
          single
          onChange={([k]) => patch({ kind: k ?? 'professional' })}
        />
        <SitePicker form={form} patch={patch} />
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.who')}</legend>
        <div className="grid">
          <CodeSelect
            id="consulter"
            list="consulter"
            codes={codes(CONSULTER_RELATIONSHIPS)}
            value={form.consulter || null}
            onChange={(v) => patch({ consulter: v ?? '' })}
            label={t('ui.intake.consulter')}
          />
          <label className="field">
            <span>{t('ui.intake.consulterNote')}</span>
            <input value={form.consulterNote} onChange={(e) => patch({ consulterNote: e.target.value })} />
          </label>
        </div>
      </fieldset>

      <PersonPicker form={form} patch={patch} />

      <fieldset>
        <legend>{t('ui.intake.situation')}</legend>
        <DiseasePicker value={form.diseases} onChange={(diseases) => patch({ diseases })} />
        <div className="grid">
          <CodeSelect
            id="diagnosis"
            list="diagnosis"
            codes={codes(DIAGNOSIS_STATUSES)}
            value={form.diagnosisStatus}
            onChange={(v) => patch({ diagnosisStatus: v })}
            label={t('ui.intake.diagnosis')}
          />
          <label className="field">
            <span>{t('ui.intake.diseaseOther')}</span>
            <input value={form.diseaseOther} onChange={(e) => patch({ diseaseOther: e.target.value })} />
          </label>
          <CodeSelect
            id="recipientCert"
            list="recipientCert"
            codes={codes(RECIPIENT_CERTIFICATE_STATUSES)}
            value={form.recipientCert}
            onChange={(v) => patch({ recipientCert: v })}
            label={t('ui.intake.recipientCert')}
          />
          <CodeSelect
            id="disabilityCert"
            list="disabilityCert"
            codes={codes(DISABILITY_CERTIFICATE_STATUSES)}
            value={form.disabilityCert}
            onChange={(v) => patch({ disabilityCert: v })}
            label={t('ui.intake.disabilityCert')}
          />
          <CodeSelect
            id="ltc"
            list="ltc"
            codes={codes(LONG_TERM_CARE_LEVELS)}
            value={form.ltcLevel}
            onChange={(v) => patch({ ltcLevel: v })}
            label={t('ui.intake.ltc')}
          />
          <CodeSelect
            id="employment"
            list="employment"
            codes={codes(EMPLOYMENT_STATUSES)}
            value={form.employment}
            onChange={(v) => patch({ employment: v })}
            label={t('ui.intake.employment')}
          />
          <CodeSelect
            id="living"
            list="living"
            codes={codes(LIVING_SITUATIONS)}
            value={form.living}
            onChange={(v) => patch({ living: v })}
            label={t('ui.intake.living')}
          />
        </div>
        <CodeToggles
          label={t('ui.intake.devices')}
          list="device"
          codes={codes(MEDICAL_DEVICES)}
          selected={form.devices}
          onChange={(devices) => patch({ devices })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.content')}</legend>
        <CategoryToggles
          selected={form.categories}
          main={form.mainCategory}
          onChange={(categories, mainCategory) => patch({ categories, mainCategory })}
        />
        <label className="field wide">
          <span>{t('ui.intake.summary')}</span>
          <textarea rows={5} value={form.summary} onChange={(e) => patch({ summary: e.target.value })} />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.response')}</legend>
        <CodeToggles
          label={t('ui.intake.responses')}
          list="response"
          codes={codes(RESPONSE_TYPES)}
          selected={form.responses}
          onChange={(responses) => patch({ responses })}
        />
        <label className="field wide">
          <span>{t('ui.intake.responseText')}</span>
          <textarea
            rows={4}
            value={form.responseText}
            onChange={(e) => patch({ responseText: e.target.value })}
          />
        </label>
        <label className="field wide">
          <span>{t('ui.intake.referralNote')}</span>
          <input value={form.referralNote} onChange={(e) => patch({ referralNote: e.target.value })} />
        </label>
        <CodeToggles
          label={t('ui.intake.outcome')}
          list="outcome"
          codes={codes(OUTCOMES)}
          selected={[form.outcome]}
          single
          onChange={([o]) => patch({ outcome: o ?? 'closed' })}
        />
        <ContinuityField form={form} patch={patch} consultationId={editing?.id ?? null} />
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.followUp')}</legend>
        <div className="grid">
          <label className="field">
            <span>{t('ui.intake.followUpTitle')}</span>
            <input value={form.followUpTitle} onChange={(e) => patch({ followUpTitle: e.target.value })} />
          </label>
          <DateInput
            label={t('ui.intake.followUpDue')}
            value={form.followUpDue}
            onChange={(v) => patch({ followUpDue: v })}
          />
          <label className="field">
            <span>{t('ui.intake.followUpOwner')}</span>
            <select value={form.followUpOwnerId} onChange={(e) => patch({ followUpOwnerId: e.target.value })}>
              <option value="">{t('ui.intake.me')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>

      <IntakeWarnings form={form} saved={saved?.warnings ?? []} />
      <ErrorMessage error={error} />
      <footer className="actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
          {t('ui.intake.save')} <kbd>Ctrl+S</kbd>
        </button>
        <button type="button" onClick={startNew}>
          {t('ui.intake.new')} <kbd>Ctrl+Shift+N</kbd>
        </button>
      </footer>
    </form>
  );
}
