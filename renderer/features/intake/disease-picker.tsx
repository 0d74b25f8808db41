import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNotice } from '../../components/field-notice';
import { SuggestInput } from '../../components/suggest-input';
import { loadDiseases, matchDiseases } from './masters-cache';

type Disease = Awaited<ReturnType<typeof loadDiseases>>[number];

/** 指定難病 by number, name or kana; several allowed; chips to remove. */
export function DiseasePicker({
  value,
  onChange,
  id,
  notice,
}: {
  value: { number: number; nameJa: string }[];
  onChange(v: { number: number; nameJa: string }[]): void;
  id?: string;
  notice?: FieldNotice;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState<Disease[]>([]);
  useEffect(() => {
    void loadDiseases().then(setAll);
  }, []);
  return (
    <div className="picker">
      <SuggestInput
        label={t('ui.intake.diseases')}
        placeholder={t('ui.intake.diseasePlaceholder')}
        suggest={(q) => matchDiseases(all, q)}
        keyOf={(d) => String(d.number)}
        render={(d) =>
          `${d.number} ${d.nameJa}（${d.groups.map((g) => t(`vocab.diseaseGroup.${g}`)).join('・')}）`
        }
        onPick={(d) => {
          if (!value.some((v) => v.number === d.number))
            onChange([...value, { number: d.number, nameJa: d.nameJa }]);
        }}
        id={id}
        notice={notice}
      />
      <ul className="chips" aria-label={t('ui.intake.chosenDiseases')}>
        {value.map((d) => (
          <li key={d.number}>
            {d.number} {d.nameJa}
            <button
              type="button"
              aria-label={t('ui.common.remove', { item: d.nameJa })}
              onClick={() => onChange(value.filter((x) => x.number !== d.number))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
