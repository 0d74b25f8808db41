import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

export interface PickedPerson {
  id: string;
  name: string;
}

/** Narrows the audit log to one person: search by name or kana, pick one, or clear. */
export function AuditPersonFilter({
  value,
  onChange,
}: {
  value: PickedPerson | null;
  onChange(p: PickedPerson | null): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PickedPerson[]>([]);
  useEffect(() => {
    if (!query.trim()) return setFound([]);
    const h = window.setTimeout(() => {
      call('person.search', { query, limit: 8 }).then(
        (r) => setFound(r.map((p) => ({ id: p.id, name: p.name ?? p.id.slice(0, 8) }))),
        () => setFound([]),
      );
    }, 200);
    return () => window.clearTimeout(h);
  }, [query]);
  if (value) {
    return (
      <div className="field">
        <span>{t('security.audit.person')}</span>
        <span className="chip">
          {value.name}{' '}
          <button type="button" onClick={() => onChange(null)} aria-label={t('security.audit.clearPerson')}>
            ×
          </button>
        </span>
      </div>
    );
  }
  return (
    <label className="field suggest">
      <span>{t('security.audit.person')}</span>
      <input
        value={query}
        placeholder={t('security.audit.personSearch')}
        onChange={(e) => setQuery(e.target.value)}
      />
      {found.length > 0 && (
        <ul className="suggestions" role="listbox">
          {found.map((p) => (
            <li key={p.id} role="option" aria-selected={false}>
              <button
                type="button"
                onClick={() => {
                  onChange(p);
                  setQuery('');
                }}
              >
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </label>
  );
}
