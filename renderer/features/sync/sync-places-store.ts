import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The folder last used to pick or save a sync file on this machine (a path: no personal data). */
interface SyncPlaces {
  lastFolder: string | null;
  remember(folder: string): void;
}

export const useSyncPlaces = create<SyncPlaces>()(
  persist(
    (set) => ({
      lastFolder: null,
      remember: (lastFolder) => set({ lastFolder }),
    }),
    { name: 'yorisoi-sync-places' },
  ),
);

/** The folder a path is in (either separator). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : path;
}
