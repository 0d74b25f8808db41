import { create } from 'zustand';
import type { PrefectureCode } from '../../shared/codes/prefectures';
import type { SessionStatus } from '../../shared/contract/session';
import { call } from '../api/client';

interface SessionState {
  status: SessionStatus | null;
  /** shown once after first run, until the user confirms it is stored */
  recoveryCode: string | null;
  refresh(): Promise<void>;
  login(login: string, passphrase: string, secondFactor?: string): Promise<void>;
  create(input: {
    centerName: string;
    login: string;
    displayName: string;
    passphrase: string;
    prefectureCode?: PrefectureCode | null;
  }): Promise<void>;
  openDemo(passphrase: string): Promise<void>;
  confirmRecoveryStored(): void;
  lock(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  status: null,
  recoveryCode: null,
  async refresh() {
    set({ status: await call('session.status', {}) });
  },
  async login(login, passphrase, secondFactor) {
    set({
      status: await call('session.login', { login, passphrase, ...(secondFactor ? { secondFactor } : {}) }),
    });
  },
  async create(input) {
    const r = await call('session.create', input);
    set({ status: r.status, recoveryCode: r.recoveryCode });
  },
  async openDemo(passphrase) {
    set({ status: await call('session.openDemo', { passphrase }) });
  },
  confirmRecoveryStored() {
    set({ recoveryCode: null });
  },
  async lock() {
    await call('session.lock', {});
    set({ status: await call('session.status', {}) });
  },
}));
