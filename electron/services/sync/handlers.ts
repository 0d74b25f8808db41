import { syncMode } from '../../../db/sync/identity';
import type { HandlerMap } from '../handler-types';
import { applyPending } from './apply-pending';
import { centerSummary } from './center-summary';
import { listConflicts, resolveConflict } from './conflict-review';
import { exportBundle } from './export-bundle';
import { exportLog } from './export-log';
import { exportCard, getIdentity } from './identity-service';
import { importBundle } from './import-bundle';
import { importFolder } from './import-folder';
import { listFiles } from './list-files';
import { addPeer, previewCard, removePeer, updatePeer } from './pair-peer';
import { currentJob } from './progress';
import { exportReceipt, importReceipt } from './receipts';
import { syncStatus } from './sync-status';
import { setFolder, setMode } from './sync-settings';

type SyncChannels =
  | 'sync.identity'
  | 'sync.exportCard'
  | 'sync.previewCard'
  | 'sync.addPeer'
  | 'sync.updatePeer'
  | 'sync.removePeer'
  | 'sync.status'
  | 'sync.exportBundle'
  | 'sync.importBundle'
  | 'sync.exportReceipt'
  | 'sync.importReceipt'
  | 'sync.importFolder'
  | 'sync.listFiles'
  | 'sync.setFolder'
  | 'sync.mode'
  | 'sync.setMode'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.applyPending'
  | 'sync.progress'
  | 'sync.exportLog'
  | 'sync.centerSummary';

export const syncHandlers: HandlerMap<SyncChannels> = {
  'sync.identity': (ctx) => getIdentity(ctx),
  'sync.exportCard': (ctx, i) => exportCard(ctx, i),
  'sync.previewCard': (ctx, i) => previewCard(ctx, i.path),
  'sync.addPeer': (ctx, i) => addPeer(ctx, i),
  'sync.updatePeer': (ctx, i) => updatePeer(ctx, i),
  'sync.removePeer': (ctx, i) => removePeer(ctx, i.peer),
  'sync.status': (ctx) => syncStatus(ctx),
  'sync.exportBundle': (ctx, i) => exportBundle(ctx, i),
  'sync.importBundle': (ctx, i) => importBundle(ctx, i.path),
  'sync.exportReceipt': (ctx, i) => exportReceipt(ctx, i),
  'sync.importReceipt': (ctx, i) => importReceipt(ctx, i.path),
  'sync.importFolder': (ctx) => importFolder(ctx),
  'sync.listFiles': (ctx, i) => listFiles(ctx, i.folder),
  'sync.setFolder': (ctx, i) => setFolder(ctx, i.folder),
  'sync.mode': async (ctx) => ({ mode: await syncMode(ctx.db) }),
  'sync.setMode': (ctx, i) => setMode(ctx, i.mode),
  'sync.conflicts': (ctx, i) => listConflicts(ctx, i.includeResolved),
  'sync.resolveConflict': (ctx, i) => resolveConflict(ctx, i.id, i.choice),
  'sync.applyPending': (ctx) => applyPending(ctx),
  'sync.progress': async (ctx) => ({ job: currentJob(ctx) }),
  'sync.exportLog': (ctx, i) => exportLog(ctx, i.limit, i.offset),
  'sync.centerSummary': (ctx, i) => centerSummary(ctx, i.fiscalYear),
};
