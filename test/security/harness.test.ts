import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { HARNESS_LIMITS, startHarness, type Harness } from '../../electron/harness/server';

/**
 * Issue 10, class 10 (harness): the loopback harness caps every call's body (64 MiB, refused
 * from its declared length before a byte is read) and runs 4 calls at a time with 32 waiting
 * (bodies unread); beyond, 503 with Retry-After. Refusals are error values the page can show.
 */

let root: string;
let core: Core;
let harness: Harness;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'soviec-harness-'));
  const staticDir = path.join(root, 'giao-diện');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head><body>Sổ Việc</body></html>');
  core = await openCore({ dataDir: path.join(root, 'dữ-liệu') });
  harness = await startHarness({ core, staticDir, port: 0 });
});
afterAll(async () => {
  await harness.close();
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A POST to /api/call; `send` writes the body (the request is ended after it). */
function post(headers: Record<string, string | number>, send: (req: http.ClientRequest) => Promise<void>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: harness.port,
        path: '/api/call',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-soviec-token': harness.token, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    // A refused upload is cut off: the write side may see the reset after the answer arrived.
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)));
    void send(req)
      .then(() => req.end())
      .catch(() => undefined);
  });
}

const errorCode = (a: Answer): string => (JSON.parse(a.body) as { error: { code: string } }).error.code;

describe('harness limits', () => {
  it('refuses a 300 MiB body from its declared size, without reading it or growing', async () => {
    const size = 300 * 1024 * 1024;
    const mib = Buffer.alloc(1024 * 1024, 0x61);
    const rssBefore = process.memoryUsage().rss;
    let sent = 0;
    const answer = await post({ 'content-length': size }, async (req) => {
      while (sent < size && !req.destroyed) {
        sent += mib.length;
        if (!req.write(mib)) await new Promise<void>((r) => { req.once('drain', r); req.once('close', r); });
      }
    });
    const grew = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE', params: { maxMb: 64 } } });
    expect(sent).toBeLessThan(size);
    expect(grew).toBeLessThan(16);
    console.log(`300 MiB upload: refused after the client had written ${(sent / 1024 / 1024).toFixed(0)} MiB; RSS grew ${grew.toFixed(1)} MB`);
    expect(harness.stats().tooLarge).toBeGreaterThanOrEqual(1);
  });

  it('refuses a body of unstated length', async () => {
    const answer = await post({ 'transfer-encoding': 'chunked' }, async (req) => void req.write('{"name":"app.state","input":{}}'));
    expect(answer.status).toBe(411);
    expect(errorCode(answer)).toBe('LENGTH_REQUIRED');
  });

  it('holds 4 calls in flight under 50 slow parallel uploads; the rest wait or get 503 + Retry-After; nothing breaks', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'app.state', input: {} }));
    const half = Math.floor(body.length / 2);
    const slow = (): Promise<Answer> =>
      post({ 'content-length': body.length }, async (req) => {
        req.write(body.subarray(0, half));
        await new Promise((r) => setTimeout(r, 1000));
        if (!req.destroyed) req.write(body.subarray(half));
      });
    const answers = await Promise.all(Array.from({ length: 50 }, slow));
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    expect(ok.length + busy.length).toBe(50);
    for (const a of ok) expect(JSON.parse(a.body)).toMatchObject({ ok: true });
    for (const a of busy) {
      expect(a.headers['retry-after']).toBe('1');
      expect(errorCode(a)).toBe('HARNESS_BUSY');
    }
    const s = harness.stats();
    expect(s.peakInFlight).toBeLessThanOrEqual(HARNESS_LIMITS.maxInFlight);
    expect(s.peakWaiting).toBeLessThanOrEqual(HARNESS_LIMITS.maxWaiting);
    // Bodies finish a second after they start: all 50 arrive while 36 hold a turn or wait.
    expect(busy.length).toBeGreaterThan(0);
    console.log(`50 slow uploads: ${ok.length} answered, ${busy.length} told to retry; peak in flight ${s.peakInFlight}, peak waiting ${s.peakWaiting}`);
    // And it still serves.
    const after = await post({ 'content-length': body.length }, async (req) => void req.write(body));
    expect(after.status).toBe(200);
    expect(harness.stats()).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('listens on the loopback address only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
