import { useTranslation } from 'react-i18next';
import { formatDateBoth } from '../../shared/dates/wareki';
import { toLocalDateTime } from './local-time';

/**
 * A date in 和暦 and 西暦 (or 西暦 with the era in English), with the time when given — always
 * on the user's clock (a stored UTC instant is shown in local time, its day included).
 */
export function DateBoth({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const local = toLocalDateTime(value);
  const date = local.slice(0, 10);
  const time = local.length > 10 ? local.slice(11, 16) : '';
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <span className="date-both">
      {formatDateBoth(date, lang)}
      {time && ` ${time}`}
    </span>
  );
}
