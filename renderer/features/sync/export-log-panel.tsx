import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { formatBytes, localDateTime } from './format';

type Log = ChannelOutput<'sync.exportLog'>;
const PAGE = 20;

/** The provision log (DOMAIN §7): every file that left this device — who, when, how much, to whom. */
export function ExportLogPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const [log, setLog] = useState<Log | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call('sync.exportLog', { limit, offset: 0 }).then(
      (r) => live && setLog(r),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [limit, version]);

  return (
    <section className="card" aria-labelledby="sync-log-h">
      <h2 id="sync-log-h">{t('sync.exportLog.heading')}</h2>
      <p className="hint">{t('sync.exportLog.help')}</p>
      <ErrorMessage error={error} />
      {log && log.total === 0 && <p className="hint">{t('sync.exportLog.none')}</p>}
      {log && log.total > 0 && (
        <>
          <table className="table compact" aria-label={t('sync.exportLog.heading')}>
            <thead>
              <tr>
                <th>{t('sync.exportLog.at')}</th>
                <th>{t('sync.exportLog.who')}</th>
                <th>{t('sync.exportLog.kind')}</th>
                <th>{t('sync.exportLog.to')}</th>
                <th>{t('sync.exportLog.profile')}</th>
                <th>{t('sync.exportLog.ops')}</th>
                <th>{t('sync.exportLog.file')}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td>
                    <DateBoth value={localDateTime(r.at)} />
                  </td>
                  <td>{r.login ?? '—'}</td>
                  <td className="nowrap">{t(`sync.exportLog.kinds.${r.kind}`)}</td>
                  <td>{r.centerName ?? r.peer.slice(0, 8)}</td>
                  <td className="nowrap">{r.profile ? t(`sync.pairing.profileShort.${r.profile}`) : '—'}</td>
                  <td className="nowrap">
                    {r.ops ?? '—'}
                    {r.bytes != null && <small className="hint"> ({formatBytes(r.bytes)})</small>}
                  </td>
                  <td className="mono small">{r.file ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            {t('sync.exportLog.total', { count: log.total })}{' '}
            {log.total > log.rows.length && (
              <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                {t('sync.exportLog.more')}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
