import type { ApiResult } from '../../shared/contract';
import { CHANNELS, isChannelName, type ChannelName } from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import type { AppRuntime } from '../app/runtime';
import type { ServiceContext } from '../services/context';
import type { HandlerFor } from '../services/handler-types';
import { inputIssue } from './input-issues';
import { storageError } from './storage-errors';

/**
 * Where a string in the input holds a NUL character (none belongs in any field; SQLite's text
 * functions and FTS5 stop or fail at it), or null. Walks plain JSON only.
 */
function pathWithNul(v: unknown, at = ''): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? at || '(input)' : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = pathWithNul(v[i], at ? `${at}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = pathWithNul(x, at ? `${at}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

export type AllHandlers = { [C in ChannelName]: HandlerFor<C> };

export interface Dispatcher {
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

export interface DispatcherOptions {
  /** where unexpected errors go (never to the caller: they may hold personal data) */
  logInternal?: (channel: string, error: unknown) => void;
}

/**
 * The one entry for all three doors: find the channel, validate the input with its schema,
 * require a session where the channel says so, run the use case, validate the output.
 * Always answers `{ok:true,data}` or `{ok:false,error:{code,message}}`; never throws.
 */
export function createDispatcher(
  runtime: AppRuntime,
  handlers: AllHandlers,
  opts: DispatcherOptions = {},
): Dispatcher {
  const logInternal = opts.logInternal ?? ((c, e) => console.error(`[yorisoi] ${c}:`, e));
  return {
    async dispatch(channel, rawInput) {
      let session: ServiceContext | null = null;
      try {
        if (!isChannelName(channel)) throw new AppError('UNKNOWN_CHANNEL', `Unknown channel "${channel}".`);
        const def = CHANNELS[channel];
        const nul = pathWithNul(rawInput);
        if (nul !== null) {
          throw new AppError('INVALID_INPUT', `Invalid input for ${channel}.`, [
            { path: nul, message: 'contains a NUL character' },
          ]);
        }
        const parsed = def.input.safeParse(rawInput ?? {});
        if (!parsed.success) {
          throw new AppError(
            'INVALID_INPUT',
            `Invalid input for ${channel}.`,
            parsed.error.issues.map(inputIssue),
          );
        }
        const handler = handlers[channel] as (arg: unknown, input: unknown) => Promise<unknown>;
        const arg = def.auth === 'none' ? runtime : runtime.context();
        session = def.auth === 'none' ? null : (arg as ServiceContext);
        const result = await handler(arg, parsed.data);
        const out = def.output.safeParse(result);
        if (!out.success) {
          logInternal(channel, out.error);
          throw new AppError('INTERNAL', `The answer of ${channel} did not match the contract.`);
        }
        return { ok: true, data: out.data };
      } catch (e) {
        // the file was locked under a running call (idle lock, sleep, screen lock): SQLite rolled
        // its transaction back, so nothing of it stays; say that, not "unexpected error"
        if (session?.caseFile.locked && !(isAppError(e) && e.code !== 'LOCKED')) {
          const locked = new AppError('LOCKED_DURING_WORK', 'The case file was locked during the call.');
          return { ok: false, error: locked.toDetail() };
        }
        if (isAppError(e)) return { ok: false, error: e.toDetail() };
        const storage = storageError(e);
        if (storage) return { ok: false, error: storage.toDetail() };
        logInternal(channel, e);
        return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error.' } };
      }
    },
  };
}
