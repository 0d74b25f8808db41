import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentCheck, LetterDraft, LetterEntry, ReferralDto } from '../../../shared/contract/letters';
import type { LetterTemplate } from '../../../shared/vocab';
import { call } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { AddresseeFields, PersonFields, TemplateFields, type Patch } from './draft-fields';
import { LetterPreview } from './letter-preview';

/**
 * Pick the template, edit the draft the case file filled in, watch the live preview (the same
 * HTML the issue prints), see whether consent covers it, and issue. Without consent only the
 * emergency exception with a written reason lets it go.
 */
export function LetterEditor({
  referral,
  version,
  onIssued,
  onConsentCheck,
}: {
  referral: ReferralDto;
  /** bumps when consents change, so the consent check is asked again */
  version: number;
  onIssued(l: LetterEntry): void;
  /** told what consent the letter as it stands has (the consent panel offers to extend it) */
  onConsentCheck?(c: ConsentCheck): void;
}) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<LetterTemplate>(referral.template);
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [html, setHtml] = useState('');
  const [consent, setConsent] = useState<ConsentCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    setDraft(null);
    call('letter.draft', { referralId: referral.id, template }).then(setDraft, setError);
  }, [referral.id, template]);

  // live preview: asked again 300 ms after the last edit; a late answer never replaces a newer one
  useEffect(() => {
    if (!draft) return;
    const mine = ++ticket.current;
    setBusy(true);
    const timer = setTimeout(() => {
      call('letter.preview', {
        referralId: referral.id,
        draft,
        ...(emergency && reason.trim() ? { override: { reason } } : {}),
      }).then(
        (r) => {
          if (mine !== ticket.current) return;
          setHtml(r.html);
          setConsent(r.consent);
          onConsentCheck?.(r.consent);
          setBusy(false);
          setError(null);
        },
        (e) => {
          if (mine !== ticket.current) return;
          setBusy(false);
          setError(e);
        },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, referral.id, emergency, reason, version]);

  const patch: Patch = (p) => setDraft((d) => (d ? p(d) : d));

  async function issue() {
    if (!draft) return;
    setError(null);
    setIssued(null);
    try {
      const l = await call('letter.issue', {
        referralId: referral.id,
        draft,
        ...(emergency ? { override: { reason } } : {}),
      });
      setIssued(l.documentNumber);
      onIssued(l);
    } catch (e) {
      setError(e);
    }
  }

  const consentOk = consent?.status === 'ok';
  return (
    <section className="letter-editor" aria-label={t('letters.editor.heading')}>
      <div className="letter-form">
        <h2>{t('letters.editor.heading')}</h2>
        <div className="grid">
          <label className="field">
            <span>{t('letters.editor.template')}</span>
            <select value={template} onChange={(e) => setTemplate(e.target.value as LetterTemplate)}>
              {[referral.template, 't5' as const].map((c) => (
                <option key={c} value={c}>
                  {t(`vocab.letterTemplate.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {draft && (
            <>
              <DateInput
                label={t('letters.editor.issuedOn')}
                value={draft.issuedOn}
                onChange={(v) => v && patch((x) => ({ ...x, issuedOn: v }))}
              />
              <label className="field wide">
                <span>{t('letters.editor.docTitle')}</span>
                <input
                  value={draft.title}
                  onChange={(e) => patch((x) => ({ ...x, title: e.target.value }))}
                />
              </label>
            </>
          )}
        </div>
        {draft && (
          <form onSubmit={(e) => e.preventDefault()}>
            <AddresseeFields d={draft} patch={patch} />
            <TemplateFields d={draft} patch={patch} />
            <PersonFields d={draft} patch={patch} />
            <fieldset>
              {draft.template !== 't5' ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={draft.includeReplyForm}
                    onChange={(e) => patch((x) => ({ ...x, includeReplyForm: e.target.checked }))}
                  />
                  {t('letters.editor.includeReply')}
                </label>
              ) : (
                <label className="field">
                  <span>{t('letters.editor.referenceNumber')}</span>
                  <input
                    value={draft.referenceNumber}
                    onChange={(e) => patch((x) => ({ ...x, referenceNumber: e.target.value }))}
                  />
                </label>
              )}
              <DateInput
                label={t('letters.editor.replyDueOn')}
                value={draft.replyDueOn ?? ''}
                onChange={(v) => patch((x) => ({ ...x, replyDueOn: v || null }))}
              />
            </fieldset>
          </form>
        )}
        <div
          className={consentOk ? 'consent-status ok' : 'consent-status warn'}
          role="status"
          data-status={consent?.status}
        >
          {consent?.status === 'ok' && t('letters.editor.consentOk', { line: consent.line })}
          {consent?.status === 'missing' && t('letters.editor.consentMissing')}
          {consent?.status === 'scope' &&
            t('letters.editor.consentScope', {
              items: consent.missingItems.map((i) => t(`vocab.consentItem.${i}`)).join('、'),
            })}
        </div>
        {consent && !consentOk && (
          <div className="emergency">
            <label className="check">
              <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />
              {t('letters.editor.emergency')}
            </label>
            {emergency && (
              <label className="field wide">
                <span>{t('letters.editor.emergencyReason')}</span>
                <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
            )}
          </div>
        )}
        <ErrorMessage error={error} />
        {issued && (
          <p className="ok" role="status">
            {t('letters.editor.issued', { number: issued })}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={!draft || busy || (!consentOk && !(emergency && reason.trim()))}
          onClick={() => void issue()}
        >
          {t('letters.editor.issue')}
        </button>
      </div>
      <LetterPreview html={html} busy={busy} />
    </section>
  );
}
