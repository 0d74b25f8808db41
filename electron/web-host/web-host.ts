import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import type { Dispatcher } from '../ipc/dispatcher';

export interface WebHost {
  url: string;
  /** the address to open: it carries the token in its fragment (never sent to any server) */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** the built renderer (dist/renderer); absent → API only */
  staticDir?: string;
  port?: number;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
};
const MAX_BODY = 20 * 1024 * 1024;

const isLoopback = (addr: string | undefined) =>
  addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';

function sameToken(a: string | undefined, token: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(token);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** A coded answer (the page translates `errors.<code>`), never a bare 500. */
function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json');
}

/** `%zz` and other broken escapes are the caller's mistake: null, not a URIError. */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1 only, for machines without an
 * Electron binary and for the end-to-end tests. A random token per run guards every API call,
 * repeated in a header. The page gets it from the address it is opened with (in the fragment,
 * which no browser sends to a server) and keeps it in sessionStorage, which belongs to this
 * origin — scheme, host **and port**. There is no cookie: cookies ignore ports, so one set here
 * would be sent to every other server on 127.0.0.1 (issue 16). The page and its scripts are the
 * app's public build and are served without the token; they hold nothing until the API answers.
 * Requests from other addresses or for another Host are refused.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  let hostHeader = '';

  const server = createServer(async (req, res) => {
    try {
      if (!isLoopback(req.socket.remoteAddress)) return send(res, 403, 'loopback only');
      if (req.headers.host !== hostHeader) return send(res, 421, 'wrong host'); // DNS rebinding
      const url = new URL(req.url ?? '/', `http://${hostHeader}`);

      const path = decodePath(url.pathname);
      if (path === null) return sendError(res, 400, 'INVALID_INPUT', 'The address is not valid.');

      if (path.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        if (!sameToken(req.headers['x-yorisoi-token'] as string | undefined, token)) {
          return sendError(
            res,
            401,
            'TOKEN_REQUIRED',
            'Open the address printed at start (it carries the token).',
          );
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch {
          return sendError(res, 400, 'INVALID_INPUT', 'The body is not JSON.');
        }
        const result = await opts.dispatcher.dispatch(path.slice(5), input);
        return send(res, 200, JSON.stringify(result), 'application/json');
      }

      if (req.method !== 'GET') return send(res, 405, 'GET only');
      if (!opts.staticDir) return send(res, 404, 'no renderer built');
      const rel = path === '/' ? 'index.html' : path.slice(1);
      const file = normalize(join(opts.staticDir, rel));
      if (!file.startsWith(normalize(opts.staticDir) + sep)) return send(res, 403, 'outside');
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return send(res, 404, 'not found');
      }
      return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      if (!res.headersSent) send(res, 500, 'internal error');
    }
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  const url = `http://${hostHeader}/`;
  return {
    url,
    openUrl: `${url}#t=${token}`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
