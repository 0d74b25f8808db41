import { fieldId } from './intake-fields';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import type { IntakeForm } from './intake-state';
import './continuity-field.css';

type Derived = ChannelOutput<'consultation.continuityOf'>;

/**
 * 新規/継続 as the person's history makes it (their first consultation is 新規), shown to the
 * counselor, with a way to record another value — only with a reason. The 転帰 (outcome)
 * never touches it. Self-contained: it reads the derived value itself as the person and the
 * date change.
 */
export function ContinuityField({
  form,
  patch,
  consultationId,
}: {
  form: IntakeForm;
  patch(p: Partial<IntakeForm>): void;
  consultationId: string | null;
}) {
  const { t } = useTranslation();
  const [derived, setDerived] = useState<Derived | null>(null);
  const personId = form.personMode === 'existing' ? form.personId : null;
  useEffect(() => {
    if (!personId) return setDerived({ continuity: 'new', previousAt: null, openCaseId: null });
    let live = true;
    const h = window.setTimeout(() => {
      call('consultation.continuityOf', { personId, receivedAt: form.receivedAt, consultationId }).then(
        (d) => live && setDerived(d),
        () => live && setDerived(null),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(h);
    };
  }, [personId, form.receivedAt, consultationId]);

  const overriding = form.continuityOverride !== null;
  const other = derived?.continuity === 'continuing' ? 'new' : 'continuing';
  return (
    <div className="field wide continuity" role="group" aria-labelledby="continuity-label">
      <span id="continuity-label">{t('continuityField.label')}</span>
      <output data-testid="continuity-derived" className={overriding ? 'overridden' : undefined}>
        {derived === null
          ? '…'
          : derived.continuity === 'continuing'
            ? t('continuityField.derivedContinuing')
            : form.personMode === 'anonymous'
              ? t('continuityField.derivedNewAnonymous')
              : t('continuityField.derivedNew')}
      </output>
      {derived?.previousAt && (
        <small className="hint">
          {t('continuityField.previous')}
          <DateBoth value={derived.previousAt} />
        </small>
      )}
      {derived?.openCaseId && !overriding && <small className="hint">{t('continuityField.openCase')}</small>}
      <label className="check">
        <input
          id={fieldId('continuity')}
          type="checkbox"
          checked={overriding}
          onChange={(e) =>
            patch(
              e.target.checked
                ? { continuityOverride: other, continuityReason: form.continuityReason }
                : { continuityOverride: null, continuityReason: '' },
            )
          }
        />
        {t('continuityField.override')}
      </label>
      {overriding && (
        <div className="grid">
          <label className="field">
            <span>{t('continuityField.overrideValue')}</span>
            <select
              value={form.continuityOverride ?? other}
              onChange={(e) => patch({ continuityOverride: e.target.value === 'new' ? 'new' : 'continuing' })}
            >
              <option value="new">{t('vocab.continuity.new')}</option>
              <option value="continuing">{t('vocab.continuity.continuing')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('continuityField.reason')}</span>
            <input
              value={form.continuityReason}
              placeholder={t('continuityField.reasonPlaceholder')}
              required
              aria-required="true"
              onChange={(e) => patch({ continuityReason: e.target.value })}
            />
          </label>
        </div>
      )}
      <small className="hint">{t('continuityField.hint')}</small>
    </div>
  );
}
