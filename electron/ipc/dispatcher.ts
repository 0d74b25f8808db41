import { CHANNEL_POLICY } from '../../shared/channel-access';
import type { ApiResult } from '../../shared/contract';
import { CHANNELS, isChannelName, type ChannelName } from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import type { AppRuntime } from '../app/runtime';
import type { ServiceContext } from '../services/context';
import type { ChannelRunner, HandlerFor } from '../services/handler-types';
import { runUseCase, type ProgressSink } from '../services/unit-of-work';
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

export interface DispatchOptions {
  /** progress of long work (the CLI prints it); the other doors poll their own progress */
  onProgress?: ProgressSink;
}

export interface Dispatcher {
  dispatch(channel: string, input: unknown, opts?: DispatchOptions): Promise<ApiResult<unknown>>;
}

export interface DispatcherOptions {
  /** where unexpected errors go (never to the caller: they may hold personal data) */
  logInternal?: (channel: string, error: unknown) => void;
}

/**
 * The one entry for all three doors: find the channel, validate the input with its schema,
 * require a session where the channel says so, then run the use case under the channel's
 * policy (shared/channel-access.ts: permission, transaction, audit entry —
 * electron/services/unit-of-work.ts), and validate the output.
 * Always answers `{ok:true,data}` or `{ok:false,error:{code,message}}`; never throws.
 */
export function createDispatcher(
  runtime: AppRuntime,
  handlers: AllHandlers,
  opts: DispatcherOptions = {},
): Dispatcher {
  const logInternal = opts.logInternal ?? ((c, e) => console.error(`[yorisoi] ${c}:`, e));
  const dispatcher: Dispatcher = {
    async dispatch(channel, rawInput, dispatchOpts = {}) {
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
        const policy = CHANNEL_POLICY[channel];
        const handler = handlers[channel] as (
          arg: unknown,
          input: unknown,
          run?: ChannelRunner,
        ) => Promise<unknown>;
        let result: unknown;
        if (policy.tx === 'none') {
          result = await handler(runtime, parsed.data, run);
        } else {
          session = runtime.context();
          result = await runUseCase(
            session,
            policy,
            (uow) => handler(uow, parsed.data),
            dispatchOpts.onProgress,
          );
        }
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
  const run: ChannelRunner = async (c, input) => {
    const r = await dispatcher.dispatch(c, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.issues);
    return r.data as never;
  };
  return dispatcher;
}
