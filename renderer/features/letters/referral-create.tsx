import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { defaultTemplateFor, type ReferralTemplate } from '../../../shared/vocab';
import { call } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';

/** Creates a referral from a consultation to an institution of the directory, then opens it. */
export function ReferralCreate({ consultationId, onClose }: { consultationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const openReferral = useNav((s) => s.openReferral);
  const [institutions, setInstitutions] = useState<InstitutionDto[] | null>(null);
  const [institutionId, setInstitutionId] = useState('');
  const [template, setTemplate] = useState<ReferralTemplate>('t1');
  const [purpose, setPurpose] = useState('');
  const [replyDueOn, setReplyDueOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('institution.list', { includeInactive: false }).then(setInstitutions, setError);
  }, []);
  function choose(id: string) {
    setInstitutionId(id);
    const inst = institutions?.find((i) => i.id === id);
    if (inst) setTemplate(defaultTemplateFor(inst.type));
  }
  async function create() {
    setError(null);
    try {
      const r = await call('referral.create', {
        consultationId,
        institutionId,
        template,
        purpose,
        replyDueOn: replyDueOn || null,
      });
      openReferral(r.id);
    } catch (e) {
      setError(e);
    }
  }
  if (institutions && institutions.length === 0)
    return <p className="hint">{t('letters.referral.noDirectory')}</p>;
  return (
    // role=form, not <form>: it also opens inside the intake form, and forms do not nest
    <div className="card referral-create" role="form" aria-label={t('letters.referral.create')}>
      <div className="grid">
        <label className="field wide">
          <span>{t('letters.referral.institution')}</span>
          <select value={institutionId} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('letters.referral.chooseInstitution')}</option>
            {institutions?.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
                {i.department ? ` ${i.department}` : ''}（{t(`vocab.institutionType.${i.type}`)}）
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('letters.referral.template')}</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value as ReferralTemplate)}>
            {(['t1', 't2', 't3', 't4'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`vocab.letterTemplate.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <DateInput label={t('letters.referral.replyDueOn')} value={replyDueOn} onChange={setReplyDueOn} />
        <label className="field wide">
          <span>{t('letters.referral.purpose')}</span>
          <textarea rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={error} />
      <button type="button" className="primary" disabled={!institutionId} onClick={() => void create()}>
        {t('letters.referral.create')}
      </button>
      <button type="button" onClick={onClose}>
        {t('letters.back')}
      </button>
    </div>
  );
}
