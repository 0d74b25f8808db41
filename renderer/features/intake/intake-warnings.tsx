import { useTranslation } from 'react-i18next';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';
import { consultationWarnings } from '../../../shared/validation/consultation-warnings';
import { todayIso } from '../reports/report-period';
import type { IntakeForm } from './intake-state';

/**
 * What looks wrong but may be right (a date after today, a birth after the call): shown as the
 * counselor types, from the same rule the service applies, and as the service answered on save.
 * Never blocks saving.
 */
export function IntakeWarnings({ form, saved }: { form: IntakeForm; saved: readonly ConsultationWarning[] }) {
  const { t } = useTranslation();
  const live = consultationWarnings({
    receivedAt: form.receivedAt,
    birthDate: form.personMode === 'new' ? form.birthDate || null : null,
    today: todayIso(),
  });
  const shown = [...new Map([...saved, ...live].map((w) => [w.code, w])).values()];
  if (!shown.length) return null;
  return (
    <div className="warning" role="status" data-testid="intake-warnings">
      <strong>{t('consultationWarnings.heading')}</strong>
      <ul>
        {shown.map((w) => (
          <li key={w.code}>{t(`consultationWarnings.${w.code}`)}</li>
        ))}
      </ul>
    </div>
  );
}
