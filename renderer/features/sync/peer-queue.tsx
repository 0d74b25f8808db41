import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerDto } from '../../../shared/contract/sync';
import { syncFileName } from '../../../shared/sync/file-names';
import { DateBoth } from '../../components/date-both';
import { FolderBrowser, type Target } from './folder-browser';
import { formatBytes, localDateTime, peerName, shortId } from './format';
import { PeerCenter } from './peer-center';
import { useChooser } from './use-chooser';

export type ExportWhat = 'bundle' | 'receipt';

interface Props {
  peers: PeerDto[];
  selfId: string;
  folder: string | null;
  isAdmin: boolean;
  /** may export and import (those who edit records: a bundle carries every record) */
  canExchange: boolean;
  busy: boolean;
  onExport(peer: PeerDto, what: ExportWhat, target: Target | { toFolder: true }): void;
  onRemove(peer: PeerDto): void;
  /** the prefecture: files the peer under another paired device's center */
  onSameCenter?: (peer: PeerDto, sameCenterAs: string) => void;
}

function When({ at, ops }: { at: string | null; ops?: number | null }) {
  const { t } = useTranslation();
  if (!at) return <span className="hint">{t('sync.queue.never')}</span>;
  return (
    <>
      <DateBoth value={localDateTime(at)} />
      {ops != null && (
        <>
          <br />
          <small className="hint">{t('sync.queue.opsCount', { count: ops })}</small>
        </>
      )}
    </>
  );
}

/** The sync queue: per peer what waits, when files last went and came, and the exports. */
export function PeerQueue({
  peers,
  selfId,
  folder,
  isAdmin,
  canExchange,
  busy,
  onExport,
  onRemove,
  onSameCenter,
}: Props) {
  const { t } = useTranslation();
  const chooser = useChooser(folder);
  const [elsewhere, setElsewhere] = useState<{ peer: string; what: ExportWhat } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  if (peers.length === 0) return <p className="hint">{t('sync.queue.none')}</p>;
  return (
    <>
      {!folder && canExchange && <p className="hint">{t('sync.queue.noFolderHint')}</p>}
      <ul className="peer-list">
        {peers.map((p) => (
          <li key={p.deviceId}>
            <article
              className={p.active ? 'peer' : 'peer inactive'}
              data-peer={p.deviceId}
              aria-label={peerName(p, t)}
            >
              <header className="peer-head">
                <strong className="peer-name">{peerName(p, t)}</strong>
                <span className="hint">
                  {t(`sync.pairing.roles.${p.role}`)} · {t(`sync.pairing.profileShort.${p.profile}`)} ·{' '}
                  <span className="mono">{shortId(p.deviceId)}</span>
                </span>
              </header>
              <dl className="peer-stats">
                <div>
                  <dt>{t('sync.queue.waiting')}</dt>
                  <dd>
                    {p.active ? (
                      <>
                        <span className={p.waitingOps ? 'waiting' : 'waiting none'} data-testid="waiting">
                          {t('sync.queue.waitingCount', { count: p.waitingOps })}
                        </span>
                        {p.waitingOps > 0 && (
                          <span className="hint waiting-size" data-testid="waiting-size">
                            {t('sync.queue.waitingSize', { size: formatBytes(p.waitingBytes) })}
                          </span>
                        )}
                        {p.snapshotDue && (
                          <span className="hint waiting-size" data-testid="snapshot-due">
                            {t('sync.queue.snapshotDue')}
                          </span>
                        )}
                      </>
                    ) : (
                      t('sync.queue.inactive')
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('sync.queue.lastExport')}</dt>
                  <dd data-testid="last-export">
                    <When at={p.lastExportAt} ops={p.lastExportOps} />
                  </dd>
                </div>
                <div>
                  <dt>{t('sync.queue.lastReceipt')}</dt>
                  <dd data-testid="last-receipt">
                    <When at={p.lastReceiptAt} />
                  </dd>
                </div>
                <div>
                  <dt>{t('sync.queue.lastImport')}</dt>
                  <dd data-testid="last-import">
                    <When at={p.lastImportAt} ops={p.lastImportOps} />
                  </dd>
                </div>
              </dl>
              {p.snapshotDue && <p className="hint">{t('sync.queue.snapshotDueHelp')}</p>}
              {p.active &&
                p.waitingOps > 0 &&
                p.lastExportAt &&
                (!p.lastReceiptAt || p.lastReceiptAt < p.lastExportAt) && (
                  <p className="hint">{t('sync.queue.awaitingReceipt')}</p>
                )}
              {p.stalled && (
                <p className="notice stalled" data-testid="stalled">
                  {t('sync.queue.stalled', {
                    days: p.silentDays,
                    size: formatBytes(p.waitingBytes),
                    count: p.waitingOps,
                  })}
                </p>
              )}
              {isAdmin && p.active && onSameCenter && (
                <PeerCenter peer={p} peers={peers} busy={busy} onChange={(to) => onSameCenter(p, to)} />
              )}
              <div className="peer-actions">
                {p.active && (
                  <div className="button-row">
                    {canExchange && folder && (
                      <>
                        <button
                          type="button"
                          className="primary"
                          disabled={busy}
                          onClick={() => onExport(p, 'bundle', { toFolder: true })}
                        >
                          {t('sync.queue.exportToFolder')}
                        </button>
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => onExport(p, 'receipt', { toFolder: true })}
                        >
                          {t('sync.queue.receiptToFolder')}
                        </button>
                      </>
                    )}
                    {canExchange && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => setElsewhere({ peer: p.deviceId, what: 'bundle' })}
                      >
                        {t('sync.queue.exportElsewhere')}
                      </button>
                    )}
                    {isAdmin && (
                      <button
                        type="button"
                        className="quiet"
                        disabled={busy}
                        onClick={() => setRemoving(p.deviceId)}
                      >
                        {t('sync.queue.remove')}
                      </button>
                    )}
                  </div>
                )}
                {removing === p.deviceId && (
                  <div className="confirm" role="alertdialog" aria-label={t('sync.queue.remove')}>
                    <p>{t('sync.queue.removeConfirm')}</p>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        setRemoving(null);
                        onRemove(p);
                      }}
                    >
                      {t('sync.queue.removeYes')}
                    </button>
                    <button type="button" onClick={() => setRemoving(null)}>
                      {t('sync.queue.removeNo')}
                    </button>
                  </div>
                )}
                {elsewhere?.peer === p.deviceId && (
                  <div className="export-elsewhere">
                    <fieldset>
                      <legend>{t('sync.queue.what')}</legend>
                      {(['bundle', 'receipt'] as const).map((w) => (
                        <label key={w} className="check">
                          <input
                            type="radio"
                            name={`what-${p.deviceId}`}
                            checked={elsewhere.what === w}
                            onChange={() => setElsewhere({ peer: p.deviceId, what: w })}
                          />
                          {t(`sync.queue.whats.${w}`)}
                        </label>
                      ))}
                    </fieldset>
                    {chooser.browsing === p.deviceId ? (
                      <FolderBrowser
                        mode="save"
                        accept={[]}
                        configuredFolder={folder}
                        onCancel={() => {
                          chooser.stop();
                          setElsewhere(null);
                        }}
                        onChoose={(target) => {
                          chooser.stop();
                          setElsewhere(null);
                          onExport(p, elsewhere.what, target);
                        }}
                      />
                    ) : (
                      <div className="button-row">
                        <button
                          type="button"
                          className="primary"
                          disabled={busy}
                          onClick={() =>
                            void chooser.start(
                              p.deviceId,
                              'saveSyncFile',
                              (target) => {
                                setElsewhere(null);
                                onExport(p, elsewhere.what, target);
                              },
                              syncFileName(elsewhere.what, selfId, p.deviceId, new Date()),
                            )
                          }
                        >
                          {t('sync.queue.write')}
                        </button>
                        <button type="button" onClick={() => setElsewhere(null)}>
                          {t('sync.chooser.cancel')}
                        </button>
                      </div>
                    )}
                  </div>
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
