import { useTranslation } from 'react-i18next';
import { PREFECTURES, type PrefectureCode } from '../../shared/codes/prefectures';

/** The 47 prefectures as one select (JIS order), labelled in the current language. */
export function PrefectureSelect({
  id,
  value,
  onChange,
  required,
}: {
  id: string;
  value: PrefectureCode | null;
  onChange(code: PrefectureCode | null): void;
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <label className="field" htmlFor={id}>
      <span>{t('prefectureSetting.label')}</span>
      <select
        id={id}
        value={value ?? ''}
        required={required}
        onChange={(e) => onChange((e.target.value || null) as PrefectureCode | null)}
      >
        <option value="">{t('prefectureSetting.choose')}</option>
        {PREFECTURES.map((p) => (
          <option key={p.code} value={p.code}>
            {en ? p.en : p.ja}
          </option>
        ))}
      </select>
      <small className="hint">{t('prefectureSetting.hint')}</small>
    </label>
  );
}
