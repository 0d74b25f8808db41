import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { CONTENT_CATEGORIES, RECORDABLE_CONTENT_CATEGORIES } from '../../../shared/vocab/content-categories';
import { moveRovingFocus } from '../../components/roving-focus';

const TOPS = CONTENT_CATEGORIES.filter((c) => c.parent === null);
const FIRST = RECORDABLE_CONTENT_CATEGORIES[0]!.code;

/**
 * 相談内容 as quick toggles grouped under their heading; the first one chosen becomes the main
 * category, and any chosen one can be made main (★). All of it is one composite: one tab stop
 * (where the user last was), the arrow keys move, Space or Enter chooses.
 */
export function CategoryToggles({
  selected,
  main,
  onChange,
  id,
  describedBy,
}: {
  selected: string[];
  main: string | null;
  onChange(selected: string[], main: string | null): void;
  /** on the button that takes focus when the form points at this field */
  id?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const [stop, setStop] = useState<string>(FIRST);
  const name = (code: string) => t(`vocab.category.${vocabKey(code)}`);
  function toggle(code: string) {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
    const nextMain = next.includes(main ?? '') ? main : (next[0] ?? null);
    onChange(next, nextMain);
  }
  // a ★ that disappears (its category unchosen) gives the tab stop back to its category
  const stopKey = stop.startsWith('★') && !selected.includes(stop.slice(1)) ? stop.slice(1) : stop;
  const roving = (key: string) => ({
    'data-roving': '',
    tabIndex: key === stopKey ? 0 : -1,
    onFocus: () => setStop(key),
  });
  return (
    <div
      className="categories"
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onKeyDown={(e) => void moveRovingFocus(e)}
    >
      <span className="toggle-label" id={labelId}>
        {t('ui.intake.categories')}
      </span>
      {TOPS.map((top) => {
        const leaves = RECORDABLE_CONTENT_CATEGORIES.filter(
          (c) => c.code === top.code || c.parent === top.code,
        );
        return (
          <div key={top.code} className="category-group">
            <span className="category-heading">
              {top.code} {name(top.code)}
            </span>
            <div className="toggles">
              {leaves.map((c) => {
                const on = selected.includes(c.code);
                return (
                  <span key={c.code} className="category-toggle">
                    <button
                      type="button"
                      aria-pressed={on}
                      className={on ? 'toggle on' : 'toggle'}
                      id={c.code === FIRST ? id : undefined}
                      onClick={() => toggle(c.code)}
                      {...roving(c.code)}
                    >
                      {c.code} {name(c.code)}
                    </button>
                    {on && (
                      <button
                        type="button"
                        className={main === c.code ? 'main on' : 'main'}
                        aria-pressed={main === c.code}
                        aria-label={t('ui.intake.makeMain', { category: name(c.code) })}
                        onClick={() => onChange(selected, c.code)}
                        {...roving(`★${c.code}`)}
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
