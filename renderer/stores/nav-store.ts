import { create } from 'zustand';

export type Screen =
  | 'intake'
  | 'search'
  | 'person'
  | 'followups'
  | 'coordination'
  | 'coordinationRequest'
  | 'directory'
  | 'reports'
  | 'events'
  | 'activities'
  | 'staff'
  | 'sync'
  | 'prefecture'
  | 'audit'
  | 'backup'
  | 'security'
  | 'settings'
  | 'letters'
  | 'provision';

interface NavState {
  screen: Screen;
  /** the person shown on the timeline, or the consultation opened for editing */
  personId: string | null;
  editConsultationId: string | null;
  /** the coordination request shown, or the consultation a new one starts from */
  coordinationId: string | null;
  coordinationFrom: string | null;
  /** the referral open on the letters screen (null: the register) */
  referralId: string | null;
  go(screen: Screen): void;
  openCoordination(id: string): void;
  newCoordination(consultationId: string): void;
  openReferral(id: string | null): void;
  openProvisionLog(personId: string): void;
  openPerson(id: string): void;
  editConsultation(id: string | null): void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'intake',
  personId: null,
  editConsultationId: null,
  coordinationId: null,
  coordinationFrom: null,
  referralId: null,
  // the menu's 相談受付 is a new intake (an edit left through the menu is not reopened)
  go: (screen) =>
    set(
      screen === 'letters'
        ? { screen, referralId: null }
        : screen === 'intake'
          ? { screen, editConsultationId: null }
          : { screen },
    ),
  openCoordination: (coordinationId) =>
    set({ screen: 'coordinationRequest', coordinationId, coordinationFrom: null }),
  newCoordination: (coordinationFrom) =>
    set({ screen: 'coordinationRequest', coordinationId: null, coordinationFrom }),
  openReferral: (referralId) => set({ screen: 'letters', referralId }),
  openProvisionLog: (personId) => set({ screen: 'provision', personId }),
  openPerson: (personId) => set({ screen: 'person', personId }),
  editConsultation: (editConsultationId) => set({ screen: 'intake', editConsultationId }),
}));
