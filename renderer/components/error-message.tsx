import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { issueText } from './issue-text';

/**
 * A contract error as a translated sentence, with each field that needs fixing named in words
 * (screens that place messages at their fields pass `labelOf` or show those themselves).
 */
export function ErrorMessage({
  error,
  labelOf,
}: {
  error: unknown;
  /** the screen's own label for a contract path, where it has one */
  labelOf?(path: string): string | undefined;
}) {
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
            <li key={i.path}>{issueText(t, i, labelOf?.(i.path))}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
