import type { ChannelOutput } from '../../../shared/contract';
import type { ImportResultDto } from '../../../shared/contract/sync';
import { parseSyncFileName } from '../../../shared/sync/file-names';
import { ApiError, call } from '../../api/client';
import { baseName } from './format';

/** What happened to one file on import. */
export interface ImportOutcome {
  file: string;
  kind: 'bundle' | 'receipt';
  error: ApiError | null;
  bundle: ImportResultDto | null;
  receipt: ChannelOutput<'sync.importReceipt'> | null;
}

/** Imports one chosen file: a bundle or a receipt, as its name says (or as it turns out). */
export async function importFile(path: string): Promise<ImportOutcome> {
  const named = parseSyncFileName(baseName(path))?.kind;
  const asReceipt = async (): Promise<ImportOutcome> => {
    try {
      const receipt = await call('sync.importReceipt', { path });
      return { file: path, kind: 'receipt', error: null, bundle: null, receipt };
    } catch (e) {
      return { file: path, kind: 'receipt', error: toApiError(e), bundle: null, receipt: null };
    }
  };
  if (named === 'receipt') return asReceipt();
  try {
    const bundle = await call('sync.importBundle', { path });
    return { file: path, kind: 'bundle', error: null, bundle, receipt: null };
  } catch (e) {
    // a file renamed by hand: a receipt given as a bundle says so before anything is read
    if (!named && e instanceof ApiError && e.code === 'BUNDLE_WRONG_KIND') return asReceipt();
    return { file: path, kind: 'bundle', error: toApiError(e), bundle: null, receipt: null };
  }
}

/** Imports every new file in the exchange folder addressed to this device. */
export async function importFromFolder(): Promise<{ outcomes: ImportOutcome[]; alreadyImported: number }> {
  const r = await call('sync.importFolder', {});
  const outcomes = r.files.map((f) => ({
    file: f.file,
    kind: f.kind,
    error: f.ok ? null : new ApiError({ code: (f.code ?? 'INTERNAL') as never, message: f.message ?? '' }),
    bundle: f.bundle,
    receipt: f.receipt,
  }));
  return { outcomes, alreadyImported: r.alreadyImported };
}

function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) });
}
