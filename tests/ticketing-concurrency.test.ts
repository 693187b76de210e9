/**
 * Overselling under load, in the style of pretix's tests: many buyers race for the last seats and
 * the database, not luck, decides who wins.
 *
 * - CONTROL: the same race through a naive order (count the seats held, then insert, in separate
 *   statements, as a check-then-write implementation would) must oversell — otherwise this file
 *   could not tell working seat counters from a test that never races.
 * - The real thing, over HTTP on real ports: 200 visitors (each with their own CSRF cookie and
 *   form key, read from the event page like a browser) order 50 seats at once. On PostgreSQL the
 *   requests are split across TWO app instances, each with its own connection pool on the same
 *   database — the way the platform is deployed behind a load balancer. Exactly 50 win, the
 *   others get the 409 "sold out" page, no 5xx, and a sampler watching the database during the
 *   storm never sees more seats held than the capacity.
 * - Paid seats: reservations hold seats; payments (recorded concurrently and twice each) book the
 *   ledger once; a reservation that ran out frees its seat for the next buyer, and a payment that
 *   comes too late is not allowed to oversell.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { createDatabase, type Database, type Dialect } from '../src/db/database.ts';
import { orderTickets, recordPayment, type OrderInput } from '../src/modules/events/index.ts';
/** The manual provider's default payment term (PAYMENT_TERM_DAYS=7): how long an unpaid transfer order holds its seats. */
const PAYMENT_TERM_MS = 7 * 24 * 3_600_000;
import { accountBalances, ledgerTotal } from '../src/modules/ledger/index.ts';
import { RecordingMailer } from './helpers/recording-mailer.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/test-database.ts';
import { formKey, makeTicketedEvent, ordersByStatus, placedOrder, seatCounterDrift, seatsHeld, T0, type TicketedEvent } from './helpers/ticketing-fixtures.ts';
import { makeUser } from './factories/index.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function orderInput(ev: TicketedEvent, i: number, tag: string): OrderInput {
  return {
    eventId: ev.eventId,
    ticketTypeId: ev.typeId,
    quantity: 1,
    name: `Buyer ${tag} ${i}`,
    email: `buyer-${tag}-${i}@example.org`,
    offered: null,
    invitationCode: null,
    idempotencyKey: `order:${formKey()}`,
    provider: 'manual',
    lang: 'fr',
  };
}

/**
 * The naive way to sell a seat, for the control: read how many seats are held, and if one is
 * free, insert a confirmed order — two statements, with the awaits of a real app between them.
 */
async function naiveOrder(db: Database['db'], ev: TicketedEvent, i: number, tag: string): Promise<void> {
  const capacity = (await db.selectFrom('events').select('capacity').where('id', '=', ev.eventId).executeTakeFirstOrThrow()).capacity;
  if ((await seatsHeld(db, ev.eventId, T0)) >= capacity) throw Object.assign(new Error('sold out'), { code: 'sold_out' });
  const now = T0.toISOString();
  await db
    .insertInto('orders')
    .values({ public_id: formKey(), event_id: ev.eventId, ticket_type_id: ev.typeId, user_id: null, contributor_id: null, name: `Naive ${tag} ${i}`, email: `naive-${tag}-${i}@example.org`, quantity: 1, unit_price: 0, total: 0, invitation_code_id: null, status: 'confirmed', provider: 'free', provider_ref: null, provider_payment_ref: null, reserved_until: null, refund_due: 0, idempotency_key: `naive:${formKey()}`, created_at: now, updated_at: now })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// CONTROL: the naive path oversells; the same harness with the lock does not.
// ---------------------------------------------------------------------------------------------

describe.each(DIALECTS)('ticketing race, in process (%s)', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db.destroy());

  const race = async (ev: TicketedEvent, n: number, tag: string, naive: boolean) => {
    const results = await Promise.allSettled(range(n).map((i) => (naive ? naiveOrder(db.db, ev, i, tag) : orderTickets({ db: db.db, actor: null, now: T0 }, orderInput(ev, i, tag)))));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code ?? String(r.reason));
    return { created: results.filter((r) => r.status === 'fulfilled').length, failures, held: await seatsHeld(db.db, ev.eventId, T0) };
  };

  it('CONTROL: a naive check-then-write oversells a 5-seat event', async () => {
    // On SQLite the one connection runs statements one at a time, but the awaits between the
    // availability read and the insert let every racing order read "5 free" before any writes;
    // on PostgreSQL the pool runs them in parallel. Either way the naive check-then-write loses.
    // Should a run happen not to race (it has not been seen), try again with more buyers.
    const tries: { buyers: number; held: number }[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const buyers = 40 * 2 ** attempt;
      const ev = await makeTicketedEvent(db.db, { capacity: 5, price: 0, maxPerOrder: 1 });
      const r = await race(ev, buyers, `control${attempt}`, true);
      // Whatever the naive path does, it never errors out: it only fails to refuse.
      expect(r.failures.filter((code) => code !== 'sold_out')).toEqual([]);
      tries.push({ buyers, held: r.held });
      if (r.held > 5) break;
    }
    console.info(`[${dialect}] control, naive check-then-write: ${tries.map((t) => `${t.buyers} buyers → ${t.held} seats held of 5`).join('; ')}`);
    expect(tries.at(-1)!.held).toBeGreaterThan(5);
  });

  it('the same race through orderTickets sells exactly the capacity, and the seat counters agree with the orders', async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 5, price: 0, maxPerOrder: 1 });
    const r = await race(ev, 40, 'guarded', false);
    expect(r.created).toBe(5);
    expect(r.failures).toHaveLength(35);
    expect(new Set(r.failures)).toEqual(new Set(['sold_out']));
    expect(r.held).toBe(5);
    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ confirmed: 5 });
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
  });

  // OrderInput.idempotencyKey: "a double click or a retry returns the same order". Copies racing
  // past the first look-up meet at the unique index: the insert does nothing and the first order
  // is returned, with whatever the copy took given back.
  it('the same idempotency key sent three times at once returns one order', async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 10, price: 0, maxPerOrder: 4 });
    const input = orderInput(ev, 0, 'idem');
    // Warm the pool (PostgreSQL) so that no copy waits for a new connection while the others finish.
    await Promise.all(range(10).map(() => sql`select 1`.execute(db.db)));
    const results = await Promise.allSettled(range(3).map(() => orderTickets({ db: db.db, actor: null, now: T0 }, input)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String((r.reason as Error).message ?? r.reason).slice(0, 200));
    expect(rejected).toEqual([]);
    const placed = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ id: number; created: boolean }>).value);
    expect(new Set(placed.map((p) => p.id)).size).toBe(1);
    expect(placed.filter((p) => p.created)).toHaveLength(1);
    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ confirmed: 1 });
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
  });

  it('orders of several seats racing for the last ones, spread over the seat buckets, never oversell', async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 11, price: 0, maxPerOrder: 4 });
    const results = await Promise.allSettled(
      range(30).map((i) => orderTickets({ db: db.db, actor: null, now: T0 }, { ...orderInput(ev, i, 'multi'), quantity: 1 + (i % 4) })),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code);
    expect(new Set(failures)).toEqual(new Set(['sold_out']));
    // However the orders interleave, the seats held never pass the capacity, and the buckets agree with the orders.
    const held = await seatsHeld(db.db, ev.eventId, T0);
    expect(held).toBeLessThanOrEqual(11);
    expect(held).toBeGreaterThan(0);
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
  });

  it('cancelling an evening while orders race leaves no active order and no seat held', async () => {
    const { cancelEvent } = await import('../src/modules/events/ticketing/commands/cancel-event.ts');
    const ev = await makeTicketedEvent(db.db, { capacity: 40, price: 0, maxPerOrder: 1 });
    const admin = { id: 1, role: 'admin' as const, displayName: 'A', contributorId: null };
    const orders = range(30).map((i) => orderTickets({ db: db.db, actor: null, now: T0 }, orderInput(ev, i, 'cancel-race')));
    const cancelling = cancelEvent({ db: db.db, actor: admin, now: T0 }, { eventId: ev.eventId });
    await Promise.allSettled([...orders, cancelling]);
    expect(await seatsHeld(db.db, ev.eventId, T0)).toBe(0);
    const active = await db.db.selectFrom('orders').select('id').where('event_id', '=', ev.eventId).where('status', 'in', ['reserved', 'confirmed', 'paid']).execute();
    expect(active).toEqual([]);
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
  });

  it('a reservation that ran out no longer holds its seat (boundary: reserved_until itself)', async () => {
    const ev = await makeTicketedEvent(db.db, { capacity: 1, price: 1500, maxPerOrder: 1 });
    const deps = (now: Date) => ({ db: db.db, actor: null, now });
    const first = placedOrder(await orderTickets(deps(T0), orderInput(ev, 0, 'expiry')));
    expect(first.status).toBe('reserved');
    // A manual (transfer) order holds its seat for the payment term: 7 days by default (docs/decisions/024).
    const until = new Date(T0.getTime() + PAYMENT_TERM_MS);
    const row = await db.db.selectFrom('orders').select('reserved_until').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.reserved_until).toBe(until.toISOString());

    // One millisecond before the end, the seat is still held.
    await expect(orderTickets(deps(new Date(until.getTime() - 1)), orderInput(ev, 1, 'expiry'))).rejects.toMatchObject({ code: 'sold_out' });
    expect(await seatsHeld(db.db, ev.eventId, new Date(until.getTime() - 1))).toBe(1);
    // At reserved_until it is free again, and exactly one of several racing buyers gets it.
    const later = await Promise.allSettled(range(6).map((i) => orderTickets(deps(until), orderInput(ev, 10 + i, 'expiry'))));
    expect(later.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await seatsHeld(db.db, ev.eventId, until)).toBe(1);
    // A buyer's share counts a reservation until it runs out: then they may order again.
    const ev2 = await makeTicketedEvent(db.db, { capacity: 2, price: 1500, maxPerOrder: 1 });
    const buyer = await makeUser(db.db, 'member', { email: `again-${formKey()}@example.org` });
    const asBuyer = (now: Date) => ({ db: db.db, actor: buyer.actor, now });
    const again = { ...orderInput(ev2, 0, 'again'), email: buyer.email };
    await orderTickets(asBuyer(T0), again);
    await expect(orderTickets(asBuyer(T0), { ...again, idempotencyKey: `order:${formKey()}` })).rejects.toMatchObject({ code: 'already_registered' });
    expect(placedOrder(await orderTickets(asBuyer(until), { ...again, idempotencyKey: `order:${formKey()}` })).status).toBe('reserved');
    for (const e of [ev, ev2]) expect(await seatCounterDrift(db.db, e.eventId)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Over HTTP, on real ports: one instance on SQLite, two instances (two pools) on PostgreSQL.
// ---------------------------------------------------------------------------------------------

interface Instance {
  app: FastifyInstance;
  base: string;
  database: Database;
  mailer: RecordingMailer;
}

interface Cluster {
  db: TestDatabase;
  /** A connection of the test's own, not any instance's, to watch the seats during a storm. */
  observer: Database;
  instances: Instance[];
  clock: { now: Date };
  close(): Promise<void>;
}

async function startCluster(dialect: Dialect): Promise<Cluster> {
  const clock = { now: T0 };
  let dir: string | undefined;
  let db: TestDatabase;
  let databases: Database[];
  let observer: Database;
  if (dialect === 'sqlite') {
    // A file with WAL, as in production; one instance (better-sqlite3 is synchronous: two
    // instances in one process would block each other's event loop on the file lock).
    dir = mkdtempSync(path.join(os.tmpdir(), 'oe-race-'));
    db = await createTestDatabase('sqlite', { sqlitePath: path.join(dir, 'race.sqlite') });
    databases = [db];
    // Its own connection on the file: WAL readers see committed state without waiting in the
    // app's connection queue.
    observer = createDatabase({ sqlitePath: path.join(dir, 'race.sqlite') });
  } else {
    db = await createTestDatabase('postgres');
    databases = [0, 1].map(() => createDatabase({ databaseUrl: db.url, sqlitePath: '', poolSize: 10 }));
    observer = db;
  }
  const instances: Instance[] = [];
  for (const database of databases) {
    const mailer = new RecordingMailer();
    const app = await buildApp({ config: testConfig({ databaseUrl: db.url, logLevel: process.env.RACE_LOG_LEVEL ?? 'silent' }), database, mailer, now: () => clock.now });
    await app.listen({ port: 0, host: '127.0.0.1' });
    // Every instance delivers the outbox, as in production.
    app.outbox.start();
    const { port } = app.server.address() as AddressInfo;
    instances.push({ app, base: `http://127.0.0.1:${port}`, database, mailer });
  }
  return {
    db,
    observer,
    instances,
    clock,
    async close() {
      for (const i of instances) await i.app.close();
      for (const d of databases) if (d !== db) await d.close();
      if (observer !== db) await observer.close();
      await db.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Visitor {
  cookie: string;
  csrf: string;
  key: string;
}

/** Opens the event page like a browser: the CSRF cookie, the form's token and its one-time key. */
async function visit(base: string, slug: string): Promise<Visitor> {
  const res = await fetch(`${base}/events/${slug}`, { redirect: 'manual' });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET /events/${slug}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('oe_csrf='));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  // A sold-out event shows no order form (only the waiting list's): a visitor who opened the page
  // earlier still holds a form with its own key.
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1] ?? formKey();
  if (!cookie || !csrf) throw new Error('the event page has no CSRF cookie or token');
  return { cookie, csrf, key };
}

interface Outcome {
  /** Which instance answered. */
  instance: number;
  status: number;
  location: string | null;
  body: string;
  ms: number;
}

async function postOrder(base: string, ev: TicketedEvent, v: Visitor, email: string, instance = 0): Promise<Outcome> {
  const start = performance.now();
  const res = await fetch(`${base}/events/${ev.slug}/order`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: v.cookie },
    body: new URLSearchParams({ ticket_type_id: String(ev.typeId), quantity: '1', name: `Visiteur ${email}`, email, key: v.key, _csrf: v.csrf }).toString(),
  });
  const body = await res.text();
  return { instance, status: res.status, location: res.headers.get('location'), body, ms: performance.now() - start };
}

/**
 * n visitors open the event page (round-robin over the instances), then all order at once — each on
 * another instance than the one that served its page when there are two (the CSRF token is signed
 * with the shared secret, so any instance accepts it). A sampler reads the seats held throughout.
 */
async function storm(cluster: Cluster, ev: TicketedEvent, n: number, tag: string) {
  const k = cluster.instances.length;
  const visitors = await Promise.all(range(n).map((i) => visit(cluster.instances[i % k]!.base, ev.slug)));
  expect(new Set(visitors.map((v) => v.cookie)).size).toBe(n);
  let done = false;
  let maxSeen = 0;
  let samples = 0;
  const sampler = (async () => {
    while (!done) {
      maxSeen = Math.max(maxSeen, await seatsHeld(cluster.observer.db, ev.eventId, cluster.clock.now));
      samples += 1;
      await sleep(2);
    }
  })();
  const start = performance.now();
  const outcomes = await Promise.all(visitors.map((v, i) => postOrder(cluster.instances[(i + 1) % k]!.base, ev, v, `${tag}-${i}@example.org`, (i + 1) % k)));
  const wall = performance.now() - start;
  done = true;
  await sampler;
  const byStatus: Record<number, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  return { outcomes, byStatus, maxSeen, samples, wall, slowest };
}

/** No 5xx — and when there is one, the failure shows its page rather than just a count. */
function expectNo5xx(outcomes: Outcome[]): void {
  const errors = outcomes.filter((o) => o.status >= 500).map((o) => `${o.status}: ${o.body.slice(0, 300)}`);
  expect(errors).toEqual([]);
}

describe.each(DIALECTS)('ticketing race over HTTP (%s)', (dialect) => {
  const CAPACITY = 50;
  const BUYERS = 200;
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(dialect);
  });
  afterAll(async () => cluster?.close());

  it(`${BUYERS} concurrent free orders for ${CAPACITY} seats: exactly ${CAPACITY} confirmed, the rest 409, no 5xx`, { timeout: 60_000 }, async () => {
    const { db } = cluster;
    const ev = await makeTicketedEvent(db.db, { capacity: CAPACITY, price: 0, maxPerOrder: 1 });
    const r = await storm(cluster, ev, BUYERS, 'free');
    console.info(
      `[${dialect}] free storm on ${cluster.instances.length} instance(s): ${JSON.stringify(r.byStatus)} in ${Math.round(r.wall)} ms (slowest request ${Math.round(r.slowest)} ms); max seats seen ${r.maxSeen}/${CAPACITY} over ${r.samples} samples`,
    );

    expectNo5xx(r.outcomes);
    expect(r.byStatus).toEqual({ 303: CAPACITY, 409: BUYERS - CAPACITY });
    // Free seats for people not logged in: back to the evening, the tickets in their inbox.
    for (const o of r.outcomes.filter((x) => x.status === 303)) expect(o.location).toBe(`/events/${ev.slug}`);
    // The refusals are the sold-out page, not some other 409.
    for (const o of r.outcomes.filter((x) => x.status === 409)) expect(o.body).toContain('complet');

    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ confirmed: CAPACITY });
    expect(await seatsHeld(db.db, ev.eventId, cluster.clock.now)).toBe(CAPACITY);
    // (Seats only ever grow in this storm, so the final count is also the most ever held; the
    // sampler is a second witness — on SQLite it gets few turns while the event loop is busy.)
    expect(r.maxSeen).toBeLessThanOrEqual(CAPACITY);
    const tickets = await db.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', ev.eventId).executeTakeFirstOrThrow();
    expect(Number(tickets.n)).toBe(CAPACITY);
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
    // One email with the tickets per winner, delivered by the instances' outbox workers (any
    // instance may deliver what another placed).
    await Promise.all(cluster.instances.map((i) => i.app.outbox.drain()));
    const mails = cluster.instances.flatMap((i) => i.mailer.sent).filter((m) => /^free-\d+@/.test(m.to));
    expect(mails).toHaveLength(CAPACITY);
    expect(new Set(mails.map((m) => m.to)).size).toBe(CAPACITY);
    if (cluster.instances.length > 1) {
      // Both instances really took orders.
      for (const i of range(cluster.instances.length)) expect(r.outcomes.filter((o) => o.instance === i && o.status === 303).length).toBeGreaterThan(0);
    }
    // Free seats book nothing.
    expect(await ledgerTotal(db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  // A double click (or a browser retry) sends the same form — same one-time key — several times
  // at once. OrderInput.idempotencyKey promises "a double click or a retry returns the same order".
  // The type allows 4 per order, so the one-per-person rule does not mask the duplicate.
  it('a double click racing itself (same form key, 3 requests at once) places one order, no 5xx', async () => {
    const { db } = cluster;
    const ev = await makeTicketedEvent(db.db, { capacity: 10, price: 0, maxPerOrder: 4 });
    const visitor = await visit(cluster.instances[0]!.base, ev.slug);
    // Warm every pool so that no copy waits for a new connection while the others finish.
    await Promise.all(cluster.instances.flatMap((i) => range(10).map(() => sql`select 1`.execute(i.database.db))));
    const outcomes = await Promise.all(range(3).map((i) => postOrder(cluster.instances[i % cluster.instances.length]!.base, ev, visitor, 'double@example.org')));
    console.info(`[${dialect}] double click ×3: ${outcomes.map((o) => `${o.status} → ${o.location}`).join(', ')}`);
    expectNo5xx(outcomes);
    expect(outcomes.every((o) => o.status === 303)).toBe(true);
    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ confirmed: 1 });
  });

  // What the storm above sometimes hits on PostgreSQL under CPU load (seen: 5 and 7 × 500 out of
  // 200, error 55P03 "canceling statement due to lock timeout" thrown by lockEventRow): each order
  // holds the event row for a few round trips, and a buyer queued behind enough of them waits past
  // lock_timeout (10 s, src/db/locks.ts). Here one transaction holds the row longer than the timeout — as a queue of
  // slow holders would — so the case is deterministic. The buyer must get an answer that is not
  // a server error (the order placed once the row is free, or a "busy, try again" page).
  // SQLite has no lock timeout (its writers wait on busy_timeout): the case exists on PostgreSQL only.
  if (dialect === 'postgres') {
    it('a buyer queued on the event lock longer than lock_timeout gets no 5xx', { timeout: 30_000 }, async () => {
      const { db } = cluster;
      const ev = await makeTicketedEvent(db.db, { capacity: 10, price: 0, maxPerOrder: 1 });
      const visitor = await visit(cluster.instances[0]!.base, ev.slug);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const holder = cluster.observer.db.transaction().execute(async (trx) => {
        await sql`select id from events where id = ${ev.eventId} for update`.execute(trx);
        holding();
        await released;
      });
      await held;
      const pending = postOrder(cluster.instances[cluster.instances.length - 1]!.base, ev, visitor, 'queued@example.org');
      await sleep(10_500);
      release();
      await holder;
      const outcome = await pending;
      console.info(`[${dialect}] buyer queued 10.5 s on the event lock: ${outcome.status} after ${Math.round(outcome.ms)} ms`);
      expectNo5xx([outcome]);
      // Past the lock timeout the buyer is asked to try again (429), with nothing written.
      expect(outcome.status).toBe(429);
      expect(await seatsHeld(db.db, ev.eventId, cluster.clock.now)).toBeLessThanOrEqual(1);
    });
  }

  it(`${BUYERS} concurrent paid orders: ${CAPACITY} reserved; payments book once; run-out reservations free their seats; a late payment never oversells`, { timeout: 60_000 }, async () => {
    const { db, clock } = cluster;
    const PRICE = 1500;
    const ev = await makeTicketedEvent(db.db, { capacity: CAPACITY, price: PRICE, maxPerOrder: 1 });
    const r = await storm(cluster, ev, BUYERS, 'paid');
    console.info(
      `[${dialect}] paid storm: ${JSON.stringify(r.byStatus)} in ${Math.round(r.wall)} ms (slowest ${Math.round(r.slowest)} ms); max seats seen ${r.maxSeen}/${CAPACITY} over ${r.samples} samples`,
    );
    expectNo5xx(r.outcomes);
    expect(r.byStatus).toEqual({ 303: CAPACITY, 409: BUYERS - CAPACITY });
    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ reserved: CAPACITY });
    expect(await seatsHeld(db.db, ev.eventId, clock.now)).toBe(CAPACITY);
    expect(r.maxSeen).toBeLessThanOrEqual(CAPACITY);
    expect(await ledgerTotal(db.db)).toEqual({ total: 0, unbalanced: 0 });

    // 20 buyers pay (bank transfer, marked by an organiser). Each payment is recorded twice at
    // the same moment (a double click on two instances): it must book once.
    const reserved = await db.db.selectFrom('orders').select(['id', 'total']).where('event_id', '=', ev.eventId).orderBy('id').execute();
    const paying = reserved.slice(0, 20);
    const dbs = cluster.instances.map((i) => i.database.db);
    const outcomes = await Promise.all(
      paying.flatMap((o, i) =>
        [0, 1].map((copy) =>
          recordPayment(
            { db: dbs[(i + copy) % dbs.length]!, actor: null, now: clock.now },
            { orderId: o.id, provider: 'manual', providerEventId: `manual:${o.id}`, amount: Number(o.total), fee: 0 },
          ),
        ),
      ),
    );
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'paid')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'duplicate')).toHaveLength(20);
    expect(await ordersByStatus(db.db, ev.eventId)).toEqual({ paid: 20, reserved: CAPACITY - 20 });
    const paidTotal = paying.reduce((s, o) => s + Number(o.total), 0);
    expect(paidTotal).toBe(20 * PRICE);
    expect(await ledgerTotal(db.db)).toEqual({ total: 0, unbalanced: 0 });
    let balances = await accountBalances(db.db, { eventId: ev.eventId });
    expect(balances.get('income:tickets')).toBe(-paidTotal);
    expect(balances.get('assets:bank')).toBe(paidTotal);
    const postings = await db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'order').where('cause_id', 'in', paying.map((o) => String(o.id))).execute();
    expect(postings).toHaveLength(20);
    const paidTickets = await db.db.selectFrom('tickets').select('order_id').where('event_id', '=', ev.eventId).execute();
    expect(paidTickets).toHaveLength(20);

    // Still full: one more buyer is refused.
    const refused = await storm(cluster, ev, 2, 'paid-full');
    expect(refused.byStatus).toEqual({ 409: 2 });

    // The 30 unpaid reservations run out. Forty buyers race for the 30 seats they free.
    clock.now = new Date(T0.getTime() + PAYMENT_TERM_MS + 60_000);
    expect(await seatsHeld(db.db, ev.eventId, clock.now)).toBe(20);
    const second = await storm(cluster, ev, 40, 'paid-late');
    console.info(`[${dialect}] after expiry: ${JSON.stringify(second.byStatus)} in ${Math.round(second.wall)} ms; max seats seen ${second.maxSeen}/${CAPACITY}`);
    expectNo5xx(second.outcomes);
    expect(second.byStatus).toEqual({ 303: 30, 409: 10 });
    expect(await seatsHeld(db.db, ev.eventId, clock.now)).toBe(CAPACITY);
    expect(second.maxSeen).toBeLessThanOrEqual(CAPACITY);

    // A payment for a reservation that ran out, now that its seat is taken: booked (the money
    // came in) but the order is cancelled and marked for refund — not a 51st seat.
    const late = reserved[20]!;
    const outcome = await recordPayment(
      { db: db.db, actor: null, now: clock.now },
      { orderId: late.id, provider: 'manual', providerEventId: `manual:${late.id}`, amount: Number(late.total), fee: 0 },
    );
    expect(outcome).toEqual({ kind: 'refund_needed', orderId: late.id, amount: PRICE });
    const lateRow = await db.db.selectFrom('orders').select(['status', 'refund_due']).where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(lateRow.status).toBe('cancelled');
    expect(Number(lateRow.refund_due)).toBe(PRICE);
    expect(await seatsHeld(db.db, ev.eventId, clock.now)).toBe(CAPACITY);
    expect(await db.db.selectFrom('tickets').select('id').where('order_id', '=', late.id).execute()).toHaveLength(0);
    expect(await ledgerTotal(db.db)).toEqual({ total: 0, unbalanced: 0 });
    balances = await accountBalances(db.db, { eventId: ev.eventId });
    expect(balances.get('income:tickets')).toBe(-(paidTotal + PRICE));
    expect(balances.get('assets:bank')).toBe(paidTotal + PRICE);
    expect(await seatCounterDrift(db.db, ev.eventId)).toEqual([]);
  });
});
