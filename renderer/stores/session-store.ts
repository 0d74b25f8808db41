import { create } from 'zustand';
import type { ChannelInput } from '../../shared/contract';
import type { SessionStatus } from '../../shared/contract/session';
import { call } from '../api/client';

interface SessionState {
  status: SessionStatus | null;
  /** shown once after first run, until the user confirms it is stored */
  recoveryCode: string | null;
  /** an i18n key the login screen shows once (e.g. after a restore ended the session) */
  notice: string | null;
  /** a restore replaced the file and ended the session: back to the login screen, saying so */
  restored(): Promise<void>;
  refresh(): Promise<void>;
  login(login: string, passphrase: string, secondFactor?: string): Promise<void>;
  create(input: ChannelInput<'session.create'>): Promise<void>;
  openDemo(passphrase: string): Promise<void>;
  confirmRecoveryStored(): void;
  lock(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  status: null,
  recoveryCode: null,
  notice: null,
  async restored() {
    set({ notice: 'security.backup.restore.done', status: await call('session.status', {}) });
  },
  async refresh() {
    set({ status: await call('session.status', {}) });
  },
  async login(login, passphrase, secondFactor) {
    set({
      status: await call('session.login', { login, passphrase, ...(secondFactor ? { secondFactor } : {}) }),
      notice: null,
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
