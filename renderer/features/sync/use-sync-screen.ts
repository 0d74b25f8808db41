import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import type { PeerDto, SyncStatusDto } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import type { Target } from './folder-browser';
import { baseName, formatBytes } from './format';
import { importFile, importFromFolder, type ImportOutcome } from './imports';
import type { ExportWhat } from './peer-queue';
import type { Act } from './sync-act';
import { useSyncJob } from './use-sync-job';

export type ExportTarget = Target | { toFolder: true };

/**
 * What the sync screen and the prefecture screen share: this device, the queue, the message
 * of the last action, the running job, and the exports and imports themselves.
 */
export function useSyncScreen() {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<ChannelOutput<'sync.identity'> | null>(null);
  const [status, setStatus] = useState<SyncStatusDto | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [error, setError] = useState<unknown>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [alreadyImported, setAlreadyImported] = useState(0);
  const [version, setVersion] = useState(0);
  const job = useSyncJob();

  const load = useCallback(async () => {
    const [i, s] = await Promise.all([call('sync.identity', {}), call('sync.status', {})]);
    setIdentity(i);
    setStatus(s);
  }, []);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const act: Act = async (work) => {
    setError(null);
    setNotice(null);
    try {
      const message = await work();
      if (message) setNotice(message);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      await load().catch(() => undefined);
      setVersion((v) => v + 1);
    }
  };

  const exportTo = (peer: PeerDto, what: ExportWhat, target: ExportTarget) =>
    act(async () => {
      const input = {
        peer: peer.deviceId,
        ...('path' in target
          ? { path: target.path }
          : 'folder' in target
            ? { folder: target.folder }
            : { toFolder: true }),
      };
      if (what === 'bundle') {
        const r = await job.run('export', () => call('sync.exportBundle', input));
        return t('sync.result.exported', { ops: r.ops, size: formatBytes(r.bytes), file: baseName(r.file) });
      }
      const r = await call('sync.exportReceipt', input);
      return t('sync.result.receiptExported', { file: baseName(r.file) });
    });

  const importAllFromFolder = () =>
    act(async () => {
      setOutcomes(null);
      const r = await job.run('import', importFromFolder);
      setAlreadyImported(r.alreadyImported);
      setOutcomes(r.outcomes);
    });

  const importOne = (path: string) =>
    act(async () => {
      setOutcomes(null);
      setAlreadyImported(0);
      setOutcomes([await job.run('import', () => importFile(path))]);
    });

  return {
    identity,
    status,
    notice,
    error,
    outcomes,
    alreadyImported,
    version,
    job,
    act,
    exportTo,
    importAllFromFolder,
    importOne,
  };
}
