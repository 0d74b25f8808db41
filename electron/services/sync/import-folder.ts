import { isAppError } from '../../../shared/errors';
import type { UnitOfWork } from '../unit-of-work';
import { deviceIdentity } from './identity-service';
import { importBundle } from './import-bundle';
import { importReceipt } from './receipts';
import { configuredFolder, filesFor } from './sync-folder';
import { importedIds, manifestId } from './sync-file-id';

/**
 * Imports every bundle and receipt in the exchange folder addressed to this device, oldest
 * first, except those imported already (counted, not repeated: importing one again would change
 * nothing). One bad file does not stop the others; each says what happened. Files stay where
 * they are, so a shared stick serves several devices.
 */
export async function importFolder(ctx: UnitOfWork) {
  const folder = await configuredFolder(ctx);
  const identity = await deviceIdentity(ctx);
  const done = await importedIds(ctx);
  const files = [];
  let alreadyImported = 0;
  for (const { file, kind } of filesFor(folder, identity.deviceId)) {
    const id = await manifestId(file, identity.ageIdentity);
    if (id && done.has(id)) {
      alreadyImported++;
      continue;
    }
    try {
      // each file is that file's import: its own transaction and entry (a refusal logged as such)
      const bundle =
        kind === 'bundle' ? await ctx.step('sync.bundle.import', (u) => importBundle(u, file)) : null;
      const receipt =
        kind === 'receipt' ? await ctx.step('sync.receipt.import', (u) => importReceipt(u, file)) : null;
      files.push({ file, kind, ok: true, code: null, message: null, bundle, receipt });
    } catch (e) {
      if (!isAppError(e)) throw e;
      files.push({ file, kind, ok: false, code: e.code, message: e.message, bundle: null, receipt: null });
    }
  }
  return { files, alreadyImported };
}
