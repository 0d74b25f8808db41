import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { useCan } from '../../hooks/use-can';
import { useNav } from '../../stores/nav-store';
import { ReferralCreate } from '../letters/referral-create';

/**
 * The bar that stays at the bottom of the screen: save and new, and — where the counselor's eyes
 * are when she saves — the record number just given, a button to open that record, and (for a
 * known person) a referral.
 */
export function SaveFooter({
  saved,
  warnings,
  busy,
  onSave,
  onNew,
}: {
  saved: ConsultationDetail | null;
  /** what to look at again in the record just saved (warnings never stop a save) */
  warnings: readonly string[];
  busy: boolean;
  onSave(): void;
  onNew(): void;
}) {
  const { t } = useTranslation();
  const open = useNav((s) => s.editConsultation);
  const mayRefer = useCan('referral.manage');
  const [referring, setReferring] = useState<string | null>(null);
  return (
    <footer className="actions">
      {saved?.person && referring === saved.id && (
        <ReferralCreate consultationId={saved.id} onClose={() => setReferring(null)} />
      )}
      <div className="action-row">
        <button type="button" className="primary" onClick={onSave} disabled={busy}>
          {t('ui.intake.save')} <kbd>Ctrl+S</kbd>
        </button>
        <button type="button" onClick={onNew}>
          {t('ui.intake.new')} <kbd>Ctrl+Shift+N</kbd>
        </button>
        <div role="status" className="saved-status">
          {saved && (
            <>
              <span className="ok" data-testid="saved">
                {t('ui.intake.saved', { serial: saved.serial })}
              </span>
              <button
                type="button"
                className="link"
                aria-label={t('intakeForm.openRecord', { serial: saved.serial })}
                onClick={() => open(saved.id)}
              >
                {t('intakeForm.open')}
              </button>
              {saved.person && mayRefer && referring !== saved.id && (
                <button type="button" className="link" onClick={() => setReferring(saved.id)}>
                  {t('letters.referral.create')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
      {saved && warnings.length > 0 && (
        <div className="saved-warnings" data-testid="saved-warnings">
          {t('intakeForm.savedWith')}
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </footer>
  );
}
