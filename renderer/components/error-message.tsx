import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A contract error as a translated sentence (with the fields that need fixing). */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  const issues = error instanceof ApiError ? (error.detail.issues ?? []) : [];
  return (
    <div role="alert" className="error" data-code={code}>
      {t(`errors.${code}`)}
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={i.path}>
              {t('ui.common.fieldProblem', { field: i.path })}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
