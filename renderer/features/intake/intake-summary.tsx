import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { noticeText, type IntakeNotice } from './intake-check';
import { fieldId } from './intake-fields';

/**
 * Above the save button: what stops the save, each line a button to its field (the messages
 * themselves sit at the fields), or a contract error no field can hold.
 */
export function IntakeSummary({
  error,
  notices,
  errorCount,
}: {
  error: unknown;
  notices: readonly IntakeNotice[];
  errorCount: number;
}) {
  const { t } = useTranslation();
  const errors = notices.filter((n) => n.severity === 'error');
  if (errorCount === 0) return error ? <ErrorMessage error={error} /> : null;
  return (
    <div role="alert" className="error problems" id="intake-problems" tabIndex={-1}>
      <p>
        {t('errors.INVALID_INPUT')} {t('fieldCheck.summary', { count: errorCount })}
      </p>
      <ul>
        {errors.map((n) => (
          <li key={`${n.field}:${n.code}`}>
            <button
              type="button"
              className="link"
              onClick={() => document.getElementById(fieldId(n.field))?.focus()}
            >
              {noticeText(t, n)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
