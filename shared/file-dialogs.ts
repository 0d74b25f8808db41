/**
 * The native file dialogs the desktop app offers the screen (Electron only; browser mode has
 * none and types a path or lists a folder instead). The screen asks by kind; the shell decides
 * the dialog's mode and filters, so the renderer can open nothing but a dialog for the user.
 */
export const FILE_DIALOG_KINDS = [
  'openCard',
  'saveCard',
  'openSyncFile',
  'saveSyncFile',
  'chooseFolder',
] as const;
export type FileDialogKind = (typeof FILE_DIALOG_KINDS)[number];

export interface FileDialogRequest {
  kind: FileDialogKind;
  /** the suggested file name for a save dialog */
  defaultName?: string;
  /** the folder the dialog opens in */
  defaultFolder?: string;
}

/** What the preload exposes as `window.yorisoiShell` in the desktop app. */
export interface YorisoiShell {
  /** the chosen path, or null when the user cancelled */
  pickPath(request: FileDialogRequest): Promise<string | null>;
}
