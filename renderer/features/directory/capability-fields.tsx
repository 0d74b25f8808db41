import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_CAPABILITIES, isInstitutionCapability } from '../../../shared/vocab';
import { CodeToggles } from '../../components/code-toggles';

/** Free tags as typed: separated by 、 or commas (spaces may be part of a tag). */
export const splitTags = (text: string) =>
  text
    .split(/[、,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * What an institution can take on: the controlled list as toggles (matched by admission
 * coordination) and free tags as text (kept and shown, never matched). Give it a `key` per
 * institution so the text starts again when another one is edited.
 */
export function CapabilityFields({ value, onChange }: { value: string[]; onChange(next: string[]): void }) {
  const { t } = useTranslation();
  const codes = value.filter(isInstitutionCapability);
  const [text, setText] = useState(value.filter((v) => !isInstitutionCapability(v)).join('、'));
  return (
    <div className="capabilities">
      <div className="field">
        <CodeToggles
          list="institutionCapability"
          codes={INSTITUTION_CAPABILITIES.map((c) => c.code)}
          selected={codes}
          onChange={(next) => onChange([...next, ...splitTags(text)])}
          label={t('coordination.directory.capabilities')}
        />
      </div>
      <label className="field">
        <span>{t('coordination.directory.freeTags')}</span>
        <input
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange([...codes, ...splitTags(e.target.value)]);
          }}
        />
      </label>
    </div>
  );
}
