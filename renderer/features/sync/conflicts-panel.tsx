import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictDto, PeerDto } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { localDateTime, peerName, shortId } from './format';
import type { Act } from './sync-act';

interface Props {
  peers: PeerDto[];
  selfId: string;
  busy: boolean;
  /** bumps after every action, so the list is fresh after an import */
  version: number;
  act: Act;
}

/** A field value as a person reads it: lists item by item, codes as they are. */
function showValue(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) {
    return v
      .map((x) => {
        if (x && typeof x === 'object') {
          const o = x as Record<string, unknown>;
          return String(o.code ?? o.number ?? o.staffId ?? JSON.stringify(o));
        }
        return String(x);
      })
      .join('、');
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Conflicts to review: the same field changed on two devices, neither writer having seen the
 * other's value. Both values, who and when; a person chooses, and the choice syncs. Settled
 * conflicts leave the list (a value taken back is no conflict any more by the merge's own rule;
 * each decision is in the audit log).
 */
export function ConflictsPanel({ peers, selfId, busy, version, act }: Props) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<ConflictDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    call('sync.conflicts', { includeResolved: false }).then(
      (r) => live && setRows(r),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [version, reload]);

  const deviceName = (id: string) => {
    if (id === selfId) return t('sync.conflicts.thisDevice');
    const p = peers.find((x) => x.deviceId === id);
    return p ? peerName(p, t) : shortId(id);
  };
  const fieldName = (f: string) =>
    i18n.exists(`sync.conflicts.fields.${f}`) ? t(`sync.conflicts.fields.${f}`) : f;
  const entityName = (e: string) =>
    i18n.exists(`sync.conflicts.entities.${e}`) ? t(`sync.conflicts.entities.${e}`) : e;

  return (
    <section className="card" aria-labelledby="sync-conflicts-h">
      <h2 id="sync-conflicts-h">
        {t('sync.conflicts.heading')}{' '}
        {rows && <span className="count">{t('sync.conflicts.count', { count: rows.length })}</span>}
      </h2>
      <p className="hint">{t('sync.conflicts.help')}</p>
      <ErrorMessage error={error} />
      {rows && rows.length === 0 && <p className="hint">{t('sync.conflicts.none')}</p>}
      <ul className="conflicts">
        {rows?.map((c) => (
          <li key={c.id} className="conflict" data-conflict={c.id}>
            <p className="conflict-title">
              <span className="tag">{entityName(c.entity)}</span>{' '}
              <strong>{c.record ?? shortId(c.entityId)}</strong>
              {' · '}
              <span className="field-name">{t('sync.conflicts.fieldIs', { field: fieldName(c.field) })}</span>
            </p>
            <div className="conflict-sides">
              {(['current', 'other'] as const).map((side) => {
                const s = c[side];
                const value = showValue(s.value);
                return (
                  <div
                    key={side}
                    className={`side ${side}`}
                    role="group"
                    aria-label={t(`sync.conflicts.${side}`)}
                  >
                    <h3>{t(`sync.conflicts.${side}`)}</h3>
                    <p className="value" data-testid={`${side}-value`}>
                      {value ?? <span className="hint">{t('sync.conflicts.empty')}</span>}
                    </p>
                    <dl className="sync-facts small">
                      <dt>{t('sync.conflicts.by')}</dt>
                      <dd>{s.staffName ?? t('sync.conflicts.unknownStaff')}</dd>
                      <dt>{t('sync.conflicts.at')}</dt>
                      <dd>
                        <DateBoth value={localDateTime(s.at)} />
                      </dd>
                      <dt>{t('sync.conflicts.device')}</dt>
                      <dd>{deviceName(s.deviceId)}</dd>
                    </dl>
                  </div>
                );
              })}
            </div>
            <div className="button-row">
              {(['keep', 'take'] as const).map((choice) => (
                <button
                  key={choice}
                  type="button"
                  className={choice === 'keep' ? 'primary' : ''}
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await call('sync.resolveConflict', { id: c.id, choice });
                      setReload((n) => n + 1);
                      return t(`sync.conflicts.done.${choice}`, {
                        record: c.record ?? shortId(c.entityId),
                        field: fieldName(c.field),
                      });
                    })
                  }
                >
                  {t(`sync.conflicts.${choice}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
