import { useState } from 'react';
import type { FileDialogKind } from '../../../shared/file-dialogs';
import { hasNativeDialogs, pickNative } from '../../api/file-dialogs';
import type { Target } from './folder-browser';
import { folderOf, useSyncPlaces } from './sync-places-store';

/**
 * Choosing a file or a folder: the desktop app's native dialog, or (browser mode) the inline
 * FolderBrowser, which the caller renders while `browsing` is set.
 */
export function useChooser(configuredFolder: string | null) {
  const [browsing, setBrowsing] = useState<string | null>(null);
  const lastFolder = useSyncPlaces((s) => s.lastFolder);
  const remember = useSyncPlaces((s) => s.remember);

  /** `key` names what is being chosen (one chooser open at a time per screen). */
  async function start(
    key: string,
    kind: FileDialogKind,
    onTarget: (t: Target) => void,
    defaultName?: string,
  ) {
    if (!hasNativeDialogs()) {
      setBrowsing(key);
      return;
    }
    const defaultFolder = lastFolder ?? configuredFolder ?? undefined;
    const path = await pickNative({
      kind,
      ...(defaultFolder ? { defaultFolder } : {}),
      ...(defaultName ? { defaultName } : {}),
    });
    if (!path) return;
    remember(kind === 'chooseFolder' ? path : folderOf(path));
    onTarget(kind === 'chooseFolder' ? { folder: path } : { path });
  }

  return { browsing, start, stop: () => setBrowsing(null) };
}
