import { create } from 'zustand';
import { call } from '../../api/client';

/** Whether this installation runs as a center or as the prefecture (the menu shows the latter's screen). */
interface SyncModeState {
  mode: 'center' | 'prefecture' | null;
  load(): Promise<void>;
  set(mode: 'center' | 'prefecture'): void;
}

export const useSyncMode = create<SyncModeState>((set) => ({
  mode: null,
  async load() {
    try {
      set({ mode: (await call('sync.mode', {})).mode });
    } catch {
      set({ mode: null });
    }
  },
  set: (mode) => set({ mode }),
}));
