import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerDto } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { FolderBrowser } from './folder-browser';
import { baseName, peerName } from './format';
import type { ImportOutcome } from './imports';
import { useChooser } from './use-chooser';

interface Props {
  folder: string | null;
  busy: boolean;
  peers: PeerDto[];
  outcomes: ImportOutcome[] | null;
  /** files in the folder imported before, left out of this import */
  alreadyImported?: number;
  /** bumps after every action, so the count of files waiting in the folder is fresh */
  version: number;
  onImportFolder(): void;
  onImportFile(path: string): void;
  onSendReceipt(peer: PeerDto): void;
  /** offer a receipt back to each sender under the results (default) */
  receiptButtons?: boolean;
  /** shown under the results */
  children?: ReactNode;
}

const FOLDER_LOOK_MS = 4000;

/** Importing bundles and receipts, from the exchange folder or a chosen file, and what came of it. */
export function ImportPanel({
  folder,
  busy,
  peers,
  outcomes,
  alreadyImported = 0,
  version,
  onImportFolder,
  onImportFile,
  onSendReceipt,
  receiptButtons = true,
  children,
}: Props) {
  const { t } = useTranslation();
  const chooser = useChooser(folder);
  const [waiting, setWaiting] = useState<number | null>(null);

  // a stick is plugged in or a colleague drops a file: look again now and then, and on focus
  useEffect(() => {
    if (!folder || busy) return setWaiting(null);
    let live = true;
    const look = () =>
      call('sync.listFiles', {}).then(
        (l) => live && setWaiting(l.files.filter((f) => f.forThisDevice && f.imported !== true).length),
        () => live && setWaiting(null),
      );
    void look();
    const timer = setInterval(look, FOLDER_LOOK_MS);
    window.addEventListener('focus', look);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', look);
    };
  }, [folder, version, busy]);

  return (
    <section className="card" aria-labelledby="sync-import-h">
      <h2 id="sync-import-h">{t('sync.importing.heading')}</h2>
      <p className="hint">{t('sync.importing.help')}</p>
      <div className="button-row">
        {folder && (
          <button type="button" className="primary" disabled={busy} onClick={onImportFolder}>
            {t('sync.importing.fromFolder')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void chooser.start(
              'import',
              'openSyncFile',
              (target) => 'path' in target && onImportFile(target.path),
            )
          }
        >
          {t('sync.importing.fromFile')}
        </button>
        {waiting !== null && waiting > 0 && (
          <span className="hint" data-testid="folder-waiting">
            {t('sync.importing.inFolder', { count: waiting })}
          </span>
        )}
      </div>
      {chooser.browsing === 'import' && (
        <FolderBrowser
          mode="open"
          accept={['bundle', 'receipt', 'other']}
          configuredFolder={folder}
          onCancel={chooser.stop}
          onChoose={(target) => {
            chooser.stop();
            if ('path' in target) onImportFile(target.path);
          }}
        />
      )}
      {outcomes && (
        <ImportOutcomes
          outcomes={outcomes}
          alreadyImported={alreadyImported}
          peers={peers}
          folder={receiptButtons ? folder : null}
          busy={busy}
          onSendReceipt={onSendReceipt}
        />
      )}
      {children}
    </section>
  );
}

function ImportOutcomes({
  outcomes,
  alreadyImported,
  peers,
  folder,
  busy,
  onSendReceipt,
}: {
  outcomes: ImportOutcome[];
  alreadyImported: number;
  peers: PeerDto[];
  folder: string | null;
  busy: boolean;
  onSendReceipt(peer: PeerDto): void;
}) {
  const { t } = useTranslation();
  const nameOf = (id: string, fallback: string) => {
    const p = peers.find((x) => x.deviceId === id);
    return p ? peerName(p, t) : fallback;
  };
  if (outcomes.length === 0) {
    return (
      <p className="hint" role="region" aria-label={t('sync.importing.results')}>
        {alreadyImported
          ? t('sync.importing.nothingNew', { count: alreadyImported })
          : t('sync.importing.nothing')}
      </p>
    );
  }
  // a receipt goes back to each sender whose bundle brought something
  const senders = [
    ...new Set(outcomes.filter((o) => o.bundle && o.bundle.received > 0).map((o) => o.bundle!.from.deviceId)),
  ];
  return (
    <div className="import-results" aria-label={t('sync.importing.results')} role="region">
      <h3>{t('sync.importing.results')}</h3>
      {alreadyImported > 0 && (
        <p className="hint">{t('sync.importing.skipped', { count: alreadyImported })}</p>
      )}
      <ul>
        {outcomes.map((o, i) => (
          <li key={`${o.file}-${i}`} className={o.error ? 'failed' : 'done'}>
            <span className="mono">{baseName(o.file)}</span>
            {o.error && <ErrorMessage error={o.error} />}
            {o.bundle && (
              <>
                <p className="ok">
                  {t('sync.result.imported', {
                    from: nameOf(o.bundle.from.deviceId, o.bundle.from.centerName),
                    received: o.bundle.received,
                    applied: o.bundle.applied,
                    duplicates: o.bundle.duplicates,
                    parked: o.bundle.parked,
                  })}
                </p>
                {o.bundle.deferred > 0 && (
                  <p className="hint">{t('sync.result.deferred', { count: o.bundle.deferred })}</p>
                )}
                {o.bundle.newConflicts > 0 && (
                  <p className="warn">{t('sync.result.newConflicts', { count: o.bundle.newConflicts })}</p>
                )}
                {o.bundle.senderIsNewer && <p className="warn">{t('sync.result.senderNewer')}</p>}
              </>
            )}
            {o.receipt && (
              <p className="ok">
                {t('sync.result.receiptImported', {
                  from: nameOf(o.receipt.from.deviceId, o.receipt.from.centerName),
                  waiting: o.receipt.waitingOps,
                })}
              </p>
            )}
          </li>
        ))}
      </ul>
      {folder &&
        senders.map((id) => {
          const peer = peers.find((p) => p.deviceId === id && p.active);
          return (
            peer && (
              <button key={id} type="button" disabled={busy} onClick={() => onSendReceipt(peer)}>
                {t('sync.importing.sendReceipt', { name: peerName(peer, t) })}
              </button>
            )
          );
        })}
    </div>
  );
}
