/**
 * The stop sequence on a plain node:http server, with real sockets: responses still to be written
 * when the stop begins say `Connection: close`, and so do the answers to what idle keep-alive
 * sockets bring during the drain; new connections are refused; bytes that had arrived unread are
 * answered, not reset; a response already on its way as keep-alive is waited for; the steps run in
 * order and exit 0; a failing or stuck step still closes the database and exits 1. The real server under load: tests/graceful-shutdown.test.ts.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainConnections, gracefulShutdown, type ShutdownSteps } from './graceful-shutdown.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server whose handler waits for `release()` before answering (after writing its head when `headFirst`). */
async function heldServer(headFirst: boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const server = http.createServer(async (req, res) => {
    if (req.url === '/held') {
      if (headFirst) res.writeHead(200, { 'content-type': 'text/plain' }).write('part ');
      arrived();
      await released;
    }
    res.end('done');
  });
  servers.push(server);
  const connections = drainConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, connections, port: (server.address() as AddressInfo).port, release, arrival };
}

function get(port: number, agent: http.Agent, path: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string; localPort: number | undefined; socketClosed: Promise<void> }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        const socket = res.socket;
        const socketClosed = new Promise<void>((r) => (socket.destroyed ? r() : socket.once('close', () => r())));
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, localPort: socket.localPort, socketClosed }));
      })
      .on('error', reject);
  });
}

/** server.close() as Fastify calls it: the server has stopped listening already, so "not running" is expected. */
const serverClosed = (server: http.Server) =>
  new Promise<void>((resolve, reject) => server.close((e) => (e && (e as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(e) : resolve())));

describe('drainConnections', () => {
  it('answers the request in flight and what an idle keep-alive socket brings meanwhile, with Connection: close, and refuses new connections', async () => {
    const { server, connections, port, release, arrival } = await heldServer(false);
    const [busyAgent, idleAgent, quietAgent] = [1, 2, 3].map(() => new http.Agent({ keepAlive: true })) as [http.Agent, http.Agent, http.Agent];
    const idle = await get(port, idleAgent, '/other');
    const quiet = await get(port, quietAgent, '/other');
    expect([idle.connection, quiet.connection]).toEqual(['keep-alive', 'keep-alive']);
    const held = get(port, busyAgent, '/held');
    await arrival;

    const stopping = connections.start().then(() => serverClosed(server));
    while (server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    const refused = await new Promise<string | undefined>((resolve) => net.connect(port, '127.0.0.1').once('connect', () => resolve(undefined)).once('error', (e: NodeJS.ErrnoException) => resolve(e.code)));
    expect(refused).toBe('ECONNREFUSED');
    // The idle keep-alive socket is still open while a request is: what it brings is answered.
    const late = await get(port, idleAgent, '/other');
    expect(late).toMatchObject({ status: 200, connection: 'close', body: 'done', localPort: idle.localPort });
    release();
    const answer = await held;
    expect(answer).toMatchObject({ status: 200, connection: 'close', body: 'done' });
    await stopping;
    // Once nothing was open any more, server.close() closed the socket that stayed idle.
    await quiet.socketClosed;
    for (const agent of [busyAgent, idleAgent, quietAgent]) agent.destroy();
  });

  it('waits for a response that had already gone out as keep-alive, then its socket is closed', async () => {
    const { server, connections, port, release, arrival } = await heldServer(true);
    const held = get(port, new http.Agent({ keepAlive: true }), '/held');
    await arrival;
    const stopping = connections.start().then(() => serverClosed(server));
    while (server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const answer = await held;
    expect(answer).toMatchObject({ status: 200, connection: 'keep-alive', body: 'part done' });
    await answer.socketClosed;
    await stopping;
  });

  it('answers a request whose bytes had arrived but were not read yet when the stop began', async () => {
    const { server, connections, port } = await heldServer(false);
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (received += c));
    const ended = new Promise<string | undefined>((resolve) => {
      socket.once('close', () => resolve(undefined));
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code));
    });
    const request = 'GET /other HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    while (!received.includes('done')) await new Promise((resolve) => setTimeout(resolve, 5));
    received = '';
    // An idle keep-alive connection: the next request is written, and the stop begins in the same
    // tick, before the server had a chance to read it.
    socket.write(request);
    const stopping = connections.start().then(() => serverClosed(server));
    expect(await ended).toBeUndefined();
    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(received).toMatch(/done$/);
    await stopping;
  });
  it('does not wait for a connection that never sent a byte', async () => {
    const { server, connections, port } = await heldServer(false);
    const preconnection = net.connect(port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => preconnection.once('close', () => resolve()));
    await new Promise<void>((resolve) => preconnection.once('connect', () => resolve()));
    while ((await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)))) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await connections.start();
    await serverClosed(server);
    await closed;
  });
});

describe('gracefulShutdown', () => {
  function steps(overrides: Partial<ShutdownSteps> = {}) {
    const calls: string[] = [];
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    const run = gracefulShutdown({
      connections: { start: async () => void calls.push('drain') },
      closeApp: async () => void calls.push('app'),
      dropConnections: () => void calls.push('drop'),
      closeDatabase: async () => void calls.push('database'),
      closeMailer: () => void calls.push('mailer'),
      log: { info: (_o, msg) => void calls.push(`info: ${msg}`), error: (_o, msg) => void calls.push(`error: ${msg}`) },
      exit,
      guardMs: 200,
      ...overrides,
    });
    return { calls, exited, run };
  }

  it('drains, closes the application, the database and the mailer, and exits 0, once whatever the signals', async () => {
    const s = steps();
    await Promise.all([s.run('SIGTERM'), s.run('SIGINT')]);
    expect(await s.exited).toBe(0);
    expect(s.calls.filter((c) => !c.startsWith('info'))).toEqual(['drain', 'app', 'database', 'mailer']);
    expect(s.calls).toContain('info: database closed');
    expect(s.calls.at(-1)).toBe('info: bye');
  });

  it('still closes the database and exits 1 when the application cannot close', async () => {
    const s = steps({ closeApp: () => Promise.reject(new Error('stuck')) });
    await s.run('SIGTERM');
    expect(await s.exited).toBe(1);
    expect(s.calls).toContain('database');
    expect(s.calls).toContain('info: database closed');
  });

  it('when the guard fires, drops the connections, closes the database and exits 1', async () => {
    const s = steps({ closeApp: () => new Promise<void>(() => undefined) });
    void s.run('SIGTERM');
    expect(await s.exited).toBe(1);
    expect(s.calls.filter((c) => !c.startsWith('info'))).toEqual(['drain', expect.stringMatching(/^error: shutdown took too long/), 'drop', 'database']);
  });
});
