import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, SEXES } from '../../../shared/vocab';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import type { FieldNotice } from '../../components/field-notice';
import { RadioToggles } from '../../components/radio-toggles';
import { SuggestInput } from '../../components/suggest-input';
import { TextField } from '../../components/text-field';
import { fieldId, type IntakeField } from './intake-fields';
import type { IntakeForm } from './intake-state';
import { MunicipalityPicker } from './municipality-picker';

type Person = Awaited<ReturnType<typeof searchPersons>>[number];
const searchPersons = (query: string) => call('person.search', { query, limit: 10 });
const MODES = ['anonymous', 'existing', 'new'] as const;

/** Who the consultation is about: anonymous (common), an existing person, or a new one. */
export function PersonPicker({
  form,
  patch,
  notice,
}: {
  form: IntakeForm;
  patch(p: Partial<IntakeForm>): void;
  notice(field: IntakeField): FieldNotice | undefined;
}) {
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
      <RadioToggles
        label={t('ui.intake.personMode')}
        options={MODES}
        value={form.personMode}
        onChange={(m) => patch({ personMode: m })}
        text={(m) => t(`ui.intake.personModes.${m}`)}
      />
      {form.personMode === 'existing' && (
        <div>
          <SuggestInput
            id={fieldId('personId')}
            label={t('ui.intake.findPerson')}
            suggest={(q) => (q ? found : [])}
            onQuery={setQuery}
            keyOf={(p) => p.id}
            render={(p) => `${p.name ?? '—'}（${p.nameKana ?? ''}）${p.birthDate ?? p.ageBand ?? ''}`}
            onPick={(p) => patch({ personId: p.id, personLabel: `${p.name ?? ''}（${p.nameKana ?? ''}）` })}
            notice={notice('personId')}
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
          <TextField
            id={fieldId('name')}
            label={t('ui.intake.name')}
            value={form.name}
            onChange={(v) => patch({ name: v })}
            notice={notice('name')}
          />
          <TextField
            id={fieldId('nameKana')}
            label={t('ui.intake.nameKana')}
            value={form.nameKana}
            onChange={(v) => patch({ nameKana: v })}
            notice={notice('nameKana')}
          />
          <DateInput
            id={fieldId('birthDate')}
            label={t('ui.intake.birthDate')}
            value={form.birthDate}
            onChange={(v) => patch({ birthDate: v })}
            notice={notice('birthDate')}
          />
          <TextField
            id={fieldId('phone')}
            label={t('ui.intake.phone')}
            type="tel"
            inputMode="tel"
            value={form.phone}
            onChange={(v) => patch({ phone: v })}
            notice={notice('phone')}
          />
        </div>
      )}
      {form.personMode !== 'existing' && (
        <div className="grid">
          <CodeSelect
            id={fieldId('sex')}
            list="sex"
            codes={SEXES.map((s) => s.code)}
            value={form.sex}
            onChange={(v) => patch({ sex: v })}
            label={t('ui.intake.sex')}
            notice={notice('sex')}
          />
          {!form.birthDate && (
            <CodeSelect
              id={fieldId('ageBand')}
              list="ageBand"
              codes={AGE_BANDS.map((a) => a.code)}
              value={form.ageBand}
              onChange={(v) => patch({ ageBand: v })}
              label={t('ui.intake.ageBand')}
              notice={notice('ageBand')}
            />
          )}
          <MunicipalityPicker
            id={fieldId('municipalityCode')}
            code={form.municipalityCode}
            label={form.municipalityLabel}
            onChange={(code, label) => patch({ municipalityCode: code, municipalityLabel: label })}
            notice={notice('municipalityCode')}
          />
        </div>
      )}
    </fieldset>
  );
}
