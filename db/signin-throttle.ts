import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { writeFileAtomic } from './crypto/keyslot-file';

/**
 * Failed sign-ins per login, in `<casefile>.signin` beside the case file (it holds logins and
 * counters only, no personal data; it must be readable before the file is unlocked).
 * After 3 failures each further attempt waits longer: 30 s, 1 min, 2 min … up to 15 min.
 * A success clears the count. This slows guessing at the screen; a stolen file is protected
 * by the key derivation cost instead.
 */
interface Entry {
  failures: number;
  lockedUntil: string | null;
}

const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export const throttlePath = (casefile: string) => `${casefile}.signin`;

function read(casefile: string): Record<string, Entry> {
  const p = throttlePath(casefile);
  if (!existsSync(p)) return {};
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Record<string, Entry>;
  } catch {
    return {}; // a damaged counter file must not lock everybody out
  }
}

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Refuses (SIGNIN_LOCKED, with the wait) while the login is in its waiting time. */
export function assertMayTry(casefile: string, login: string, now: Date): void {
  const e = read(casefile)[login];
  if (e?.lockedUntil && new Date(e.lockedUntil) > now) {
    const seconds = Math.ceil((new Date(e.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new AppError('SIGNIN_LOCKED', `Too many failed attempts. Try again in ${seconds} s.`);
  }
}

const turns = new Map<string, Promise<unknown>>();

/**
 * One sign-in attempt per case file and login at a time (in this process: the app's window,
 * browser mode and the CLI each run one). Without it, parallel attempts all passed the lockout
 * check before the first failure was counted (issue 16): eight guesses at once were all tried.
 */
export async function oneAttemptAtATime<T>(
  casefile: string,
  login: string,
  attempt: () => Promise<T>,
): Promise<T> {
  const key = `${resolve(casefile)}\0${login}`;
  const run = (turns.get(key) ?? Promise.resolve()).then(attempt, attempt);
  const settled = run.catch(() => undefined);
  turns.set(key, settled);
  try {
    return await run;
  } finally {
    if (turns.get(key) === settled) turns.delete(key);
  }
}

export function recordFailure(casefile: string, login: string, now: Date): void {
  if (!existsSync(casefile)) return;
  const all = read(casefile);
  const failures = (all[login]?.failures ?? 0) + 1;
  const delay = delayAfter(failures);
  all[login] = { failures, lockedUntil: delay ? new Date(now.getTime() + delay).toISOString() : null };
  writeFileAtomic(throttlePath(casefile), JSON.stringify(all));
}

export function recordSuccess(casefile: string, login: string): void {
  const all = read(casefile);
  if (!all[login]) return;
  delete all[login];
  writeFileAtomic(throttlePath(casefile), JSON.stringify(all));
}
