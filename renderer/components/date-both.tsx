import { useTranslation } from 'react-i18next';
import { formatDateBoth } from '../../shared/dates/wareki';

/** A date in 和暦 and 西暦 (or 西暦 with the era in English). Time shown when given. */
export function DateBoth({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = value.slice(0, 10);
  const time = value.length > 10 ? value.slice(11, 16) : '';
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <span className="date-both">
      {formatDateBoth(date, lang)}
      {time && ` ${time}`}
    </span>
  );
}
