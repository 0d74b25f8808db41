import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Letterhead } from '../../../shared/contract/letters';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';

const KEYS = ['centerName', 'postalCode', 'address', 'phone', 'fax', 'email', 'documentSymbol'] as const;

/** The sender block every letter prints (administrators). */
export function LetterheadForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<(typeof KEYS)[number], string>>({
    centerName: '',
    postalCode: '',
    address: '',
    phone: '',
    fax: '',
    email: '',
    documentSymbol: '',
  });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('letter.letterhead.get', {}).then(
      (h: Letterhead) => setForm((f) => ({ ...f, ...Object.fromEntries(KEYS.map((k) => [k, h[k] ?? ''])) })),
      setError,
    );
  }, []);
  async function save() {
    setError(null);
    setSaved(false);
    try {
      await call('letter.letterhead.set', form);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <details className="card letterhead">
      <summary>{t('letters.letterhead.heading')}</summary>
      <form onSubmit={(e) => e.preventDefault()}>
        <div className="grid">
          {KEYS.map((k) => (
            <label key={k} className={k === 'address' ? 'field wide' : 'field'}>
              <span>{t(`letters.letterhead.${k}`)}</span>
              <input value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} />
            </label>
          ))}
        </div>
        <ErrorMessage error={error} />
        {saved && <p className="ok">{t('letters.letterhead.saved')}</p>}
        <button type="button" className="primary" onClick={() => void save()}>
          {t('letters.letterhead.save')}
        </button>
      </form>
    </details>
  );
}
