import type { ApiResult, ChannelInput, ChannelName, ChannelOutput, YorisoiApi } from '../../shared/contract';
import type { ErrorDetail } from '../../shared/errors';

/** A contract error, carried to the screen, which shows `errors.<code>` translated. */
export class ApiError extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(detail.message);
  }
  get code() {
    return this.detail.code;
  }
}

declare global {
  interface Window {
    api?: YorisoiApi;
  }
}

const TOKEN_KEY = 'yorisoi-token';

/**
 * Browser mode's token: from the address the page was opened with (`#t=…`), kept in this tab's
 * sessionStorage (it belongs to this origin, port included, and survives a reload) and taken out
 * of the address bar. Never a cookie: cookies go to every port of 127.0.0.1.
 */
export function browserToken(): string {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = hash.get('t');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode: the same contract over HTTP to the loopback host, with the page's token. */
export function httpApi(base = ''): YorisoiApi {
  const token = browserToken();
  return {
    async call(channel, input) {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yorisoi-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as ApiResult<never>;
    },
  };
}

let transport: YorisoiApi | null = null;
const lockListeners = new Set<() => void>();
let lockRelay = false;

/** Electron's preload gives window.api; otherwise browser mode. Tests may set their own. */
export function setTransport(t: YorisoiApi): void {
  transport = t;
  lockRelay = false; // the new transport gets its own relay at the next subscription
}

function getTransport(): YorisoiApi {
  transport ??= window.api ?? httpApi();
  return transport;
}

let inFlight = 0;
const settledListeners = new Set<() => void>();

/** How many calls are under way (a long import, a report, a letter being printed). */
export function callsInFlight(): number {
  return inFlight;
}

/** Runs `listener` once the next time no call is under way. */
export function whenCallsSettle(listener: () => void): () => void {
  if (inFlight === 0) {
    listener();
    return () => {};
  }
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

/** Calls a channel; returns the data or throws an ApiError with the code. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  inFlight++;
  try {
    const r = await getTransport().call(channel, input);
    if (!r.ok) throw new ApiError(r.error);
    return r.data;
  } finally {
    inFlight--;
    if (inFlight === 0) {
      const listeners = [...settledListeners];
      settledListeners.clear();
      for (const l of listeners) l();
    }
  }
}

/**
 * Electron tells the window when the shell locked the case file; browser mode never does.
 * One relay is registered with the preload; listeners come and go with the screens.
 */
export function onShellLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  if (!lockRelay) {
    lockRelay = true;
    getTransport().onLocked?.(() => lockListeners.forEach((l) => l()));
  }
  return () => lockListeners.delete(listener);
}

/** Offers bytes from a contract answer (base64) to the user as a file to save. */
export function saveBase64(filename: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
