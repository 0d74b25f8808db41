import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, SEXES } from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import { SuggestInput } from '../../components/suggest-input';
import type { IntakeForm } from './intake-state';
import { MunicipalityPicker } from './municipality-picker';

type Person = Awaited<ReturnType<typeof searchPersons>>[number];
const searchPersons = (query: string) => call('person.search', { query, limit: 10 });

/** Who the consultation is about: anonymous (common), an existing person, or a new one. */
export function PersonPicker({ form, patch }: { form: IntakeForm; patch(p: Partial<IntakeForm>): void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<Person[]>([]);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (form.personMode !== 'existing' || !query) return setFound([]);
    const h = window.setTimeout(() => void searchPersons(query).then(setFound, () => setFound([])), 200);
    return () => window.clearTimeout(h);
  }, [query, form.personMode]);

  return (
    <fieldset>
      <legend>{t('ui.intake.patient')}</legend>
      <div role="radiogroup" aria-label={t('ui.intake.personMode')} className="toggles">
        {(['anonymous', 'existing', 'new'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={form.personMode === m}
            className={form.personMode === m ? 'toggle on' : 'toggle'}
            onClick={() => patch({ personMode: m })}
          >
            {t(`ui.intake.personModes.${m}`)}
          </button>
        ))}
      </div>
      {form.personMode === 'existing' && (
        <div>
          <SuggestInput
            label={t('ui.intake.findPerson')}
            suggest={(q) => (q ? found : [])}
            onQuery={setQuery}
            keyOf={(p) => p.id}
            render={(p) => `${p.name ?? '—'}（${p.nameKana ?? ''}）${p.birthDate ?? p.ageBand ?? ''}`}
            onPick={(p) => patch({ personId: p.id, personLabel: `${p.name ?? ''}（${p.nameKana ?? ''}）` })}
          />
          {form.personId && (
            <p className="chip" data-testid="chosen-person">
              {form.personLabel}
            </p>
          )}
        </div>
      )}
      {form.personMode === 'new' && (
        <div className="grid">
          <label className="field">
            <span>{t('ui.intake.name')}</span>
            <input value={form.name} onChange={(e) => patch({ name: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ui.intake.nameKana')}</span>
            <input value={form.nameKana} onChange={(e) => patch({ nameKana: e.target.value })} />
          </label>
          <DateInput
            label={t('ui.intake.birthDate')}
            value={form.birthDate}
            onChange={(v) => patch({ birthDate: v })}
          />
          <label className="field">
            <span>{t('ui.intake.phone')}</span>
            <input value={form.phone} onChange={(e) => patch({ phone: e.target.value })} inputMode="tel" />
          </label>
        </div>
      )}
      {form.personMode !== 'existing' && (
        <div className="grid">
          <CodeSelect
            id="sex"
            list="sex"
            codes={SEXES.map((s) => s.code)}
            value={form.sex}
            onChange={(v) => patch({ sex: v })}
            label={t('ui.intake.sex')}
          />
          {!form.birthDate && (
            <CodeSelect
              id="ageBand"
              list="ageBand"
              codes={AGE_BANDS.map((a) => a.code)}
              value={form.ageBand}
              onChange={(v) => patch({ ageBand: v })}
              label={t('ui.intake.ageBand')}
            />
          )}
          <MunicipalityPicker
            code={form.municipalityCode}
            label={form.municipalityLabel}
            onChange={(code, label) => patch({ municipalityCode: code, municipalityLabel: label })}
          />
        </div>
      )}
    </fieldset>
  );
}
