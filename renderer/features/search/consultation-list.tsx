import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationFilter, ConsultationRow } from '../../../shared/contract/consultations';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { useNav } from '../../stores/nav-store';

const PAGE = 100;
const ROW_HEIGHT = 56;

/**
 * A virtualised list over any number of consultations: only the visible rows exist in the
 * DOM, and rows are fetched a page at a time as they come into view (100,000 stay smooth).
 */
export function ConsultationList({
  filter,
  onError,
}: {
  filter: ConsultationFilter;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const openPerson = useNav((s) => s.openPerson);
  const edit = useNav((s) => s.editConsultation);
  const parentRef = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const pages = useRef(new Map<number, ConsultationRow[] | 'loading'>());
  const [, setVersion] = useState(0);
  const filterKey = JSON.stringify(filter);
  const currentKey = useRef(filterKey);

  async function loadPage(page: number, key: string) {
    if (pages.current.has(page)) return;
    pages.current.set(page, 'loading');
    try {
      const r = await call('consultation.list', { ...JSON.parse(key), limit: PAGE, offset: page * PAGE });
      if (key !== currentKey.current) return; // the filter changed meanwhile
      pages.current.set(page, r.rows);
      setTotal(r.total);
      setVersion((v) => v + 1);
    } catch (e) {
      pages.current.delete(page);
      onError(e);
    }
  }
  useEffect(() => {
    currentKey.current = filterKey;
    pages.current = new Map();
    setTotal(null);
    onError(null);
    void loadPage(0, filterKey);
    if (parentRef.current) parentRef.current.scrollTop = 0;
  }, [filterKey]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const first = items[0]?.index;
    const last = items[items.length - 1]?.index;
    if (first === undefined || last === undefined) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) void loadPage(p, filterKey);
  });

  const rowAt = (i: number): ConsultationRow | undefined => {
    const page = pages.current.get(Math.floor(i / PAGE));
    return Array.isArray(page) ? page[i % PAGE] : undefined;
  };

  return (
    <div className="list-wrap">
      <p className="hint" role="status" data-testid="result-count">
        {total === null ? t('ui.search.loading') : t('ui.search.count', { count: total })}
      </p>
      <div ref={parentRef} className="virtual-list" data-testid="consultation-list" role="list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = rowAt(v.index);
            return (
              <div
                key={v.key}
                role="listitem"
                className="row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                {row ? (
                  <ListRow row={row} openPerson={openPerson} edit={edit} />
                ) : (
                  <span className="placeholder">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** One row; memoised so scrolling re-renders only the rows that come into view. */
const ListRow = memo(function ListRow({
  row,
  openPerson,
  edit,
}: {
  row: ConsultationRow;
  openPerson(id: string): void;
  edit(id: string): void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="row-button"
      onClick={() => (row.personId ? openPerson(row.personId) : edit(row.id))}
      data-serial={row.serial}
    >
      <span className="serial">{row.serial}</span>
      <span className="when">
        <DateBoth value={row.receivedAt} />
      </span>
      <span className="who">{row.personName ?? t('ui.search.anonymous')}</span>
      <span className="tag">{t(`vocab.method.${row.method}`)}</span>
      {row.mainCategory && <span className="tag">{t(`vocab.category.${vocabKey(row.mainCategory)}`)}</span>}
      {row.openFollowUps > 0 && (
        <span className="badge">{t('ui.search.followUpBadge', { count: row.openFollowUps })}</span>
      )}
      <span className="summary">{row.summary}</span>
    </button>
  );
});
