import type { FileDialogRequest, YorisoiShell } from '../../shared/file-dialogs';

declare global {
  interface Window {
    yorisoiShell?: YorisoiShell;
  }
}

/** True in the desktop app, which offers native file dialogs (browser mode has none). */
export const hasNativeDialogs = () => typeof window !== 'undefined' && !!window.yorisoiShell;

/** A native dialog's chosen path, or null when cancelled (desktop app only). */
export async function pickNative(request: FileDialogRequest): Promise<string | null> {
  return window.yorisoiShell ? window.yorisoiShell.pickPath(request) : null;
}
