// Opening the browser-mode address in the user's default browser, where there is one.
import { spawn as nodeSpawn } from 'node:child_process';

/**
 * The command that opens `url` in the default browser, or null where none should be tried:
 * Linux without a graphical session (xdg-open would fall back to a text browser in this
 * terminal), or YORISOI_NO_BROWSER=1. The address goes as one argument, never through a shell.
 */
export function browserCommand(url, platform = process.platform, env = process.env) {
  if (env.YORISOI_NO_BROWSER === '1') return null;
  if (platform === 'win32') return { cmd: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { cmd: 'xdg-open', args: [url] };
}

/** Tries to open `url`; never fails (a missing opener only means the user opens it by hand). */
export function openInBrowser(
  url,
  { platform = process.platform, env = process.env, spawn = nodeSpawn } = {},
) {
  const c = browserCommand(url, platform, env);
  if (!c) return false;
  try {
    const child = spawn(c.cmd, c.args, { stdio: 'ignore', detached: true, env });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
