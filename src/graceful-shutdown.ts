/**
 * Stops the site on SIGTERM/SIGINT without dropping what it was asked: no new connection is
 * accepted; every request already read (or already on its way in a connection we accepted) is
 * answered, with `Connection: close`; the keep-alive sockets left idle are closed once nothing is
 * open any more; then the workers stop, the database and the mailer close, and the process exits 0.
 * A guard ends it with 1 if that ever takes too long, after one last attempt at closing the
 * database. See docs/decisions/020-graceful-shutdown.md.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long the stop may take before the guard drops what remains and exits 1. */
export const SHUTDOWN_GUARD_MS = 10_000;
/** How long the guard still gives the database to close. */
const GUARD_DATABASE_CLOSE_MS = 2_000;
/**
 * Event-loop turns given to what reached the process before a socket may be closed: one turn reads
 * the bytes already waiting on open sockets and accepts the connections waiting in the listen
 * backlog, the next reads those (the third is a margin). A socket whose request is read is no
 * longer idle, so it is answered instead of reset.
 */
const READ_TURNS = 3;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ConnectionDrain {
  /**
   * Every response not yet begun says `Connection: close` from now on (its socket closes once it
   * is sent); what had reached the process is read; the server stops accepting connections; then
   * resolves once every request begun is answered. Idle keep-alive sockets stay open meanwhile: a
   * request they bring is answered too, with `Connection: close` — closing them is left to
   * `server.close()`, after this. Connections that never sent a byte are closed here: there is
   * nothing to answer on them, and Node counts them as busy (its guard against slow headers), so
   * `server.close()` would wait for them — a browser's unused preconnection held the stop until the guard.
   */
  start(): Promise<void>;
}

/**
 * Watches the requests of `server` (install it before `listen`) so that a shutdown can turn every
 * open connection into one that ends after its current answer.
 */
export function drainConnections(server: Server): ConnectionDrain {
  const open = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let draining = false;
  let answered: (() => void) | null = null;

  const closeWhenDone = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Prepended, so it runs before the application's own listener has written anything.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) closeWhenDone(res);
    open.add(res);
    // 'close' follows the end of every response, sent or aborted.
    res.once('close', () => {
      open.delete(res);
      if (open.size === 0) answered?.();
    });
  });

  return {
    async start() {
      if (draining) return;
      draining = true;
      for (const res of open) closeWhenDone(res);
      for (let i = 0; i < READ_TURNS; i++) await nextTurn();
      // Stop accepting, leaving the open connections alone: http.Server#close() would also close
      // the idle keep-alive ones at once, just when their clients are most likely to send on them.
      if (server.listening) NetServer.prototype.close.call(server);
      // Until every request is answered, and no new one arrived in the turns given to the last bytes.
      for (;;) {
        if (open.size > 0) await new Promise<void>((resolve) => (answered = resolve));
        for (let i = 0; i < READ_TURNS; i++) await nextTurn();
        if (open.size === 0) break;
      }
      for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
    },
  };
}

export interface ShutdownSteps {
  /** The server's requests, watched since before it listened. */
  connections: ConnectionDrain;
  /** Closes the idle sockets, waits for the last requests, stops the timers and workers (Fastify's `close()`). */
  closeApp(): Promise<void>;
  /** Forcibly destroys every remaining connection (only when the guard fires). */
  dropConnections(): void;
  closeDatabase(): Promise<void>;
  closeMailer(): void;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  exit(code: number): void;
  guardMs?: number;
}

/**
 * The stop sequence, run once whatever the number of signals: drain the connections, close the
 * application, then the database and the mailer, and exit 0 — or 1 when a step failed or the guard
 * fired (the database is closed in every case, if it can be).
 */
export function gracefulShutdown(steps: ShutdownSteps): (signal: string) => Promise<void> {
  let started = false;
  let databaseClosing: Promise<boolean> | null = null;
  const guardMs = steps.guardMs ?? SHUTDOWN_GUARD_MS;

  const closeDatabase = () =>
    (databaseClosing ??= steps.closeDatabase().then(
      () => {
        steps.log.info({}, 'database closed');
        return true;
      },
      (error: unknown) => {
        steps.log.error({ err: error }, 'could not close the database');
        return false;
      },
    ));

  return async (signal) => {
    if (started) return;
    started = true;
    steps.log.info({ signal }, 'shutting down: no new connections; answering the open requests with Connection: close');
    let exited = false;
    const exit = (code: number) => {
      if (exited) return;
      exited = true;
      clearTimeout(guard);
      steps.exit(code);
    };
    const guard = setTimeout(() => {
      steps.log.error({ guardMs }, 'shutdown took too long: dropping the remaining connections, closing the database, exiting 1');
      steps.dropConnections();
      let limitTimer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (limitTimer = setTimeout(resolve, GUARD_DATABASE_CLOSE_MS)));
      void Promise.race([closeDatabase(), limit]).then(() => {
        clearTimeout(limitTimer);
        exit(1);
      });
    }, guardMs);

    let failed = false;
    try {
      await steps.connections.start();
      steps.log.info({}, 'open requests answered; closing the idle connections');
      await steps.closeApp();
      steps.log.info({}, 'http server closed, workers stopped');
    } catch (error) {
      failed = true;
      steps.log.error({ err: error }, 'shutdown: could not close the application');
    }
    if (!(await closeDatabase())) failed = true;
    try {
      steps.closeMailer();
    } catch (error) {
      failed = true;
      steps.log.error({ err: error }, 'shutdown: could not close the mailer');
    }
    if (exited) return;
    steps.log.info({}, 'bye');
    exit(failed ? 1 : 0);
  };
}
