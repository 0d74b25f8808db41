import { FILE_DIALOG_KINDS, type FileDialogKind, type FileDialogRequest } from '../../shared/file-dialogs';

/**
 * What each kind of file dialog may be (electron/shell/file-dialogs.ts shows it): the screen
 * names a kind, a suggested name and a starting folder, nothing else. Pure, so tested under Node.
 */
export interface DialogSpec {
  mode: 'open' | 'save' | 'folder';
  filters: { name: string; extensions: string[] }[];
  defaultPath?: string;
}

const SPECS: Record<FileDialogKind, Omit<DialogSpec, 'defaultPath'>> = {
  openCard: { mode: 'open', filters: [{ name: 'Yorisoi identity card', extensions: ['json'] }] },
  saveCard: { mode: 'save', filters: [{ name: 'Yorisoi identity card', extensions: ['json'] }] },
  openSyncFile: { mode: 'open', filters: [{ name: 'Yorisoi sync file (age)', extensions: ['age'] }] },
  saveSyncFile: { mode: 'save', filters: [{ name: 'Yorisoi sync file (age)', extensions: ['age'] }] },
  chooseFolder: { mode: 'folder', filters: [] },
};

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\0');

/** The dialog for a request from the renderer, or null when the request is not one we offer. */
export function dialogSpec(request: unknown, join: (a: string, b: string) => string): DialogSpec | null {
  if (!request || typeof request !== 'object') return null;
  const r = request as Partial<Record<keyof FileDialogRequest, unknown>>;
  if (!(FILE_DIALOG_KINDS as readonly unknown[]).includes(r.kind)) return null;
  const spec = SPECS[r.kind as FileDialogKind];
  // a suggested name is a bare file name: it cannot point the dialog elsewhere
  const name = isText(r.defaultName, 200) && !/[\\/]/.test(r.defaultName) ? r.defaultName : undefined;
  const folder = isText(r.defaultFolder, 4096) ? r.defaultFolder : undefined;
  const defaultPath = folder && name ? join(folder, name) : (folder ?? name);
  return defaultPath ? { ...spec, defaultPath } : { ...spec };
}
