import { readMeta } from '../../../db/sync/identity';
import { isAppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { importBundle } from './import-bundle';
import { importReceipt } from './receipts';
import { requireSyncExchange } from './sync-access';
import { configuredFolder, filesFor } from './sync-folder';

/**
 * Imports every bundle and receipt in the exchange folder addressed to this device, oldest
 * first. One bad file does not stop the others; each says what happened. Files stay where they
 * are (importing one again changes nothing), so a shared stick serves several devices.
 */
export async function importFolder(ctx: ServiceContext) {
  requireSyncExchange(ctx);
  const folder = await configuredFolder(ctx);
  const self = (await readMeta(ctx.db, 'device_id'))!;
  const files = [];
  for (const { file, kind } of filesFor(folder, self)) {
    try {
      const bundle = kind === 'bundle' ? await importBundle(ctx, file) : null;
      const receipt = kind === 'receipt' ? await importReceipt(ctx, file) : null;
      files.push({ file, kind, ok: true, code: null, message: null, bundle, receipt });
    } catch (e) {
      if (!isAppError(e)) throw e;
      files.push({ file, kind, ok: false, code: e.code, message: e.message, bundle: null, receipt: null });
    }
  }
  return { files };
}
