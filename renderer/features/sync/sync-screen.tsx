import { useTranslation } from 'react-i18next';
import type { PeerDto } from '../../../shared/contract/sync';
import { can } from '../../../shared/permissions';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useSession } from '../../stores/session-store';
import { ClockPanel } from './clock-panel';
import { ConflictsPanel } from './conflicts-panel';
import { ExportLogPanel } from './export-log-panel';
import { FolderSetting } from './folder-setting';
import { ImportPanel } from './import-panel';
import { PairPanel } from './pair-panel';
import { PeerQueue } from './peer-queue';
import { useSyncMode } from './sync-mode-store';
import { PendingPanel } from './pending-panel';
import { SyncProgress } from './sync-progress';
import { ThisDevicePanel } from './this-device-panel';
import { useSyncScreen } from './use-sync-screen';
import './sync.css';

/**
 * The sync screen: the queue per peer with its exports, imports from the exchange folder or a
 * file, conflicts to review, pairing, this device's identity, the folder, the provision log.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const isAdmin = !!role && can(role, 'staff.manage');
  const canExchange = !!role && can(role, 'consultation.edit');
  const s = useSyncScreen();
  const busy = s.job.busy;
  const folder = s.status?.folder ?? null;
  const prefecture = useSyncMode((m) => m.mode) === 'prefecture';

  return (
    <section aria-label={t('sync.title')} className="sync-screen">
      <header className="screen-header">
        <h1>{t('sync.title')}</h1>
        <p className="hint">{t('sync.intro')}</p>
      </header>
      <div className="sync-messages" aria-live="polite">
        {s.notice && (
          <p role="status" className="notice">
            {s.notice}
          </p>
        )}
        <ErrorMessage error={s.error} />
        <SyncProgress job={s.job.job} />
      </div>
      {s.status && s.identity && (
        <>
          <ClockPanel warnings={s.status.clockWarnings} />
          <section className="card" aria-labelledby="sync-queue-h">
            <h2 id="sync-queue-h">{t('sync.queue.heading')}</h2>
            <PeerQueue
              peers={s.status.peers}
              selfId={s.identity.deviceId}
              folder={folder}
              isAdmin={isAdmin}
              canExchange={canExchange}
              busy={busy}
              onExport={(p, what, target) => void s.exportTo(p, what, target)}
              onRemove={(p) =>
                void s.act(async () => {
                  await call('sync.removePeer', { peer: p.deviceId });
                  return t('sync.queue.removed', { name: p.label ?? p.centerName });
                })
              }
              {...(prefecture
                ? {
                    onSameCenter: (p: PeerDto, sameCenterAs: string) =>
                      void s.act(async () => {
                        await call('sync.updatePeer', { peer: p.deviceId, sameCenterAs });
                        return t('sync.pairing.filed', { name: p.label ?? p.centerName });
                      }),
                  }
                : {})}
            />
          </section>
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
                  onSendReceipt={(p) => void s.exportTo(p, 'receipt', { toFolder: true })}
                />
              )}
              {canExchange && (
                <ConflictsPanel
                  peers={s.status.peers}
                  selfId={s.identity.deviceId}
                  busy={busy}
                  version={s.version}
                  act={s.act}
                />
              )}
              <PendingPanel pending={s.status.pending} busy={busy || !canExchange} act={s.act} />
            </div>
            <div>
              <ThisDevicePanel
                identity={s.identity}
                folder={folder}
                isAdmin={isAdmin}
                busy={busy}
                act={s.act}
              />
              {isAdmin && <PairPanel folder={folder} busy={busy} act={s.act} />}
              {isAdmin && <FolderSetting key={folder ?? ''} folder={folder} busy={busy} act={s.act} />}
            </div>
          </div>
          <ExportLogPanel version={s.version} />
        </>
      )}
    </section>
  );
}
