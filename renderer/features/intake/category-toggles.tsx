import { useTranslation } from 'react-i18next';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { CONTENT_CATEGORIES, RECORDABLE_CONTENT_CATEGORIES } from '../../../shared/vocab/content-categories';

const TOPS = CONTENT_CATEGORIES.filter((c) => c.parent === null);

/**
 * 相談内容 as quick toggles grouped under their heading; the first one chosen becomes the main
 * category, and any chosen one can be made main (★).
 */
export function CategoryToggles({
  selected,
  main,
  onChange,
}: {
  selected: string[];
  main: string | null;
  onChange(selected: string[], main: string | null): void;
}) {
  const { t } = useTranslation();
  function toggle(code: string) {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
    const nextMain = next.includes(main ?? '') ? main : (next[0] ?? null);
    onChange(next, nextMain);
  }
  return (
    <div className="categories" role="group" aria-label={t('ui.intake.categories')}>
      {TOPS.map((top) => {
        const leaves = RECORDABLE_CONTENT_CATEGORIES.filter(
          (c) => c.code === top.code || c.parent === top.code,
        );
        return (
          <div key={top.code} className="category-group">
            <h4>
              {top.code} {t(`vocab.category.${vocabKey(top.code)}`)}
            </h4>
            <div className="toggles">
              {leaves.map((c) => {
                const on = selected.includes(c.code);
                return (
                  <span key={c.code} className="category-toggle">
                    <button
                      type="button"
                      aria-pressed={on}
                      className={on ? 'toggle on' : 'toggle'}
                      onClick={() => toggle(c.code)}
                    >
                      {c.code} {t(`vocab.category.${vocabKey(c.code)}`)}
                    </button>
                    {on && (
                      <button
                        type="button"
                        className={main === c.code ? 'main on' : 'main'}
                        aria-pressed={main === c.code}
                        aria-label={t('ui.intake.makeMain', {
                          category: t(`vocab.category.${vocabKey(c.code)}`),
                        })}
                        onClick={() => onChange(selected, c.code)}
                      >
                        ★
                      </button>
                    )}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
