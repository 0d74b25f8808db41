import { useTranslation } from 'react-i18next';
import type { SyncStatusDto } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import type { Act } from './sync-act';

/** Received changes this version cannot apply yet (a newer sender, a record not arrived). */
export function PendingPanel({
  pending,
  busy,
  act,
}: {
  pending: SyncStatusDto['pending'];
  busy: boolean;
  act: Act;
}) {
  const { t, i18n } = useTranslation();
  if (pending.total === 0) return null;
  return (
    <section className="card" aria-labelledby="sync-pending-h">
      <h2 id="sync-pending-h">{t('sync.pending.heading')}</h2>
      <p className="hint">{t('sync.pending.help')}</p>
      <ul>
        {Object.entries(pending.byReason).map(([reason, n]) => (
          <li key={reason}>
            {t('sync.pending.reasonCount', {
              reason: i18n.exists(`sync.pending.reasons.${reason}`)
                ? t(`sync.pending.reasons.${reason}`)
                : reason,
              count: n,
            })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            const r = await call('sync.applyPending', {});
            return t('sync.pending.applied', r);
          })
        }
      >
        {t('sync.pending.apply')}
      </button>
    </section>
  );
}
