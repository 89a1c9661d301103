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
  /** Largest request body (bundle and Excel files travel base64-encoded). */
  maxBodyBytes?: number;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

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
  const maxBody = opts.maxBodyBytes ?? 300 * 1024 * 1024;
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
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        res.writeHead(413).end();
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
