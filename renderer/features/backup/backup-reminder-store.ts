import { create } from 'zustand';
import type { BackupStatusDto } from '../../../shared/contract/backup';
import { call } from '../../api/client';

/** The backup status the shell's reminder shows; refreshed at sign-in, hourly and after a backup. */
interface ReminderState {
  status: BackupStatusDto | null;
  refresh(): Promise<void>;
  clear(): void;
}

export const useBackupReminder = create<ReminderState>((set) => ({
  status: null,
  async refresh() {
    try {
      set({ status: await call('backup.status', {}) });
    } catch {
      set({ status: null });
    }
  },
  clear: () => set({ status: null }),
}));
