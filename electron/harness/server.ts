import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '../core';
import { CSP } from '../security/csp';

/**
 * Loopback web harness: serves the built renderer and the same core over HTTP on 127.0.0.1,
 * so tests and previews use a real browser. Other local pages must not drive it, so every call
 * carries a random per-run token (given to the page inside index.html) and Host/Origin must be
 * this server's own loopback address.
 */
export interface HarnessOptions {
  core: Core;
  staticDir: string;
  port: number;
  /** Largest request body (bundle and Excel files travel base64-encoded): 64 MiB. */
  maxBodyBytes?: number;
  /** Calls run at once (their bodies are read only once they run): 4. */
  maxInFlight?: number;
  /** Calls waiting for a turn, bodies unread; beyond, 503 with Retry-After: 32. */
  maxWaiting?: number;
}

/** What the limits did, for tests and the log. */
export interface HarnessStats {
  inFlight: number;
  /** The most calls ever running at once. */
  peakInFlight: number;
  waiting: number;
  peakWaiting: number;
  tooLarge: number;
  busy: number;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  stats(): HarnessStats;
  close(): Promise<void>;
}

export const HARNESS_LIMITS = { maxBodyBytes: 64 * 1024 * 1024, maxInFlight: 4, maxWaiting: 32 } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = randomBytes(32).toString('hex');
  const maxBody = opts.maxBodyBytes ?? HARNESS_LIMITS.maxBodyBytes;
  const maxInFlight = opts.maxInFlight ?? HARNESS_LIMITS.maxInFlight;
  const maxWaiting = opts.maxWaiting ?? HARNESS_LIMITS.maxWaiting;
  const stats: HarnessStats = { inFlight: 0, peakInFlight: 0, waiting: 0, peakWaiting: 0, tooLarge: 0, busy: 0 };
  const queue: Array<() => void> = [];

  /** A turn to run a call, or null when too many wait already; the release hands the turn on. */
  async function turn(): Promise<(() => void) | null> {
    if (stats.inFlight >= maxInFlight) {
      if (queue.length >= maxWaiting) return null;
      const waited = new Promise<void>((resolve) => queue.push(resolve));
      stats.waiting = queue.length;
      stats.peakWaiting = Math.max(stats.peakWaiting, queue.length);
      await waited;
      stats.waiting = queue.length;
    } else {
      stats.inFlight++;
    }
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      stats.waiting = queue.length;
      if (next) next(); // the turn passes on: inFlight stays the same
      else stats.inFlight--;
    };
  }
  const staticRoot = path.resolve(opts.staticDir);
  let port = opts.port;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const indexHtml = async (): Promise<string> => {
    const html = await fs.readFile(path.join(staticRoot, 'index.html'), 'utf8');
    return html.replace('<head>', `<head>\n    <meta name="soviec-token" content="${token}" />`);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.core.log('harness request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('wrong host');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('wrong origin');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/api/call') {
      await handleCall(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const common = {
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { ...common, 'content-type': TYPES['.html'] }).end(await indexHtml());
      return;
    }
    const file = path.resolve(staticRoot, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(staticRoot + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { ...common, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (!sameToken(req.headers['x-soviec-token'] as string | undefined, token)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('missing or wrong token');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(415).end();
      return;
    }
    // Limits before a byte of the body is read: its declared size, then a turn to run.
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!Number.isSafeInteger(declared) || declared < 0) {
      refuse(req, res, 411, 'LENGTH_REQUIRED', {});
      return;
    }
    if (declared > maxBody) {
      stats.tooLarge++;
      refuse(req, res, 413, 'REQUEST_TOO_LARGE', { maxMb: Math.round(maxBody / 1024 / 1024) });
      return;
    }
    const release = await turn();
    if (!release) {
      stats.busy++;
      refuse(req, res, 503, 'HARNESS_BUSY', {}, { 'retry-after': '1' });
      return;
    }
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        // Node's parser holds the body to Content-Length; this guards the sum anyway.
        if (size > maxBody) {
          stats.tooLarge++;
          refuse(req, res, 413, 'REQUEST_TOO_LARGE', { maxMb: Math.round(maxBody / 1024 / 1024) });
          return;
        }
        chunks.push(chunk as Buffer);
      }
      let body: { name?: unknown; input?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const result = await opts.core.windowDispatch(typeof body.name === 'string' ? body.name : '', body.input);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
    } finally {
      release();
    }
  }

  /**
   * Answers with an error value the page can show, and closes the connection: the unread body
   * is dropped with the socket instead of being read.
   */
  function refuse(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    code: 'LENGTH_REQUIRED' | 'REQUEST_TOO_LARGE' | 'HARNESS_BUSY',
    params: Record<string, number>,
    headers: Record<string, string> = {},
  ): void {
    const body = JSON.stringify({ ok: false, error: { code, messageKey: `common:errors.${code}`, params } });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close', ...headers });
    res.end(body, () => req.socket.destroy());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A window still open polls every few seconds and keeps its connection alive: on SIGTERM
        // the harness stops now instead of waiting for that window to go away.
        server.closeAllConnections();
      }),
  };
}
