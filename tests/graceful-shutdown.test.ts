/**
 * Stopping drops no request (issue 12, finding 10), on both databases, with real sockets: the real
 * server (`src/server.ts`) runs as a child process under keep-alive load and gets SIGTERM mid-flight.
 * - every request written before the signal gets a complete 2xx/3xx answer: no reset, no 503;
 * - a request half-sent before the signal (headers cut short, or a body still arriving) is answered
 *   once its last bytes arrive, with `Connection: close`, and its socket is then closed by the server;
 * - a connection that never sent anything (a browser's preconnection) does not hold the stop;
 * - the process closes the database, says so, and exits 0, well before the guard would fire.
 * See docs/decisions/020-graceful-shutdown.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SHUTDOWN_GUARD_MS } from '../src/graceful-shutdown.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/test-database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'src', 'server.ts');
/** Pages that read the database (the page cache is off): each takes a few milliseconds. */
const PAGES = ['/', '/events', '/contributors', '/search?q=open', '/map', '/feeds/pieces.rss', '/kinds/articles', '/about'];
const CLIENTS = 20;

interface Child {
  proc: ChildProcess;
  port: number;
  output(): string;
  waitFor(line: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<Child> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'EDITORS_EMAIL', 'TRUST_PROXY', 'APP_SECRET', 'NODE_OPTIONS', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    PAGE_CACHE_SECONDS: '0',
    RATE_LIMIT_MULTIPLIER: '100',
    SEND_WEBMENTIONS: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    for (const l of [...listeners]) l();
  };
  proc.stdout!.on('data', append);
  proc.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  const waitFor = (line: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (line.test(log)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${line} within ${timeoutMs} ms:\n${log.slice(-4000)}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  const child: Child = { proc, port, output: () => log, waitFor, exited };
  // Ready when it answers; the first start compiles with tsx and seeds the demo programme.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited during start-up:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Exchange {
  path: string;
  /** When the whole request had been handed to the operating system (undefined: never). */
  writtenAt?: number;
  status?: number;
  connection?: string;
  complete?: boolean;
  error?: string;
}

function get(port: number, agent: http.Agent, pagePath: string): Promise<Exchange> {
  const exchange: Exchange = { path: pagePath };
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pagePath, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ ...exchange, status: res.statusCode, connection: res.headers.connection, complete: res.complete }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ ...exchange, status: res.statusCode, error: error.code ?? error.message }));
    });
    req.on('finish', () => (exchange.writtenAt = Date.now()));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ ...exchange, error: error.code ?? error.message }));
  });
}

/**
 * One keep-alive client sending requests one after the other until the server closes its
 * connection, refuses it, or the client has sent its first request after the signal.
 */
async function keepAliveClient(port: number, agent: http.Agent, first: number, signalAt: () => number): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  for (let i = first; ; i++) {
    const exchange = await get(port, agent, PAGES[i % PAGES.length]!);
    exchanges.push(exchange);
    if (exchange.error || exchange.connection === 'close' || (exchange.writtenAt ?? Infinity) >= signalAt()) return exchanges;
  }
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  complete: boolean;
  /** The server closed the connection after its answer. */
  closedByServer: boolean;
  error?: string;
}

/** A raw HTTP/1.1 connection that sends `head` now and `tail` when asked, then reads the answer to the end of the connection. */
async function halfSentRequest(port: number, head: string): Promise<{ finish(tail: string): Promise<RawResponse> }> {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let error: string | undefined;
  let ended = false;
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('end', () => (ended = true));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => socket.write(head, (e) => (e ? reject(e) : resolve())));
    socket.once('error', reject);
  });
  return {
    async finish(tail) {
      if (!error) socket.write(tail);
      await closed;
      const raw = Buffer.concat(chunks).toString('latin1');
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = (split === -1 ? raw : raw.slice(0, split)).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const body = split === -1 ? '' : raw.slice(split + 4);
      const complete =
        split !== -1 &&
        (headers['content-length'] !== undefined ? Buffer.byteLength(body, 'latin1') === Number(headers['content-length']) : headers['transfer-encoding'] === 'chunked' && body.endsWith('0\r\n\r\n'));
      return { status: Number(statusLine.split(' ')[1] ?? 0), headers, complete, closedByServer: ended, ...(error ? { error } : {}) };
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`stopping the server (${dialect})`, () => {
    let child: Child | undefined;
    let database: TestDatabase | undefined;
    let dataDir: string | undefined;

    afterEach(async () => {
      if (child && child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
      await child?.exited;
      await database?.destroy();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers every request sent before SIGTERM, closes the database and exits 0 before the guard', async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-shutdown-'));
      if (dialect === 'postgres') database = await createTestDatabase('postgres');
      child = await startServer(dataDir, database?.url);
      const { port } = child;
      const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

      // Open the keep-alive connections, and warm the pages up.
      const warm = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => get(port, agent, PAGES[i % PAGES.length]!)));
      expect(warm.map((w) => w.status)).toEqual(warm.map(() => 200));

      // Slow clients: one whose request headers are cut short, one whose body is still coming.
      const slowGet = await halfSentRequest(port, 'GET /about HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n');
      const body = 'source=https%3A%2F%2Fexample.org%2Fa&target=not-a-page-of-ours';
      const slowPost = await halfSentRequest(
        port,
        `POST /webmention HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );

      // A connection that never sends anything, as a browser's preconnection: it must not hold the stop.
      const preconnection = net.connect(port, '127.0.0.1');
      preconnection.on('error', () => undefined);
      await new Promise<void>((resolve) => preconnection.once('connect', () => resolve()));

      // Load, then SIGTERM while it is under way.
      let signalAt = Infinity;
      const clients = Array.from({ length: CLIENTS }, (_, i) => keepAliveClient(port, agent, i, () => signalAt));
      await new Promise((resolve) => setTimeout(resolve, 100));
      signalAt = Date.now();
      child.proc.kill('SIGTERM');

      await child.waitFor(/shutting down/, 20_000);
      const [get1, post1] = await Promise.all([slowGet.finish('\r\n'), slowPost.finish(body.slice(10))]);
      const exchanges = (await Promise.all(clients)).flat();
      const exit = await child.exited;
      agent.destroy();
      preconnection.destroy();
      const log = child.output();
      // What the server said besides its request lines, for the failure messages.
      const story = log
        .split('\n')
        .filter((l) => !/"msg":"(incoming request|request completed)"/.test(l))
        .join('\n')
        .slice(-4000);

      // Every request written before the signal: a complete answer, never a reset or a 503.
      const before = exchanges.filter((e) => e.writtenAt !== undefined && e.writtenAt < signalAt);
      expect(before.length).toBeGreaterThanOrEqual(CLIENTS);
      const failed = before.filter((e) => e.error || !e.complete || e.status === undefined || e.status < 200 || e.status >= 400);
      expect.soft(failed, story).toEqual([]);

      // The half-sent requests are answered once complete, with Connection: close, and their sockets closed.
      expect.soft(get1).toMatchObject({ status: 200, complete: true, closedByServer: true });
      expect.soft(get1.headers.connection).toBe('close');
      expect.soft(post1.error).toBeUndefined();
      expect.soft(post1.status).toBeGreaterThanOrEqual(200);
      expect.soft(post1.status).toBeLessThan(500);
      expect.soft(post1).toMatchObject({ complete: true, closedByServer: true });
      expect.soft(post1.headers.connection).toBe('close');

      // A clean exit, the database closed, well before the guard.
      expect.soft(exit, story).toMatchObject({ code: 0, signal: null });
      expect.soft(exit.at - signalAt).toBeLessThan(SHUTDOWN_GUARD_MS);
      expect.soft({ databaseClosed: /"msg":"database closed"/.test(log), bye: /"msg":"bye"/.test(log), guardFired: /took too long|more than 10 s/.test(log) }).toEqual({ databaseClosed: true, bye: true, guardFired: false });
    }, 120_000);
  });
}
