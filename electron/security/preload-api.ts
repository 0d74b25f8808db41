import { CHANNEL_NAMES, type ApiResult } from '../../shared/contract';
import { FILE_DIALOG_KINDS, type FileDialogRequest, type YorisoiShell } from '../../shared/file-dialogs';

/** The one event main sends: the case file was locked (sleep, screen lock). */
export const LOCKED_EVENT = 'yorisoi:locked';

/**
 * What the preload exposes as `window.api`: one `call` that forwards only the contract's
 * channel names, and `onLocked`. Anything else is answered locally, never reaching the main
 * process; the renderer never gets ipcRenderer itself.
 */
export function makePreloadApi(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
  listen: (event: string, listener: () => void) => void = () => {},
) {
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
    onLocked(listener: () => void): void {
      if (typeof listener === 'function') listen(LOCKED_EVENT, () => listener());
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
