import { useTranslation } from 'react-i18next';
import { STAFF_PROFESSIONS } from '../../../shared/vocab';
import { CodeSelect } from '../../components/code-select';

export interface SetupContact {
  postalCode: string;
  address: string;
  phone: string;
  fax: string;
}
export const EMPTY_CONTACT: SetupContact = { postalCode: '', address: '', phone: '', fax: '' };
const KEYS = ['postalCode', 'address', 'phone', 'fax'] as const;

/** First run: the administrator's 職種 (letters name the sender's profession). */
export function AdminProfessionField({
  value,
  onChange,
}: {
  value: string | null;
  onChange(v: string | null): void;
}) {
  const { t } = useTranslation();
  return (
    <CodeSelect
      id="setup-profession"
      list="profession"
      codes={STAFF_PROFESSIONS.map((p) => p.code)}
      value={value}
      onChange={onChange}
      label={t('setupContact.profession')}
    />
  );
}

/** First run: the center's return address, phone and FAX, which every letter prints as its sender. */
export function SetupContactFields({
  value,
  onChange,
}: {
  value: SetupContact;
  onChange(v: SetupContact): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="setup-contact" aria-describedby="setup-contact-hint">
      <legend>{t('setupContact.legend')}</legend>
      <p className="hint" id="setup-contact-hint">
        {t('setupContact.hint')}
      </p>
      {KEYS.map((k) => (
        <div key={k} className="field">
          <label htmlFor={`setup-${k}`}>{t(`setupContact.${k}`)}</label>
          <input
            id={`setup-${k}`}
            value={value[k]}
            inputMode={k === 'phone' || k === 'fax' ? 'tel' : undefined}
            autoComplete={k === 'postalCode' ? 'postal-code' : k === 'address' ? 'street-address' : 'off'}
            onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
