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
  // 和暦 and 西暦 each stay on one line; a narrow column breaks between them
  const both = formatDateBoth(date, lang);
  const cut = both.search(/[（(]/);
  const parts = cut > 0 ? [both.slice(0, cut), both.slice(cut)] : [both];
  return (
    <span className="date-both">
      {parts.map((p, i) => (
        <span key={i}>{p}</span>
      ))}
      {time && <span>{` ${time}`}</span>}
    </span>
  );
}
