import { useTranslation } from 'react-i18next';
import {
  INSTITUTION_DESIGNATIONS,
  type InstitutionDesignation,
} from '../../../shared/vocab/institution-designations';

/**
 * The designations a medical institution holds besides its type (a hospital can be
 * 難病診療連携拠点病院 and 難病医療拠点病院 at once); its own type is not offered again.
 */
export function DesignationFields({
  type,
  value,
  onChange,
}: {
  type: string;
  value: readonly InstitutionDesignation[];
  onChange(v: InstitutionDesignation[]): void;
}) {
  const { t } = useTranslation();
  const offered = INSTITUTION_DESIGNATIONS.filter((d) => d !== type);
  return (
    <fieldset className="designations">
      <legend>{t('designationsField.label')}</legend>
      <p className="hint">{t('designationsField.hint')}</p>
      {offered.map((d) => (
        <label key={d} className="check">
          <input
            type="checkbox"
            checked={value.includes(d)}
            onChange={(e) => onChange(e.target.checked ? [...value, d] : value.filter((x) => x !== d))}
          />
          {t(`vocab.institutionType.${d}`)}
        </label>
      ))}
    </fieldset>
  );
}
