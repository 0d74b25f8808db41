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
import { ApiError, call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { CodeToggles } from '../../components/code-toggles';
import { DateBoth } from '../../components/date-both';
import { DateInput } from '../../components/date-input';
import { FieldMessage, noticeAria } from '../../components/field-notice';
import { isComposing } from '../../components/ime';
import { TextField } from '../../components/text-field';
import { useNav } from '../../stores/nav-store';
import { CategoryToggles } from './category-toggles';
import { ContinuityField } from './continuity-field';
import { DiseasePicker } from './disease-picker';
import { IntakeSummary } from './intake-summary';
import {
  checkIntake,
  noticeMap,
  noticesFromIssues,
  noticesFromWarnings,
  noticeText,
  serviceWarnings,
  type IntakeNotice,
} from './intake-check';
import { fieldId, type IntakeField } from './intake-fields';
import { localNow, toConsultationInput } from './intake-state';
import { PersonPicker } from './person-picker';
import { SaveFooter } from './save-footer';
import { SitePicker } from './site-picker';
import { useIntakeDraft } from './use-intake-draft';
import { useSaveShortcuts } from './use-save-shortcuts';
import { useStaffOptions } from './use-staff-options';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code);
const FIRST_FIELD = fieldId('receivedAt');

/** Puts focus on a field (and it in view); false when the field is not on screen. */
function focusField(field: IntakeField): boolean {
  const el = document.getElementById(fieldId(field));
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
  return true;
}

/**
 * Intake, in the order a phone call goes: when and how → who called → about whom → what about
 * → what we did → what next. Saved as a draft inside the case file while typing (a lock or a
 * crash loses nothing); Ctrl+S or Ctrl+Enter saves, Ctrl+Shift+N starts a new one. Problems are
 * said at their field, in the field's own words; warnings never stop a save.
 */
export function IntakeFormScreen() {
  const { t } = useTranslation();
  const editId = useNav((s) => s.editConsultationId);
  const stopEditing = useNav((s) => s.editConsultation);
  const { form, patch: patchForm, editing, draftNote, loaded, reset, forgetDraft } = useIntakeDraft(editId);
  const [saved, setSaved] = useState<ConsultationDetail | null>(null);
  // what was worth a second look in the record just saved (the form itself is empty again)
  const [savedWarnings, setSavedWarnings] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [serverNotices, setServerNotices] = useState<IntakeNotice[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const staff = useStaffOptions();

  // a field the user changes loses the case file's complaint about it
  const patch = useCallback(
    (p: Parameters<typeof patchForm>[0]) => {
      patchForm(p);
      const touched = new Set<string>(Object.keys(p));
      if (touched.has('mainCategory')) touched.add('categories');
      setServerNotices((ns) =>
        ns.some((n) => touched.has(n.field)) ? ns.filter((n) => !touched.has(n.field)) : ns,
      );
    },
    [patchForm],
  );

  const own = checkIntake(form, localNow());
  const shown = [...own.filter((n) => n.severity === 'warning' || tried), ...serverNotices];
  const notices = noticeMap(t, shown);
  const notice = (f: IntakeField) => notices.get(f);
  const errorCount = [...notices.values()].filter((n) => n.severity === 'error').length;

  // the first field has focus when the form opens (after sign-in, from the menu, after a save),
  // unless the user has already put it somewhere in the form
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (loaded && !formRef.current?.contains(document.activeElement))
      document.getElementById(FIRST_FIELD)?.focus();
  }, [loaded]);

  const save = useCallback(async () => {
    if (busyRef.current) return;
    const problems = checkIntake(form, localNow()).filter((n) => n.severity === 'error');
    setTried(true);
    setError(null);
    if (problems.length > 0) {
      focusField(problems[0]!.field);
      return;
    }
    busyRef.current = true;
    setBusy(true);
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
      const warnings = [
        ...checkIntake(form, localNow()).filter((n) => n.severity === 'warning'),
        ...noticesFromWarnings(serviceWarnings(result)),
      ];
      setSavedWarnings([...new Set(warnings.map((n) => noticeText(t, n)))]);
      if (!editing) await forgetDraft().catch(() => undefined);
      stopEditing(null);
      reset();
      setTried(false);
      setServerNotices([]);
      const first = document.getElementById(FIRST_FIELD);
      first?.focus();
      first?.scrollIntoView?.({ block: 'center' });
    } catch (e) {
      const issues = e instanceof ApiError && e.code === 'INVALID_INPUT' ? (e.detail.issues ?? []) : [];
      const placed = noticesFromIssues(issues);
      setServerNotices(placed.notices);
      setError(placed.notices.length > 0 && placed.unplaced.length === 0 ? null : e);
      const first = placed.notices[0];
      if (!first || !focusField(first.field)) document.getElementById('intake-problems')?.focus();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [editing, form, forgetDraft, reset, stopEditing, t]);

  const startNew = useCallback(() => {
    reset();
    stopEditing(null);
    setError(null);
    setTried(false);
    setServerNotices([]);
    void forgetDraft().catch(() => undefined);
    document.getElementById(FIRST_FIELD)?.focus();
  }, [forgetDraft, reset, stopEditing]);

  useSaveShortcuts(save, startNew);

  function onKeyDown(e: KeyboardEvent) {
    if (isComposing(e)) return; // Enter that confirms a conversion never saves
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault(); // a plain Enter in a text box never submits the form
    }
  }

  return (
    <form
      ref={formRef}
      className="intake"
      aria-label={t('ui.intake.title')}
      onKeyDown={onKeyDown}
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <header className="screen-header">
        <h1>{editing ? t('ui.intake.editTitle', { serial: editing.serial }) : t('ui.intake.title')}</h1>
        {draftNote && (
          <span className="hint" data-testid="draft-restored">
            {t('ui.intake.draftRestored')} <DateBoth value={draftNote} />
          </span>
        )}
      </header>

      <fieldset>
        <legend>{t('ui.intake.when')}</legend>
        <div className="grid">
          <TextField
            id={fieldId('receivedAt')}
            label={t('ui.intake.receivedAt')}
            type="datetime-local"
            value={form.receivedAt}
            onChange={(v) => patch({ receivedAt: v })}
            notice={notice('receivedAt')}
            hint={<DateBoth value={form.receivedAt} />}
          />
          <TextField
            id={fieldId('durationMin')}
            label={t('ui.intake.duration')}
            type="number"
            min={0}
            max={1440}
            inputMode="numeric"
            value={form.durationMin}
            onChange={(v) => patch({ durationMin: v })}
            notice={notice('durationMin')}
          />
        </div>
        <CodeToggles
          label={t('ui.intake.method')}
          list="method"
          id={fieldId('method')}
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
          id={fieldId('kind')}
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
            id={fieldId('consulter')}
            list="consulter"
            codes={codes(CONSULTER_RELATIONSHIPS)}
            value={form.consulter || null}
            onChange={(v) => patch({ consulter: v ?? '' })}
            label={t('ui.intake.consulter')}
            notice={notice('consulter')}
          />
          <TextField
            id={fieldId('consulterNote')}
            label={t('ui.intake.consulterNote')}
            value={form.consulterNote}
            onChange={(v) => patch({ consulterNote: v })}
            notice={notice('consulterNote')}
          />
        </div>
      </fieldset>

      <PersonPicker form={form} patch={patch} notice={notice} />

      <fieldset>
        <legend>{t('ui.intake.situation')}</legend>
        <DiseasePicker
          id={fieldId('diseases')}
          value={form.diseases}
          onChange={(diseases) => patch({ diseases })}
          notice={notice('diseases')}
        />
        <div className="grid">
          <CodeSelect
            id={fieldId('diagnosisStatus')}
            list="diagnosis"
            codes={codes(DIAGNOSIS_STATUSES)}
            value={form.diagnosisStatus}
            onChange={(v) => patch({ diagnosisStatus: v })}
            label={t('ui.intake.diagnosis')}
            notice={notice('diagnosisStatus')}
          />
          <TextField
            id={fieldId('diseaseOther')}
            label={t('ui.intake.diseaseOther')}
            value={form.diseaseOther}
            onChange={(v) => patch({ diseaseOther: v })}
            notice={notice('diseaseOther')}
          />
          <CodeSelect
            id={fieldId('recipientCert')}
            list="recipientCert"
            codes={codes(RECIPIENT_CERTIFICATE_STATUSES)}
            value={form.recipientCert}
            onChange={(v) => patch({ recipientCert: v })}
            label={t('ui.intake.recipientCert')}
            notice={notice('recipientCert')}
          />
          <CodeSelect
            id={fieldId('disabilityCert')}
            list="disabilityCert"
            codes={codes(DISABILITY_CERTIFICATE_STATUSES)}
            value={form.disabilityCert}
            onChange={(v) => patch({ disabilityCert: v })}
            label={t('ui.intake.disabilityCert')}
            notice={notice('disabilityCert')}
          />
          <CodeSelect
            id={fieldId('ltcLevel')}
            list="ltc"
            codes={codes(LONG_TERM_CARE_LEVELS)}
            value={form.ltcLevel}
            onChange={(v) => patch({ ltcLevel: v })}
            label={t('ui.intake.ltc')}
            notice={notice('ltcLevel')}
          />
          <CodeSelect
            id={fieldId('employment')}
            list="employment"
            codes={codes(EMPLOYMENT_STATUSES)}
            value={form.employment}
            onChange={(v) => patch({ employment: v })}
            label={t('ui.intake.employment')}
            notice={notice('employment')}
          />
          <CodeSelect
            id={fieldId('living')}
            list="living"
            codes={codes(LIVING_SITUATIONS)}
            value={form.living}
            onChange={(v) => patch({ living: v })}
            label={t('ui.intake.living')}
            notice={notice('living')}
          />
        </div>
        <CodeToggles
          label={t('ui.intake.devices')}
          list="device"
          id={fieldId('devices')}
          codes={codes(MEDICAL_DEVICES)}
          selected={form.devices}
          onChange={(devices) => patch({ devices })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.content')}</legend>
        <CategoryToggles
          id={fieldId('categories')}
          selected={form.categories}
          main={form.mainCategory}
          onChange={(categories, mainCategory) => patch({ categories, mainCategory })}
          describedBy={noticeAria(fieldId('categories'), notice('categories'))['aria-describedby']}
        />
        <FieldMessage fieldId={fieldId('categories')} notice={notice('categories')} />
        <TextField
          id={fieldId('summary')}
          label={t('ui.intake.summary')}
          rows={5}
          wide
          value={form.summary}
          onChange={(v) => patch({ summary: v })}
          notice={notice('summary')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('ui.intake.response')}</legend>
        <CodeToggles
          label={t('ui.intake.responses')}
          list="response"
          id={fieldId('responses')}
          codes={codes(RESPONSE_TYPES)}
          selected={form.responses}
          onChange={(responses) => patch({ responses })}
        />
        <TextField
          id={fieldId('responseText')}
          label={t('ui.intake.responseText')}
          rows={4}
          wide
          value={form.responseText}
          onChange={(v) => patch({ responseText: v })}
          notice={notice('responseText')}
        />
        <TextField
          id={fieldId('referralNote')}
          label={t('ui.intake.referralNote')}
          wide
          value={form.referralNote}
          onChange={(v) => patch({ referralNote: v })}
          notice={notice('referralNote')}
        />
        <CodeToggles
          label={t('ui.intake.outcome')}
          list="outcome"
          id={fieldId('outcome')}
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
          <TextField
            id={fieldId('followUpTitle')}
            label={t('ui.intake.followUpTitle')}
            value={form.followUpTitle}
            onChange={(v) => patch({ followUpTitle: v })}
            notice={notice('followUpTitle')}
          />
          <DateInput
            id={fieldId('followUpDue')}
            label={t('ui.intake.followUpDue')}
            value={form.followUpDue}
            onChange={(v) => patch({ followUpDue: v })}
            notice={notice('followUpDue')}
          />
          <div className="field">
            <label htmlFor={fieldId('followUpOwnerId')}>{t('ui.intake.followUpOwner')}</label>
            <select
              id={fieldId('followUpOwnerId')}
              value={form.followUpOwnerId}
              onChange={(e) => patch({ followUpOwnerId: e.target.value })}
            >
              <option value="">{t('ui.intake.me')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <IntakeSummary error={error} notices={shown} errorCount={errorCount} />
      <SaveFooter
        saved={saved}
        warnings={savedWarnings}
        busy={busy}
        onSave={() => void save()}
        onNew={startNew}
      />
    </form>
  );
}
