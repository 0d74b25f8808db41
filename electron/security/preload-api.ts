import { CHANNEL_NAMES, type ApiResult } from '../../shared/contract';
import { FILE_DIALOG_KINDS, type FileDialogRequest, type YorisoiShell } from '../../shared/file-dialogs';

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

/**
 * What the preload exposes as `window.yorisoiShell`: the native file dialogs, asked for by
 * kind. Anything but a known kind is answered locally with "cancelled".
 */
export function makePreloadShell(invoke: (request: unknown) => Promise<unknown>): YorisoiShell {
  return {
    async pickPath(request: FileDialogRequest) {
      if (!request || !(FILE_DIALOG_KINDS as readonly string[]).includes(request.kind)) return null;
      const r = await invoke({
        kind: request.kind,
        defaultName: request.defaultName,
        defaultFolder: request.defaultFolder,
      });
      return typeof r === 'string' ? r : null;
    },
  };
}
