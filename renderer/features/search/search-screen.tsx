import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationFilter } from '../../../shared/contract/consultations';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { CONSULTATION_METHODS, DISEASE_GROUPS, RECORDABLE_CONTENT_CATEGORIES } from '../../../shared/vocab';
import { ErrorMessage } from '../../components/error-message';
import { onEnter } from '../../components/ime';
import { useStaffOptions } from '../intake/use-staff-options';
import { ConsultationList } from './consultation-list';

/**
 * One search box (Japanese substring; kana kind and width do not matter) and filters over a
 * virtualised list that pages in rows as they scroll into view.
 */
export function SearchScreen() {
  const { t } = useTranslation();
  const staff = useStaffOptions();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<ConsultationFilter>({});
  const [error, setError] = useState<unknown>(null);
  const set = (p: Partial<ConsultationFilter>) => setFilter((f) => ({ ...f, ...p }));

  // searching follows typing (debounced); Enter searches at once — never mid-conversion
  useEffect(() => {
    const h = window.setTimeout(() => set({ query: text.trim() || undefined }), 250);
    return () => window.clearTimeout(h);
  }, [text]);

  return (
    <section className="search" aria-label={t('ui.search.title')}>
      <header className="screen-header">
        <h1>{t('ui.search.title')}</h1>
      </header>
      <div className="search-bar">
        <input
          type="search"
          aria-label={t('ui.search.query')}
          placeholder={t('ui.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onEnter(() => set({ query: text.trim() || undefined }))}
          autoFocus
        />
      </div>
      <div className="filters grid">
        <label className="field">
          <span>{t('ui.search.from')}</span>
          <input
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </label>
        <label className="field">
          <span>{t('ui.search.to')}</span>
          <input
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </label>
        <label className="field">
          <span>{t('ui.intake.method')}</span>
          <select
            value={filter.methods?.[0] ?? ''}
            onChange={(e) => set({ methods: e.target.value ? [e.target.value as never] : undefined })}
          >
            <option value="">{t('ui.search.any')}</option>
            {CONSULTATION_METHODS.map((m) => (
              <option key={m.code} value={m.code}>
                {t(`vocab.method.${m.code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ui.intake.categories')}</span>
          <select
            value={filter.categories?.[0] ?? ''}
            onChange={(e) => set({ categories: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">{t('ui.search.any')}</option>
            {RECORDABLE_CONTENT_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {t(`vocab.category.${vocabKey(c.code)}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ui.search.diseaseGroup')}</span>
          <select
            value={filter.diseaseGroups?.[0] ?? ''}
            onChange={(e) => set({ diseaseGroups: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">{t('ui.search.any')}</option>
            {DISEASE_GROUPS.map((g) => (
              <option key={g.code} value={g.code}>
                {t(`vocab.diseaseGroup.${g.code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ui.search.staff')}</span>
          <select
            value={filter.staffId ?? ''}
            onChange={(e) => set({ staffId: e.target.value || undefined })}
          >
            <option value="">{t('ui.search.any')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={!!filter.openFollowUps}
            onChange={(e) => set({ openFollowUps: e.target.checked || undefined })}
          />
          {t('ui.search.openFollowUps')}
        </label>
      </div>
      <ErrorMessage error={error} />
      <ConsultationList filter={filter} onError={setError} />
    </section>
  );
}
