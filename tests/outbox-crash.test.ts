/**
 * Nothing the outbox holds is lost when a process is killed (SIGKILL, no shutdown), on both
 * databases, with email going through a real SMTP server (smtp-server, on a local port):
 * - killed between commit and delivery: a process places orders (each committing its tickets email
 *   into the outbox) and dies before any worker ran; a worker started afterwards sends every one
 *   of those emails, once;
 * - killed during delivery: a worker process is killed while an SMTP server holds its message in
 *   the middle of DATA (never accepted); once the dead worker's lease has run out, another worker
 *   delivers everything, each message accepted exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { createMailer } from '../src/shared/mailer.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/test-database.ts';
import { makeTicketedEvent } from './helpers/ticketing-fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = path.join(ROOT, 'tests', 'helpers', 'outbox-child.ts');

interface Smtp {
  port: number;
  /** Accepted messages: recipient and Message-ID. */
  accepted: { to: string; messageId: string }[];
  /** While set, the next message is held in DATA forever (its sender will be killed). */
  stallNext: boolean;
  stalled: Promise<void>;
  close(): Promise<void>;
}

async function startSmtp(): Promise<Smtp> {
  let onStall!: () => void;
  const state: Smtp = {
    port: 0,
    accepted: [],
    stallNext: false,
    stalled: new Promise<void>((resolve) => (onStall = resolve)),
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      const stall = state.stallNext;
      state.stallNext = false;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stall) {
          onStall();
          return; // never answered: the message is not accepted
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        state.accepted.push({ to: session.envelope.rcptTo[0]?.address ?? '', messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '' });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as { port: number }).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

function child(args: string[]): { proc: ChildProcess; waitFor: (line: RegExp) => Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const line = out.split('\n').find((l) => w.re.test(l));
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  proc.on('exit', (code, signal) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${code ?? signal}) before "${w.re}":\n${err}`));
  });
  return {
    proc,
    waitFor: (re) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ re, resolve, reject });
        check();
      }),
  };
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

describe.each(DIALECTS)('the outbox survives SIGKILL (%s)', (dialect) => {
  let dir: string;
  let db: TestDatabase;
  let smtp: Smtp;
  const target = () => (dialect === 'postgres' ? db.url! : path.join(dir, 'crash.sqlite'));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oe-outbox-crash-'));
    db = await createTestDatabase(dialect, dialect === 'sqlite' ? { sqlitePath: path.join(dir, 'crash.sqlite') } : {});
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await db.destroy();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A worker in this process, on the same database, sending through the SMTP server. */
  async function survivorWorker(leaseMs: number) {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Open Experience <billets@oe.test>', outboxDir: '/nonexistent', logger: { info: () => undefined, error: () => undefined } });
    const app = await buildApp({ config: testConfig({ databaseUrl: db.url }), database: db, mailer, now: () => new Date() }, { outbox: { leaseMs } });
    await app.ready();
    return app;
  }

  it('delivers every email committed by a process killed before any delivery, once each', { timeout: 240_000 }, async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 100, price: 0, maxPerOrder: 1 });
    const placer = child(['place', dialect, target(), String(ev.eventId), String(ev.typeId), '40']);
    await placer.waitFor(/^placed 12$/);
    await killed(placer.proc);
    const committed = await db.db.selectFrom('orders').select('email').where('event_id', '=', ev.eventId).execute();
    expect(committed.length).toBeGreaterThanOrEqual(12);
    const pending = await db.db.selectFrom('outbox').select('key').where('kind', '=', 'ticketing.send_tickets').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(committed.length);

    const app = await survivorWorker(60_000);
    try {
      await app.outbox.drain();
    } finally {
      await app.close();
    }
    const mine = smtp.accepted.filter((m) => m.to.startsWith('crash-'));
    expect(mine.map((m) => m.to).sort()).toEqual(committed.map((o) => o.email).sort());
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(mine.length);
  });

  it('delivers what a worker killed in the middle of sending was holding, after its lease, exactly once', { timeout: 240_000 }, async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 100, price: 0, maxPerOrder: 1 });
    // Orders placed with no worker running: their emails wait in the outbox.
    const placer = child(['place', dialect, target(), String(ev.eventId), String(ev.typeId), '5']);
    await placer.waitFor(/^placed 5$/);
    await killed(placer.proc);
    const before = smtp.accepted.length;

    const LEASE_MS = 1500;
    smtp.stallNext = true;
    const worker = child(['deliver', dialect, target(), String(smtp.port), String(LEASE_MS)]);
    await worker.waitFor(/^started$/);
    await smtp.stalled;
    await killed(worker.proc);
    const inFlight = await db.db.selectFrom('outbox').select(['key', 'attempts', 'locked_until']).where('kind', '=', 'ticketing.send_tickets').where('status', '=', 'pending').where('locked_until', 'is not', null).execute();
    expect(inFlight.length).toBeGreaterThanOrEqual(1);

    const app = await survivorWorker(LEASE_MS);
    try {
      // Within the dead worker's lease nothing of its is taken; after it, everything goes.
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 200));
      await app.outbox.drain();
    } finally {
      await app.close();
    }
    const orders = await db.db.selectFrom('orders').select('email').where('event_id', '=', ev.eventId).execute();
    const sent = smtp.accepted.slice(before).filter((m) => m.to.startsWith('crash-'));
    // Every order's email accepted exactly once (the held message was never accepted, so it is not a duplicate).
    expect(sent.map((m) => m.to).sort()).toEqual(orders.map((o) => o.email).sort());
    const left = await db.db.selectFrom('outbox').select('key').where('kind', '=', 'ticketing.send_tickets').where('status', '!=', 'done').execute();
    expect(left).toEqual([]);
  });
});
