import { useTranslation } from 'react-i18next';
import type { MedicalNeeds } from '../../../shared/contract/coordination';
import { CARE_LEVELS, SUCTION_NEEDS, VENTILATOR_NEEDS } from '../../../shared/vocab';
import { CodeToggles } from '../../components/code-toggles';

const codes = <T extends { code: string }>(list: readonly T[]): T['code'][] => list.map((x) => x.code);

/** The medical needs of a request: one click per choice. */
export function NeedsFields({ value, onChange }: { value: MedicalNeeds; onChange(v: MedicalNeeds): void }) {
  const { t } = useTranslation();
  const patch = (p: Partial<MedicalNeeds>) => onChange({ ...value, ...p });
  return (
    <fieldset>
      <legend>{t('coordination.request.needs')}</legend>
      <div className="grid">
        <div className="field wide">
          <CodeToggles
            list="ventilatorNeed"
            codes={codes(VENTILATOR_NEEDS)}
            selected={[value.ventilator]}
            single
            onChange={([v]) => patch({ ventilator: v! })}
            label={t('coordination.needs.ventilator')}
          />
        </div>
        <div className="field wide">
          <CodeToggles
            list="suctionNeed"
            codes={codes(SUCTION_NEEDS)}
            selected={[value.suction]}
            single
            onChange={([v]) => patch({ suction: v! })}
            label={t('coordination.needs.suction')}
          />
        </div>
        <div className="field">
          <CodeToggles
            list="careLevel"
            codes={codes(CARE_LEVELS)}
            selected={[value.careLevel]}
            single
            onChange={([v]) => patch({ careLevel: v! })}
            label={t('coordination.needs.careLevel')}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={value.gastrostomy}
            onChange={(e) => patch({ gastrostomy: e.target.checked })}
          />
          {t('coordination.needs.gastrostomy')}
        </label>
        <label className="field wide">
          <span>{t('coordination.needs.note')}</span>
          <textarea rows={2} value={value.note ?? ''} onChange={(e) => patch({ note: e.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
