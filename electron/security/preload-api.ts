import { CHANNEL_NAMES, type ApiResult } from '../../shared/contract';

/**
 * What the preload exposes as `window.api`: one `call` that forwards only the contract's
 * channel names. Anything else is answered locally, never reaching the main process.
 */
export function makePreloadApi(invoke: (channel: string, input: unknown) => Promise<unknown>) {
  const allowed = new Set<string>(CHANNEL_NAMES);
  return {
    call(channel: string, input: unknown): Promise<ApiResult<unknown>> {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel)}".` },
        });
      }
      return invoke(channel, input) as Promise<ApiResult<unknown>>;
    },
  };
}
