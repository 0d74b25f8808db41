import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNotice } from '../../components/field-notice';
import { SuggestInput } from '../../components/suggest-input';
import { loadMunicipalities, matchMunicipalities } from './masters-cache';

type Municipality = Awaited<ReturnType<typeof loadMunicipalities>>[number];

/** 市区町村 by name or reading (ひらがな/カタカナ), or by code. */
export function MunicipalityPicker({
  code,
  label,
  onChange,
  fieldLabel,
  id,
  notice,
}: {
  code: string | null;
  label: string;
  onChange(code: string | null, label: string): void;
  /** the input's label (default: the patient's residence) */
  fieldLabel?: string;
  id?: string;
  notice?: FieldNotice;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState<Municipality[]>([]);
  useEffect(() => {
    void loadMunicipalities().then(setAll);
  }, []);
  const current = all.find((m) => m.code === code);
  return (
    <div className="picker">
      <SuggestInput
        label={fieldLabel ?? t('ui.intake.municipality')}
        placeholder={t('ui.intake.municipalityPlaceholder')}
        suggest={(q) => matchMunicipalities(all, q)}
        keyOf={(m) => m.code}
        render={(m) => `${m.prefName} ${m.name}（${m.nameKana}）`}
        onPick={(m) => onChange(m.code, `${m.prefName} ${m.name}`)}
        id={id}
        notice={notice}
      />
      {code && (
        <span className="chip" data-testid="municipality">
          {current ? `${current.prefName} ${current.name}` : label || code}
          <button
            type="button"
            aria-label={t('ui.common.remove', { item: label || code })}
            onClick={() => onChange(null, '')}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
}
