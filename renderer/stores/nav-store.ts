import { create } from 'zustand';

export type Screen =
  | 'intake'
  | 'search'
  | 'person'
  | 'followups'
  | 'directory'
  | 'staff'
  | 'audit'
  | 'backup'
  | 'security'
  | 'settings';

interface NavState {
  screen: Screen;
  /** the person shown on the timeline, or the consultation opened for editing */
  personId: string | null;
  editConsultationId: string | null;
  go(screen: Screen): void;
  openPerson(id: string): void;
  editConsultation(id: string | null): void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'intake',
  personId: null,
  editConsultationId: null,
  go: (screen) => set({ screen }),
  openPerson: (personId) => set({ screen: 'person', personId }),
  editConsultation: (editConsultationId) => set({ screen: 'intake', editConsultationId }),
}));
