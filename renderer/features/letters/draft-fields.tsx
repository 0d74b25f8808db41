import { useTranslation } from 'react-i18next';
import type { LetterDraft } from '../../../shared/contract/letters';
import { TEMPLATE_SPECS } from '../../../shared/letters/template-spec';
import { CONSENT_DATA_ITEMS } from '../../../shared/vocab';
import { DateInput } from '../../components/date-input';

export type Patch = (p: (d: LetterDraft) => LetterDraft) => void;

function Text({
  label,
  value,
  onChange,
  wide,
  rows,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  wide?: boolean;
  rows?: number;
}) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {rows ? (
        <textarea rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** 宛先 with the honorific, and the sender line. */
export function AddresseeFields({ d, patch }: { d: LetterDraft; patch: Patch }) {
  const { t } = useTranslation();
  const a = (k: keyof LetterDraft['addressee']) => (v: string) =>
    patch((x) => ({ ...x, addressee: { ...x.addressee, [k]: v } }));
  return (
    <fieldset>
      <legend>{t('letters.editor.addressee')}</legend>
      <div className="grid">
        <Text
          label={t('letters.editor.organisation')}
          value={d.addressee.organisation}
          onChange={a('organisation')}
        />
        <Text
          label={t('letters.editor.department')}
          value={d.addressee.department}
          onChange={a('department')}
        />
        <Text label={t('letters.editor.contact')} value={d.addressee.person} onChange={a('person')} />
        <label className="field">
          <span>{t('letters.editor.honorific')}</span>
          <select value={d.addressee.honorific} onChange={(e) => a('honorific')(e.target.value)}>
            {(['sama', 'onchu', 'sensei'] as const).map((h) => (
              <option key={h} value={h}>
                {t(`letters.editor.honorifics.${h}`)}
              </option>
            ))}
          </select>
        </label>
        <Text
          label={t('letters.editor.staffName')}
          value={d.sender.staffName}
          onChange={(v) => patch((x) => ({ ...x, sender: { ...x.sender, staffName: v } }))}
        />
        <Text
          label={t('letters.editor.staffProfession')}
          value={d.sender.staffProfession}
          onChange={(v) => patch((x) => ({ ...x, sender: { ...x.sender, staffProfession: v } }))}
        />
      </div>
    </fieldset>
  );
}

/** The person and the disease, as the letter will print them. */
export function PersonFields({ d, patch }: { d: LetterDraft; patch: Patch }) {
  const { t } = useTranslation();
  const p = (k: keyof LetterDraft['person']) => (v: string) =>
    patch((x) => ({ ...x, person: { ...x.person, [k]: v } }));
  const s = (k: keyof LetterDraft['disease']) => (v: string) =>
    patch((x) => ({ ...x, disease: { ...x.disease, [k]: v } }));
  return (
    <fieldset>
      <legend>{t('letters.editor.person')}</legend>
      <div className="grid">
        <Text label={t('letters.editor.name')} value={d.person.name} onChange={p('name')} />
        <Text label={t('letters.editor.nameKana')} value={d.person.nameKana} onChange={p('nameKana')} />
        <DateInput
          label={t('letters.editor.birthDate')}
          value={d.person.birthDate ?? ''}
          onChange={(v) => patch((x) => ({ ...x, person: { ...x.person, birthDate: v || null } }))}
        />
        <Text label={t('letters.editor.sex')} value={d.person.sex} onChange={p('sex')} />
        <Text label={t('letters.editor.postalCode')} value={d.person.postalCode} onChange={p('postalCode')} />
        <Text label={t('letters.editor.address')} value={d.person.address} onChange={p('address')} wide />
        <Text label={t('letters.editor.phone')} value={d.person.phone} onChange={p('phone')} />
        <Text label={t('letters.editor.diseaseNames')} value={d.disease.names} onChange={s('names')} wide />
        <Text
          label={t('letters.editor.diagnosisStatus')}
          value={d.disease.diagnosisStatus}
          onChange={s('diagnosisStatus')}
        />
        <Text
          label={t('letters.editor.recipientCert')}
          value={d.disease.recipientCert}
          onChange={s('recipientCert')}
        />
        <Text
          label={t('letters.editor.disabilityCert')}
          value={d.disease.disabilityCert}
          onChange={s('disabilityCert')}
        />
        <Text label={t('letters.editor.ltcLevel')} value={d.disease.ltcLevel} onChange={s('ltcLevel')} />
        <Text label={t('letters.editor.hospital')} value={d.disease.hospital} onChange={s('hospital')} />
        <Text label={t('letters.editor.doctor')} value={d.disease.doctor} onChange={s('doctor')} />
      </div>
    </fieldset>
  );
}

/** What the template asks: purposes to tick, choices, free-text sections; and what it carries. */
export function TemplateFields({ d, patch }: { d: LetterDraft; patch: Patch }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const spec = TEMPLATE_SPECS[d.template];
  const togglePurpose = (c: string) =>
    patch((x) => ({
      ...x,
      purposes: x.purposes.includes(c) ? x.purposes.filter((y) => y !== c) : [...x.purposes, c],
    }));
  const toggleItem = (c: LetterDraft['dataItems'][number]) =>
    patch((x) => ({
      ...x,
      dataItems: x.dataItems.includes(c) ? x.dataItems.filter((y) => y !== c) : [...x.dataItems, c],
    }));
  return (
    <>
      {spec.purposes.length > 0 && (
        <fieldset>
          <legend>{spec.purposeHeading[lang]}</legend>
          {spec.purposes.map((p) => (
            <label key={p.code} className="check">
              <input
                type="checkbox"
                checked={d.purposes.includes(p.code)}
                onChange={() => togglePurpose(p.code)}
              />
              {p[lang]}
            </label>
          ))}
          <Text
            label={t('letters.editor.purposeOther')}
            value={d.purposeOther}
            onChange={(v) => patch((x) => ({ ...x, purposeOther: v }))}
            wide
          />
        </fieldset>
      )}
      {(spec.sections.length > 0 || spec.choices.length > 0) && (
        <fieldset>
          <legend>{t('letters.editor.sections')}</legend>
          <div className="grid">
            {spec.choices.map((c) => (
              <label key={c.key} className="field">
                <span>{c[lang]}</span>
                <select
                  value={d.choices[c.key] ?? ''}
                  onChange={(e) =>
                    patch((x) => {
                      const choices = { ...x.choices };
                      if (e.target.value) choices[c.key] = e.target.value;
                      else delete choices[c.key];
                      return { ...x, choices };
                    })
                  }
                >
                  <option value="">—</option>
                  {c.options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o[lang]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {spec.sections.map((s) => (
              <Text
                key={s.key}
                label={s[lang]}
                rows={s.rows}
                wide
                value={d.sections[s.key] ?? ''}
                onChange={(v) => patch((x) => ({ ...x, sections: { ...x.sections, [s.key]: v } }))}
              />
            ))}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('letters.editor.items')}</legend>
        {CONSENT_DATA_ITEMS.map((i) => (
          <label key={i.code} className="check">
            <input
              type="checkbox"
              checked={d.dataItems.includes(i.code)}
              disabled={i.code === 'identity'}
              onChange={() => toggleItem(i.code)}
            />
            {t(`vocab.consentItem.${i.code}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
