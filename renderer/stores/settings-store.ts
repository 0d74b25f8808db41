import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Language } from '../../shared/i18n';

/** Per-machine display settings (no personal data), kept in the browser's local storage. */
interface SettingsState {
  language: Language;
  autoLockMinutes: number;
  fontSize: 'normal' | 'large' | 'x-large';
  setLanguage(l: Language): void;
  setAutoLockMinutes(m: number): void;
  setFontSize(f: SettingsState['fontSize']): void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      language: 'ja',
      autoLockMinutes: 10,
      fontSize: 'normal',
      setLanguage: (language) => set({ language }),
      setAutoLockMinutes: (m) => set({ autoLockMinutes: Math.max(1, Math.min(120, Math.round(m))) }),
      setFontSize: (fontSize) => set({ fontSize }),
    }),
    { name: 'yorisoi-settings' },
  ),
);
