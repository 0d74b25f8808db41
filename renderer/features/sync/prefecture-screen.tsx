import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { formatFiscalYear } from '../../../shared/dates/fiscal-year';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { localDateTime, peerName } from './format';
import { ImportPanel } from './import-panel';
import { SyncProgress } from './sync-progress';
import { useSyncScreen } from './use-sync-screen';
import './sync.css';

type Summary = ChannelOutput<'sync.centerSummary'>;

/**
 * The prefecture's installation: imports bundles from its paired centers (each center's data
 * kept apart by the import), sends receipts back, and shows consultations (延件数) and distinct
 * persons (実人数) per center and fiscal year.
 */
export function PrefectureScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const role = useSession((s) => s.status?.user?.role);
  const canExchange = !!role && can(role, 'consultation.edit');
  const s = useSyncScreen();
  const busy = s.job.busy;
  const folder = s.status?.folder ?? null;
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call('sync.centerSummary', fiscalYear === null ? {} : { fiscalYear }).then(
      (r) => {
        if (!live) return;
        setSummary(r);
        if (fiscalYear === null) setYears(r.totals.map((x) => x.fiscalYear).reverse());
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [fiscalYear, s.version]);

  const centers = s.status?.peers.filter((p) => p.role === 'center' && p.active) ?? [];
  const imported = [
    ...new Set(
      (s.outcomes ?? []).filter((o) => o.bundle && o.bundle.received > 0).map((o) => o.bundle!.from.deviceId),
    ),
  ]
    .map((id) => centers.find((c) => c.deviceId === id))
    .filter((c) => !!c);
  const fyName = (fy: number) =>
    lang === 'ja' ? `${formatFiscalYear(fy, 'ja')}（${fy}年度）` : formatFiscalYear(fy, 'en');
  const byYear = new Map<number, Summary['rows']>();
  for (const r of summary?.rows ?? []) byYear.set(r.fiscalYear, [...(byYear.get(r.fiscalYear) ?? []), r]);

  return (
    <section aria-label={t('sync.centers.title')} className="sync-screen">
      <header className="screen-header">
        <h1>{t('sync.centers.title')}</h1>
        <p className="hint">{t('sync.centers.intro')}</p>
      </header>
      {s.identity && s.identity.mode !== 'prefecture' && (
        <p className="warn">{t('sync.centers.notPrefecture')}</p>
      )}
      <div className="sync-messages" aria-live="polite">
        {s.notice && (
          <p role="status" className="notice">
            {s.notice}
          </p>
        )}
        <ErrorMessage error={s.error ?? error} />
        <SyncProgress job={s.job.job} />
      </div>
      <section className="card" aria-labelledby="centers-summary-h">
        <header className="screen-header">
          <h2 id="centers-summary-h">{t('sync.centers.heading')}</h2>
          <label className="field inline" htmlFor="centers-fy">
            <span>{t('sync.centers.fiscalYear')}</span>
            <select
              id="centers-fy"
              value={fiscalYear ?? ''}
              onChange={(e) => setFiscalYear(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{t('sync.centers.allYears')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {fyName(y)}
                </option>
              ))}
            </select>
          </label>
        </header>
        {summary && summary.rows.length === 0 && <p className="hint">{t('sync.centers.none')}</p>}
        {[...byYear.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([fy, rows]) => {
            const total = summary!.totals.find((x) => x.fiscalYear === fy);
            return (
              <table key={fy} className="table counts" aria-label={fyName(fy)} data-fiscal-year={fy}>
                <caption>{fyName(fy)}</caption>
                <thead>
                  <tr>
                    <th>{t('sync.centers.center')}</th>
                    <th className="num">{t('sync.centers.consultations')}</th>
                    <th className="num">{t('sync.centers.persons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.centerDeviceId} data-center={r.centerName}>
                      <td>{r.centerName}</td>
                      <td className="num" data-testid="consultations">
                        {r.consultations.toLocaleString(lang)}
                      </td>
                      <td className="num">{r.persons.toLocaleString(lang)}</td>
                    </tr>
                  ))}
                </tbody>
                {total && (
                  <tfoot>
                    <tr>
                      <th>{t('sync.centers.total')}</th>
                      <td className="num">{total.consultations.toLocaleString(lang)}</td>
                      <td className="num">{total.persons.toLocaleString(lang)}</td>
                    </tr>
                  </tfoot>
                )}
              </table>
            );
          })}
      </section>
      {s.status && (
        <div className="sync-columns">
          <div>
            {canExchange && (
              <ImportPanel
                folder={folder}
                busy={busy}
                peers={s.status.peers}
                outcomes={s.outcomes}
                alreadyImported={s.alreadyImported}
                version={s.version}
                onImportFolder={() => void s.importAllFromFolder()}
                onImportFile={(path) => void s.importOne(path)}
                receiptButtons={false}
                onSendReceipt={(p) => void s.exportTo(p, 'receipt', { toFolder: true })}
              >
                {folder && imported.length > 0 && (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() =>
                      void s.act(async () => {
                        for (const c of imported)
                          await call('sync.exportReceipt', { peer: c.deviceId, toFolder: true });
                        return t('sync.centers.receiptsDone', { count: imported.length });
                      })
                    }
                  >
                    {t('sync.centers.receiptsAll', { count: imported.length })}
                  </button>
                )}
              </ImportPanel>
            )}
          </div>
          <section className="card" aria-labelledby="centers-paired-h">
            <h2 id="centers-paired-h">{t('sync.centers.paired')}</h2>
            {centers.length === 0 ? (
              <p className="hint">{t('sync.centers.noCenters')}</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('sync.centers.center')}</th>
                    <th>{t('sync.queue.lastImport')}</th>
                    {canExchange && folder && (
                      <th>
                        <span className="sr-only">{t('ui.common.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {centers.map((c) => (
                    <tr key={c.deviceId}>
                      <td>{peerName(c, t)}</td>
                      <td>
                        {c.lastImportAt ? (
                          <>
                            <DateBoth value={localDateTime(c.lastImportAt)} />{' '}
                            <small className="hint">
                              {t('sync.queue.opsCount', { count: c.lastImportOps ?? 0 })}
                            </small>
                          </>
                        ) : (
                          <span className="hint">{t('sync.queue.never')}</span>
                        )}
                      </td>
                      {canExchange && folder && (
                        <td>
                          <button
                            type="button"
                            disabled={busy}
                            onClick={() => void s.exportTo(c, 'receipt', { toFolder: true })}
                          >
                            {t('sync.queue.receiptToFolder')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
