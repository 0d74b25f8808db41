import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionDto, InstitutionInput } from '../../../shared/contract/directory';
import { INSTITUTION_TYPES, isInstitutionCapability } from '../../../shared/vocab';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { ErrorMessage } from '../../components/error-message';
import { MunicipalityPicker } from '../intake/municipality-picker';
import { CapabilityFields } from './capability-fields';
import { DesignationFields } from './designation-fields';

const MEDICAL: ReadonlySet<string> = new Set(
  INSTITUTION_TYPES.filter((x) => x.sector === 'medical').map((x) => x.code),
);

const EMPTY: InstitutionInput = {
  type: 'health_center',
  name: '',
  honorific: 'onchu',
  coveredMunicipalities: [],
  capabilities: [],
};

/** The institution directory: 保健所 (with the municipalities they cover), hospitals, ハローワーク … */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<InstitutionDto[]>([]);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<InstitutionInput>(EMPTY);
  const [editing, setEditing] = useState<InstitutionDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saves, setSaves] = useState(0); // restarts the capability text after a save
  const load = useCallback(() => {
    call('institution.list', { query: query || undefined, includeInactive: false }).then(setRows, setError);
  }, [query]);
  useEffect(load, [load]);
  const patch = (p: Partial<InstitutionInput>) => setForm((f) => ({ ...f, ...p }));

  async function save() {
    setError(null);
    try {
      if (editing)
        await call('institution.update', { id: editing.id, expectedVersion: editing.version, changes: form });
      else await call('institution.create', form);
      setForm(EMPTY);
      setEditing(null);
      setSaves((n) => n + 1);
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-label={t('ui.directory.title')}>
      <header className="screen-header">
        <h1>{t('ui.directory.title')}</h1>
        <input
          type="search"
          aria-label={t('ui.search.query')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('ui.directory.search')}
        />
      </header>
      <table className="table">
        <thead>
          <tr>
            <th>{t('ui.directory.type')}</th>
            <th>{t('ui.directory.name')}</th>
            <th>{t('ui.directory.department')}</th>
            <th>{t('ui.directory.phone')}</th>
            <th>{t('coordination.directory.column')}</th>
            <th>
              <span className="sr-only">{t('ui.common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {t(`vocab.institutionType.${r.type}`)}
                {r.designations.length > 0 && (
                  <>
                    <br />
                    <small>{r.designations.map((d) => t(`vocab.institutionType.${d}`)).join('・')}</small>
                  </>
                )}
              </td>
              <td>
                {r.name}
                <br />
                <small>{r.nameKana}</small>
              </td>
              <td>{r.department}</td>
              <td>{r.phone}</td>
              <td>
                {r.capabilities.map((c) => (
                  <span key={c} className="tag">
                    {isInstitutionCapability(c) ? t(`vocab.institutionCapability.${vocabKey(c)}`) : c}
                  </span>
                ))}
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(r);
                    setForm({ ...r });
                  }}
                >
                  {t('ui.common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card" onSubmit={(e) => e.preventDefault()} aria-label={t('ui.directory.form')}>
        <h2>{editing ? t('ui.directory.editing', { name: editing.name }) : t('ui.directory.add')}</h2>
        <div className="grid">
          <CodeSelect
            id="inst-type"
            list="institutionType"
            codes={INSTITUTION_TYPES.map((x) => x.code)}
            value={form.type}
            onChange={(v) => patch({ type: (v ?? 'other') as never })}
            label={t('ui.directory.type')}
          />
          <label className="field">
            <span>{t('ui.directory.name')}</span>
            <input value={form.name} onChange={(e) => patch({ name: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.directory.nameKana')}</span>
            <input value={form.nameKana ?? ''} onChange={(e) => patch({ nameKana: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.directory.department')}</span>
            <input value={form.department ?? ''} onChange={(e) => patch({ department: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.directory.contactPerson')}</span>
            <input
              value={form.contactPerson ?? ''}
              onChange={(e) => patch({ contactPerson: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('ui.directory.honorific')}</span>
            <select value={form.honorific} onChange={(e) => patch({ honorific: e.target.value as never })}>
              <option value="onchu">御中</option>
              <option value="sama">様</option>
              <option value="sensei">先生</option>
            </select>
          </label>
          <label className="field">
            <span>{t('ui.directory.address')}</span>
            <input value={form.address ?? ''} onChange={(e) => patch({ address: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.directory.phone')}</span>
            <input value={form.phone ?? ''} onChange={(e) => patch({ phone: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.directory.fax')}</span>
            <input value={form.fax ?? ''} onChange={(e) => patch({ fax: e.target.value })} />
          </label>
        </div>
        {MEDICAL.has(form.type) && (
          <div key={`${editing?.id ?? 'new'}-${saves}`}>
            <MunicipalityPicker
              code={form.municipalityCode ?? null}
              label=""
              fieldLabel={t('coordination.directory.location')}
              onChange={(code) => patch({ municipalityCode: code })}
            />
            <DesignationFields
              type={form.type}
              value={form.designations ?? []}
              onChange={(designations) => patch({ designations })}
            />
            <CapabilityFields
              value={form.capabilities ?? []}
              onChange={(capabilities) => patch({ capabilities })}
            />
          </div>
        )}
        {form.type === 'health_center' && (
          <div>
            <MunicipalityPicker
              code={null}
              label=""
              onChange={(code) =>
                code &&
                !form.coveredMunicipalities?.includes(code) &&
                patch({ coveredMunicipalities: [...(form.coveredMunicipalities ?? []), code] })
              }
            />
            <p className="hint">
              {t('ui.directory.covers')}: {(form.coveredMunicipalities ?? []).join(', ') || '—'}
            </p>
          </div>
        )}
        <ErrorMessage error={error} />
        <button type="button" className="primary" onClick={() => void save()}>
          {t('ui.common.save')}
        </button>
      </form>
    </section>
  );
}
