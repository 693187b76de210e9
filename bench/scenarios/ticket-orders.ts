/**
 * ticket-orders: 200 connections compete for the 1,000 seats of one event, on SQLite (one app
 * instance) and on PostgreSQL (two app instances on the same scratch database), each against a bare
 * node:http baseline measured in the same run with the same connections; then the seats confirmed
 * are counted in the database and must equal the capacity.
 *
 * Per dialect, in this order:
 *  1. Seed: a published event starting in a month, registration open, capacity 1,000, one FREE
 *     'standard' ticket type (price 0, max_per_order 1), so a successful order is confirmed at once
 *     (303 to the order page) and a refused one is a 409 (sold out, the event page re-rendered).
 *     Made with the project's own commands (saveEvent, addTicketType) after migrateToLatest: on
 *     SQLite in the app server's DATA_DIR database, on PostgreSQL in a scratch database
 *     oe_bench_<random> created for the run and dropped after it. A second, smaller event takes
 *     the warm-up and the probe of the 303's size.
 *  2. Start the built server (dist/server.js) — 1 instance on SQLite, 2 on PostgreSQL (same
 *     APP_SECRET, RATE_LIMIT_MULTIPLIER=100000, default pool of 10 connections each) — and take one
 *     CSRF cookie + token pair from GET /contact (the token is per cookie: every request shares it;
 *     on PostgreSQL the pair comes from instance 1 and is accepted by instance 2 too).
 *  3. Warm-up (skipped with BENCH_WARMUP=0): the same load shape on the warm-up event (requests /
 *     5 requests for requests / 15 seats), discarded.
 *  4. The load: autocannon, `requests` POSTs in all (default 3,000, 3 × capacity), every one with its
 *     own email and one-time `key` (a setupRequest callback builds each body). On PostgreSQL the
 *     load is split: two autocannon runs in parallel, one per instance, 100 connections and 1,500
 *     requests each. Every response is recorded by the scenario (status, latency, time): 303s,
 *     409s and anything else are counted, 5xx separately.
 *  5. One more order on the sold-out event: its 409 gives the body size of a refusal. The servers
 *     are then stopped (gracefully: in-flight requests finish), and the event's orders are counted
 *     in the database: seats of confirmed orders must equal the capacity, and the number of 303s.
 *  6. Bare baseline: bare-order-server.mjs (one process per app instance, same connections and
 *     requests, same warm-up) answers the first `capacity` POSTs with a 303 and a body of the app's
 *     303 size, then 409s with the app's 409 size. Ratio = app responses/s ÷ bare responses/s.
 *
 * Orders/s = 303s ÷ time from the start to the last 303 response (as the buyers saw it; the first
 * 409, also reported, shows when the last seat was actually gone); responses/s = all responses ÷
 * time to the last response. Latencies cover every response (autocannon's
 * response events), p99 by nearest rank. A mismatch between seats confirmed and capacity fails a
 * check and prints a banner; a dialect that cannot run (no PostgreSQL) is reported as failed and the
 * other still runs.
 *
 * Environment: BENCH_TICKET_CONNECTIONS (default 200), BENCH_TICKET_CAPACITY (1000),
 * BENCH_TICKET_REQUESTS (3000, at least the connections), BENCH_TICKET_MAX_SECONDS (time cap of one
 * load, default 300), BENCH_TICKET_REQUEST_TIMEOUT (seconds before autocannon abandons a request,
 * default 60 or BENCH_REQUEST_TIMEOUT if larger: an abandoned order may still be confirmed, and its
 * latency would be missing from the p99), BENCH_TICKET_DIALECTS (default "sqlite,postgres"), BENCH_TICKET_PG_INSTANCES
 * (default 2), BENCH_POSTGRES_URL (an admin URL whose user may CREATE DATABASE; default
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP_DATA=1 keeps the scratch database too.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type Database, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ensureBaseline } from '../../src/baseline/ensure-baseline.ts';
import { addTicketType, saveEvent } from '../../src/modules/events/index.ts';
import { SMTPServer } from 'smtp-server';
import { onInterrupt } from '../cleanup.ts';
import { timingStats, type Measurement } from '../measure.ts';
import { BENCH_DIR, freePort, startAppServer, startServerProcess, type ServerProcess } from '../processes.ts';
import { toMb } from '../report.ts';
import {
  isFailure,
  mismatchBanner,
  type OrderLoadFigures,
  type TicketOrdersDetail,
  type TicketOrdersDialectResult,
} from './ticket-orders-report.ts';
import { TARGETS, type Check, type RunResult, type Scenario, type ScenarioContext, type ScenarioResult } from './types.ts';

type DialectName = 'sqlite' | 'postgres';

const BARE_ORDER_SERVER = path.join(BENCH_DIR, 'bare-order-server.mjs');
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

// ---- autocannon, as this scenario uses it (per-request bodies and response events) ----

interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

interface LoadOptions {
  url: string;
  connections: number;
  amount: number;
  /** Seconds before a request is abandoned. */
  timeout: number;
  requests: LoadRequest[];
}

interface LoadInstance extends PromiseLike<autocannon.Result> {
  stop(): void;
  on(event: 'response', listener: (client: unknown, statusCode: number | string, resBytes: number, responseTimeMs: number) => void): this;
}

const startLoad = autocannon as unknown as (options: LoadOptions) => LoadInstance;

// ---- settings ----

interface TicketSettings {
  connections: number;
  capacity: number;
  requests: number;
  maxSeconds: number;
  dialects: DialectName[];
  pgInstances: number;
  postgresUrl: string;
  timeoutSec: number;
  warmup: boolean;
}

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
  return value;
}

function readSettings(ctx: ScenarioContext): TicketSettings {
  const connections = intFromEnv('BENCH_TICKET_CONNECTIONS', 200, 2);
  const requests = intFromEnv('BENCH_TICKET_REQUESTS', 3000, connections);
  const dialects = (process.env.BENCH_TICKET_DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_TICKET_DIALECTS: unknown dialect "${d}" (sqlite, postgres)`);
  return {
    connections,
    capacity: intFromEnv('BENCH_TICKET_CAPACITY', 1000, 1),
    requests,
    maxSeconds: intFromEnv('BENCH_TICKET_MAX_SECONDS', 300, 1),
    dialects: dialects as DialectName[],
    pgInstances: intFromEnv('BENCH_TICKET_PG_INSTANCES', 2, 1),
    postgresUrl: process.env.BENCH_POSTGRES_URL || DEFAULT_POSTGRES_URL,
    // A buyer's browser waits far longer than BENCH_REQUEST_TIMEOUT's 10 s, and an abandoned order may still be
    // confirmed (the database then holds more orders than 303s): wait long enough for every answer by default.
    timeoutSec: intFromEnv('BENCH_TICKET_REQUEST_TIMEOUT', Math.max(60, ctx.settings.requestTimeoutSec), 1),
    warmup: ctx.settings.warmupSec > 0,
  };
}

/** `total` split into `parts` integers differing by at most one. */
const split = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- seeding and counting ----

interface SeededEvent {
  id: number;
  slug: string;
  typeId: number;
}

/** A published event a month ahead, open for registration, with one free standard type (max 1 per order). */
async function seedEvent(db: Db, title: string, capacity: number, now: Date): Promise<SeededEvent> {
  const startsAt = new Date(now.getTime() + 30 * 86_400_000);
  return db.transaction().execute(async (trx) => {
    const ctx = { db: trx, actor: null, now };
    const { id, slug } = await saveEvent(
      ctx,
      {
        id: null,
        defaultTicketTypes: false,
        title,
        slug: '',
        themeId: null,
        description: 'Une soirée pour mesurer la vente de billets sous concurrence.',
        venue: 'Salle des fêtes',
        address: '1 rue de la Paix, Paris',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        capacity,
        opensAt: null,
        closesAt: null,
        status: 'published',
      },
    );
    const typeId = await addTicketType(ctx, { eventId: id, kind: 'standard', name: 'Entrée libre', price: 0, quota: null, maxPerOrder: 1 });
    return { id, slug, typeId };
  });
}

/** The event's orders as stored: by status, seats of the confirmed ones, tickets issued. */
async function countOrders(db: Db, eventId: number) {
  const rows = await db
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('quantity').as('seats')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const confirmed = rows.find((r) => r.status === 'confirmed');
  const tickets = await sql<{ n: number | string }>`select count(*) as n from tickets where event_id = ${eventId}`.execute(db);
  return {
    byStatus,
    confirmedOrders: Number(confirmed?.n ?? 0),
    seatsConfirmed: Number(confirmed?.seats ?? 0),
    tickets: Number(tickets.rows[0]?.n ?? 0),
  };
}

// ---- HTTP helpers ----

interface Csrf {
  cookie: string;
  token: string;
}

/** One CSRF pair, as a browser gets it: the oe_csrf cookie and the _csrf field of a rendered form. */
async function fetchCsrf(baseUrl: string): Promise<Csrf> {
  const res = await fetch(`${baseUrl}/contact`, { signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET /contact answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => /^oe_csrf=([^;]+)/.exec(c)?.[1])
    .find((v): v is string => v !== undefined);
  const input = /<input[^>]*name="_csrf"[^>]*>/.exec(html)?.[0];
  const token = input ? /value="([^"]+)"/.exec(input)?.[1] : undefined;
  if (!cookie || !token) throw new Error(`GET /contact gave no oe_csrf cookie or no _csrf field (cookie ${cookie ? 'yes' : 'no'}, token ${token ? 'yes' : 'no'})`);
  return { cookie, token };
}

/** A load's own id, in every email and key it sends (8 hex characters). */
const newRunId = () => randomBytes(4).toString('hex');

/** Builds one order form; `n` and `run` (newRunId) make the email and the key unique. */
function orderBody(csrf: Csrf, typeId: number, run: string, n: number): string {
  const id = String(n).padStart(8, '0');
  // key: 18 characters of [A-Za-z0-9_-] (16-64 allowed); email: unique per request; the token is base64url (no escaping needed).
  if (!/^[0-9a-f]{8}$/.test(run)) throw new Error(`bad run id ${run}`);
  return `_csrf=${csrf.token}&ticket_type_id=${typeId}&quantity=1&name=Visitor+${id}&email=v${run}-${id}%40example.org&key=k${run}-${id}`;
}

/** One order, outside the load (probes): status and body size. */
async function postOrder(baseUrl: string, slug: string, csrf: Csrf, typeId: number): Promise<{ status: number; bytes: number; location: string | null }> {
  const res = await fetch(`${baseUrl}/events/${slug}/order`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `oe_csrf=${csrf.cookie}` },
    body: orderBody(csrf, typeId, newRunId(), 0),
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.length, location: res.headers.get('location') };
}

// ---- the load ----

interface LoadTarget {
  baseUrl: string;
  connections: number;
  amount: number;
}

interface OrderLoad {
  figures: OrderLoadFigures;
  measurement: Measurement;
}

/**
 * POSTs `body(n)` to `pathname` on every target at once (one autocannon run each, in parallel),
 * recording every response; stops at `maxSeconds` if the requests are not all answered by then.
 */
async function orderLoad(targets: LoadTarget[], pathname: string, headers: Record<string, string>, body: (n: number) => string, options: { timeoutSec: number; maxSeconds: number }): Promise<OrderLoad> {
  let next = 0;
  const latencies: number[] = [];
  const byStatusLatency = new Map<number, number[]>();
  const byStatus: Record<string, number> = {};
  let bytes = 0;
  let lastResponse = 0;
  let lastConfirmed: number | undefined;
  let firstRefused: number | undefined;
  const started = performance.now();
  const instances = targets.map((target) => {
    const instance = startLoad({
      url: target.baseUrl,
      connections: target.connections,
      amount: target.amount,
      timeout: options.timeoutSec,
      requests: [{ method: 'POST', path: pathname, headers, setupRequest: (request) => ({ ...request, body: body(next++) }) }],
    });
    instance.on('response', (_client, statusCode, resBytes, responseTimeMs) => {
      const now = performance.now();
      const status = Number(statusCode);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      latencies.push(responseTimeMs);
      let list = byStatusLatency.get(status);
      if (!list) byStatusLatency.set(status, (list = []));
      list.push(responseTimeMs);
      bytes += resBytes;
      lastResponse = now;
      if (status === 303) lastConfirmed = now;
      if (status === 409 && firstRefused === undefined) firstRefused = now;
    });
    return instance;
  });
  let stoppedByTimeCap = false;
  const cap = setTimeout(() => {
    stoppedByTimeCap = true;
    for (const instance of instances) instance.stop();
  }, options.maxSeconds * 1000);
  let results: autocannon.Result[];
  try {
    results = await Promise.all(instances.map((instance) => Promise.resolve(instance)));
  } finally {
    clearTimeout(cap);
  }
  const elapsedSec = lastResponse > 0 ? (lastResponse - started) / 1000 : (performance.now() - started) / 1000;
  const responses = latencies.length;
  const stats = responses ? timingStats(latencies) : undefined;
  const p99Of = (status: number) => {
    const list = byStatusLatency.get(status);
    return list?.length ? timingStats(list).p99 : null;
  };
  const errors = results.reduce((s, r) => s + r.errors, 0);
  const timeouts = results.reduce((s, r) => s + r.timeouts, 0);
  const latencyMs = stats
    ? { mean: round(stats.mean), p50: round(stats.median), p90: round(stats.p90), p99: round(stats.p99), max: round(stats.max) }
    : { mean: Number.NaN, p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const responsesPerSec = elapsedSec > 0 ? round(responses / elapsedSec, 1) : 0;
  const figures: OrderLoadFigures = {
    responses,
    byStatus,
    elapsedSec: round(elapsedSec, 3),
    responsesPerSec,
    lastConfirmedSec: lastConfirmed !== undefined ? round((lastConfirmed - started) / 1000, 3) : null,
    firstRefusedSec: firstRefused !== undefined ? round((firstRefused - started) / 1000, 3) : null,
    latencyMs,
    p99ByStatusMs: { '303': p99Of(303), '409': p99Of(409) },
    errors,
    timeouts,
    stoppedByTimeCap,
  };
  // For the shared table: 303 and 409 are the expected answers here, so only other statuses count as non2xx.
  const unexpected = Object.entries(byStatus).filter(([s]) => s !== '303' && s !== '409').reduce((sum, [, n]) => sum + n, 0);
  const measurement: Measurement = {
    rps: responsesPerSec,
    latencyMs,
    throughputBytesPerSec: elapsedSec > 0 ? Math.round(bytes / elapsedSec) : 0,
    requests: responses,
    durationSec: round(elapsedSec, 3),
    errors,
    timeouts,
    non2xx: unexpected,
    statusCodes: byStatus,
  };
  return { figures, measurement };
}

// ---- one dialect ----

interface DialectOutcome {
  result: TicketOrdersDialectResult;
  runs: Record<string, RunResult>;
  notes: string[];
}

interface Storage {
  /** Opens the database the servers use (for seeding and counting). */
  open(): Database;
  /** Environment of app instance i. */
  server(i: number): { dataDir: string; databaseUrl?: string };
  describe: string;
  cleanup(): Promise<void>;
}

async function prepareStorage(ctx: ScenarioContext, dialect: DialectName, s: TicketSettings): Promise<Storage> {
  const root = path.join(ctx.dataDir, `ticket-orders-${dialect}`);
  mkdirSync(root, { recursive: true });
  const keep = process.env.BENCH_KEEP_DATA === '1';
  const removeRoot = async () => {
    if (!keep) rmSync(root, { recursive: true, force: true });
  };
  if (dialect === 'sqlite') {
    const sqlitePath = path.join(root, 'open-experience.sqlite');
    return {
      open: () => createDatabase({ sqlitePath }),
      server: () => ({ dataDir: root }),
      describe: sqlitePath,
      cleanup: removeRoot,
    };
  }
  const name = `oe_bench_${randomBytes(6).toString('hex')}`;
  const admin = new URL(s.postgresUrl);
  const adminQuery = async (text: string) => {
    const client = new pg.Client({ connectionString: s.postgresUrl, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`create database "${name}"`);
  const drop = async () => {
    if (keep) {
      ctx.log(`ticket-orders: kept the PostgreSQL database ${name}`);
      return;
    }
    await adminQuery(`drop database if exists "${name}" with (force)`);
  };
  const unregister = onInterrupt(drop);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    open: () => createDatabase({ databaseUrl, sqlitePath: ':memory:' }),
    server: (i) => {
      const dataDir = path.join(root, `instance-${i + 1}`);
      mkdirSync(dataDir, { recursive: true });
      return { dataDir, databaseUrl };
    },
    describe: `${admin.host}/${name} (scratch, dropped after the run)`,
    cleanup: async () => {
      try {
        await drop();
        unregister();
      } finally {
        await removeRoot();
      }
    },
  };
}

/** A local SMTP server that accepts every message and counts them (the outbox delivers to it). */
async function startSmtpSink(): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, accepted: () => accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Effects of the outbox not delivered yet (pending), as the database holds them. */
async function pendingEffects(db: Db): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from outbox where status = 'pending'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function runDialect(ctx: ScenarioContext, dialect: DialectName, s: TicketSettings): Promise<DialectOutcome> {
  const instances = dialect === 'sqlite' ? 1 : s.pgInstances;
  if (s.connections < instances) throw new Error(`${s.connections} connections cannot be split between ${instances} instances`);
  const connections = split(s.connections, instances);
  const amounts = split(s.requests, instances);
  amounts.forEach((a, i) => {
    if (a < connections[i]!) throw new Error(`BENCH_TICKET_REQUESTS (${s.requests}) must give each instance at least one request per connection`);
  });
  const warmupRequests = Math.max(s.connections, Math.round(s.requests / 5));
  const warmupSeats = Math.max(1, Math.round(s.requests / 15));
  const notes: string[] = [];
  const label = dialect === 'sqlite' ? 'SQLite, 1 instance' : `PostgreSQL, ${instances} instances`;

  const storage = await prepareStorage(ctx, dialect, s);
  const servers: ServerProcess[] = [];
  const smtp = await startSmtpSink();
  try {
    // 1. Seed through the project's commands, on a migrated database.
    const now = new Date();
    const seeding = storage.open();
    let main: SeededEvent;
    let warm: SeededEvent;
    try {
      await migrateToLatest(seeding);
      await ensureBaseline(seeding.db, now);
      main = await seedEvent(seeding.db, 'Soirée du benchmark : mille places', s.capacity, now);
      // One seat more per instance: each takes a probe order before the warm-up.
      warm = await seedEvent(seeding.db, 'Soirée du benchmark : échauffement', warmupSeats + instances, now);
    } finally {
      await seeding.close();
    }
    ctx.log(`ticket-orders (${label}): event "${main.slug}" with ${s.capacity} free seats in ${storage.describe}`);

    // 2. The app instances, sharing one APP_SECRET (CSRF tokens are signed with it).
    const appSecret = randomBytes(32).toString('hex');
    for (let i = 0; i < instances; i++) {
      const env = storage.server(i);
      const server = await startAppServer({
        name: `app (ticket-orders, ${dialect} ${i + 1})`,
        dataDir: env.dataDir,
        ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}),
        extraEnv: { APP_SECRET: appSecret, RATE_LIMIT_MULTIPLIER: '100000', SMTP_URL: smtp.url },
        // BENCH_CPU_PROF=1: a V8 profile of each instance, kept in the data directory.
        ...(process.env.BENCH_CPU_PROF === '1' ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${path.join(ctx.dataDir, 'cpu-profiles')}`] } : {}),
      });
      servers.push(server);
      ctx.log(`ticket-orders (${label}): app instance ${i + 1} pid ${server.pid} at ${server.baseUrl}`);
    }
    const csrf = await fetchCsrf(servers[0]!.baseUrl);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: `oe_csrf=${csrf.cookie}` };
    const loadOptions = { timeoutSec: s.timeoutSec, maxSeconds: s.maxSeconds };
    const appTargets = (amount: number[]) => servers.map((server, i) => ({ baseUrl: server.baseUrl, connections: connections[i]!, amount: amount[i]! }));

    // The size of a 303 (and a check that an order goes through on every instance), on the warm-up event.
    let bytes303 = 0;
    for (const server of servers) {
      const probe = await postOrder(server.baseUrl, warm.slug, csrf, warm.typeId);
      if (probe.status !== 303) throw new Error(`a probe order on ${server.baseUrl} answered ${probe.status}, not 303`);
      bytes303 = probe.bytes;
    }

    // 3. Warm-up on the other event (discarded).
    if (s.warmup) {
      ctx.log(`ticket-orders (${label}): warm-up, ${warmupRequests} orders for ${warmupSeats} seats`);
      const run = newRunId();
      await orderLoad(appTargets(split(warmupRequests, instances)), `/events/${warm.slug}/order`, headers, (n) => orderBody(csrf, warm.typeId, run, n), loadOptions);
      await sleep(500);
    }

    // 4. The measured load.
    ctx.log(`ticket-orders (${label}): ${s.requests} orders from ${s.connections} connections for ${s.capacity} seats`);
    for (const server of servers) server.resetPeakMemory();
    const run = newRunId();
    const app = await orderLoad(appTargets(amounts), `/events/${main.slug}/order`, headers, (n) => orderBody(csrf, main.typeId, run, n), loadOptions);
    const memories = servers.map((server) => server.memory());
    for (const server of servers) {
      const died = server.exitInfo();
      if (died) throw new Error(`${server.name} exited during the run (code ${died.code}, signal ${died.signal}):\n${died.output}`);
    }

    // 5. The outbox: how many emails were still waiting when the last response came, and how fast
    // the instances' workers drain them to the local SMTP server.
    const watching = storage.open();
    const outbox = { pendingAtEnd: 0, drainSec: 0, perSec: 0, accepted: 0, left: 0 };
    try {
      outbox.pendingAtEnd = await pendingEffects(watching.db);
      const drainStart = performance.now();
      let left = outbox.pendingAtEnd;
      while (left > 0 && performance.now() - drainStart < 180_000) {
        await sleep(100);
        left = await pendingEffects(watching.db);
      }
      outbox.drainSec = round((performance.now() - drainStart) / 1000, 2);
      outbox.perSec = outbox.drainSec > 0 ? round(outbox.pendingAtEnd / outbox.drainSec, 1) : 0;
      outbox.left = left;
      outbox.accepted = smtp.accepted();
      ctx.log(`ticket-orders (${label}): outbox ${outbox.pendingAtEnd} waiting at the end of the load, drained in ${outbox.drainSec} s (${outbox.perSec}/s), ${outbox.accepted} emails accepted`);
    } finally {
      await watching.close();
    }

    // 6. A refusal's size, then stop (in-flight requests finish) and count in the database.
    const refusal = await postOrder(servers.at(-1)!.baseUrl, main.slug, csrf, main.typeId);
    if (refusal.status !== 409) notes.push(`${dialect}: an order after the load answered ${refusal.status}, not 409 (sold out)`);
    const bytes409 = refusal.status === 409 ? refusal.bytes : 0;
    await Promise.all(servers.map((server) => server.stop(15_000)));
    const counting = storage.open();
    let counted: Awaited<ReturnType<typeof countOrders>>;
    try {
      counted = await countOrders(counting.db, main.id);
    } finally {
      await counting.close();
    }

    // 6. The bare baseline: same targets, same statuses and sizes.
    const seatsPerBare = split(s.capacity, instances);
    const bares: ServerProcess[] = [];
    let bare: OrderLoad;
    try {
      for (let i = 0; i < instances; i++) {
        const port = await freePort();
        bares.push(
          await startServerProcess({
            name: 'bare (orders)',
            args: [BARE_ORDER_SERVER, String(seatsPerBare[i]), String(bytes303), String(bytes409 || bytes303), String(port), '127.0.0.1'],
            port,
            env: process.env,
          }),
        );
      }
      const bareTargets = (amount: number[]) => bares.map((server, i) => ({ baseUrl: server.baseUrl, connections: connections[i]!, amount: amount[i]! }));
      const bareRun = newRunId();
      const bareBody = (n: number) => orderBody(csrf, main.typeId, bareRun, n);
      ctx.log(`ticket-orders (${label}): bare node:http, 303 of ${bytes303} B then 409 of ${bytes409} B`);
      if (s.warmup) {
        await orderLoad(bareTargets(split(warmupRequests, instances)), '/order', headers, bareBody, loadOptions);
        for (const b of bares) await (await fetch(`${b.baseUrl}/__reset`)).arrayBuffer();
      }
      bare = await orderLoad(bareTargets(amounts), '/order', headers, bareBody, loadOptions);
    } finally {
      await Promise.all(bares.map((b) => b.stop()));
    }

    // The figures.
    const byStatus = app.figures.byStatus;
    const confirmed303 = byStatus['303'] ?? 0;
    const refused409 = byStatus['409'] ?? 0;
    const unexpected = Object.fromEntries(Object.entries(byStatus).filter(([status]) => status !== '303' && status !== '409'));
    const status5xx = Object.entries(byStatus).filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
    const probeConfirmed = refusal.status === 303 ? 1 : 0;
    const seatsMatch = counted.seatsConfirmed === s.capacity;
    // An order whose request autocannon abandoned (timeout) may still be confirmed: then the database holds more than the 303s.
    if (counted.confirmedOrders !== confirmed303 + probeConfirmed) {
      notes.push(`${dialect}: ${counted.confirmedOrders} confirmed orders in the database for ${confirmed303} 303s received${probeConfirmed ? ' (+1 probe)' : ''}${app.figures.timeouts ? ` (${app.figures.timeouts} requests abandoned after ${s.timeoutSec} s)` : ''}`);
    }
    const peakRssMb = memories.map((m) => (m ? toMb(m.peakRssBytes) : Number.NaN));
    const lifetimePeakRssMb = memories.map((m) => (m ? toMb(m.lifetimePeakRssBytes ?? m.peakRssBytes) : Number.NaN));
    const ordersPerSec = app.figures.lastConfirmedSec ? round(confirmed303 / app.figures.lastConfirmedSec, 1) : 0;
    const ratio = bare.figures.responsesPerSec > 0 ? round(app.figures.responsesPerSec / bare.figures.responsesPerSec, 3) : 0;
    const result: TicketOrdersDialectResult = {
      dialect,
      instances,
      connections: s.connections,
      capacity: s.capacity,
      requests: s.requests,
      requestTimeoutSec: s.timeoutSec,
      app: app.figures,
      bare: bare.figures,
      confirmed303,
      refused409,
      unexpected,
      status5xx,
      ordersPerSec,
      responsesPerSec: app.figures.responsesPerSec,
      ratio,
      seatsConfirmed: counted.seatsConfirmed,
      confirmedOrders: counted.confirmedOrders,
      ticketsIssued: counted.tickets,
      ordersByStatus: counted.byStatus,
      seatsMatch,
      bodyBytes: { '303': bytes303, '409': bytes409 },
      peakRssMb,
      lifetimePeakRssMb,
      database: storage.describe,
      outbox,
    };
    if (app.figures.stoppedByTimeCap) notes.push(`${dialect}: stopped by the ${s.maxSeconds} s cap before every request was answered`);
    if (confirmed303 + refused409 + Object.values(unexpected).reduce((a, b) => a + b, 0) < s.requests) {
      notes.push(`${dialect}: ${s.requests - app.figures.responses} of ${s.requests} requests got no response (${app.figures.errors} errors, ${app.figures.timeouts} timeouts after ${s.timeoutSec} s)`);
    }
    if (Object.keys(unexpected).length) notes.push(`${dialect}: unexpected statuses ${JSON.stringify(unexpected)}`);
    if (counted.tickets !== counted.seatsConfirmed) notes.push(`${dialect}: ${counted.tickets} tickets issued for ${counted.seatsConfirmed} confirmed seats`);
    if (probeConfirmed) notes.push(`${dialect}: the order sent after the load was confirmed (303): the event was not sold out`);
    const banner = mismatchBanner(result);
    if (banner) {
      notes.push(banner);
      ctx.log(banner);
    }
    const target = `POST /events/…/order, ${s.requests} orders, ${s.capacity} seats`;
    const maxRss = Math.max(...peakRssMb);
    return {
      result,
      notes,
      runs: {
        [`${dialect} app (${instances}×${connections[0]})`]: { target, bodyBytes: bytes409, measurement: app.measurement, memory: { peakRssMb: maxRss, rssMb: Math.max(...memories.map((m) => (m ? toMb(m.rssBytes) : Number.NaN))) } },
        [`${dialect} bare (${instances}×${connections[0]})`]: { target: 'bare node:http, 303 then 409', bodyBytes: bytes409, measurement: bare.measurement },
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop(5000)));
    await smtp.close();
    await storage.cleanup().catch((error: unknown) => ctx.log(`ticket-orders: clean-up of ${dialect} failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

function dialectChecks(d: TicketOrdersDialectResult): Check[] {
  const maxRss = Math.max(...d.peakRssMb);
  return [
    { name: `${d.dialect} seats confirmed (database)`, target: `= capacity ${d.capacity}`, value: d.seatsConfirmed, pass: d.seatsMatch },
    { name: `${d.dialect} 303s (orders confirmed)`, target: `= ${d.capacity}`, value: d.confirmed303, pass: d.confirmed303 === d.capacity },
    { name: `${d.dialect} 5xx responses`, target: '0', value: d.status5xx, pass: d.status5xx === 0 },
    { name: `${d.dialect} requests unanswered (errors, timeouts)`, target: '0', value: d.requests - d.app.responses, pass: d.app.responses === d.requests && d.app.errors === 0 },
    { name: `${d.dialect} answered orders/s`, target: `>= ${TARGETS.ordersPerSec[d.dialect]}`, value: d.ordersPerSec, pass: d.ordersPerSec >= TARGETS.ordersPerSec[d.dialect] },
    { name: `${d.dialect} refusals (409) p99 ms`, target: `< ${TARGETS.refusalP99Ms}`, value: d.app.p99ByStatusMs['409'] ?? Number.NaN, pass: (d.app.p99ByStatusMs['409'] ?? Infinity) < TARGETS.refusalP99Ms },
    { name: `${d.dialect} emails left in the outbox`, target: '0', value: d.outbox.left, pass: d.outbox.left === 0 },
    { name: `${d.dialect} app/bare responses/s`, target: `>= ${TARGETS.minRatio}`, value: d.ratio, pass: d.ratio >= TARGETS.minRatio },
    { name: `${d.dialect} server peak RSS MB in run`, target: `< ${TARGETS.maxRssMb}`, value: maxRss, pass: maxRss < TARGETS.maxRssMb },
  ];
}

export const ticketOrdersScenario: Scenario = {
  name: 'ticket-orders',
  needs: {},
  async run(ctx): Promise<ScenarioResult> {
    const s = readSettings(ctx);
    const details: TicketOrdersDetail[] = [];
    const runs: Record<string, RunResult> = {};
    const checks: Check[] = [];
    const notes: string[] = [];
    for (const dialect of s.dialects) {
      try {
        const outcome = await runDialect(ctx, dialect, s);
        details.push(outcome.result);
        Object.assign(runs, outcome.runs);
        checks.push(...dialectChecks(outcome.result));
        notes.push(...outcome.notes);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.log(`ticket-orders: ${dialect} failed: ${message}`);
        details.push({ dialect, error: message });
        checks.push({ name: `${dialect} measured`, target: 'yes', value: 0, pass: false });
        notes.push(`!!! ${dialect.toUpperCase()} NOT MEASURED: ${message.split('\n')[0]} !!!`);
      }
    }
    if (details.every(isFailure)) throw new Error(`no dialect could be measured: ${details.map((d) => (isFailure(d) ? `${d.dialect}: ${d.error.split('\n')[0]}` : '')).join('; ')}`);
    return {
      description:
        `${s.connections} connections POST ${s.requests} free-ticket orders (distinct emails and keys) for ${s.capacity} seats of one event; ` +
        `SQLite on 1 instance, PostgreSQL on ${s.pgInstances} instances sharing the load; vs bare node:http answering 303 then 409 with the same sizes`,
      runs,
      checks,
      ...(notes.length ? { notes } : {}),
      details: { ticketOrders: details },
    };
  },
};
