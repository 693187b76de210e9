/**
 * The outbox on both databases: an effect exists exactly when the transaction that emitted it
 * commits; it is delivered once; a failure is retried with backoff until it succeeds or is
 * declared dead; a permanent failure is dead at once; a worker that disappears mid-delivery
 * leaves its lease to run out and the effect is delivered by another; two workers racing over one
 * database never deliver the same effect twice.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../tests/helpers/test-database.ts';
import { createDatabase, type Database } from '../db/database.ts';
import { inTransaction } from '../shared/command.ts';
import { claimDueEffects } from './commands/delivery.ts';
import { retryEffect } from './commands/manage-effects.ts';
import { defineEffect, emit } from './effect.ts';
import { EffectHandlers, PermanentFailure } from './handlers.ts';
import { OutboxWorker, retryDelay, type WorkerOptions } from './worker.ts';

const quiet = { warn: () => undefined, error: () => undefined };

describe('retryDelay', () => {
  it('doubles from the base, is capped, and stays within ±20 % of that', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, base, max, r) => {
        const nominal = Math.min(max, base * 2 ** (attempts - 1));
        const delay = retryDelay(attempts, base, max, () => r);
        return delay >= Math.floor(nominal * 0.8) && delay <= Math.ceil(nominal * 1.2);
      }),
    );
    expect(retryDelay(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(retryDelay(3, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(retryDelay(30, 1000, 60_000, () => 0.5)).toBe(60_000);
  });
});

describe.each(DIALECTS)('the outbox (%s)', (dialect) => {
  let db: TestDatabase;
  const clock = { now: new Date('2026-06-01T10:00:00Z') };
  const ping = defineEffect<{ n: number }>('test.ping');
  const flaky = defineEffect<{ n: number }>('test.flaky');
  const doomed = defineEffect<{ n: number }>('test.doomed');
  const delivered: number[] = [];
  let flakyFailures = 0;
  const handlers = new EffectHandlers();
  handlers.handle(ping, async ({ n }) => {
    delivered.push(n);
  });
  handlers.handle(flaky, async ({ n }) => {
    if (flakyFailures > 0) {
      flakyFailures -= 1;
      throw new Error('the provider is down');
    }
    delivered.push(n);
  });
  handlers.handle(doomed, async () => {
    throw new PermanentFailure('the order is gone');
  });

  const options = (over: Partial<WorkerOptions> = {}): WorkerOptions => ({
    pollMs: 1000,
    leaseMs: 60_000,
    maxAttempts: 3,
    concurrency: 4,
    backoffMs: 1000,
    maxBackoffMs: 60_000,
    retentionMs: 24 * 3_600_000,
    now: () => clock.now,
    log: quiet,
    ...over,
  });
  const row = (key: string) => db.db.selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
  const emitNow = (effect: typeof ping, n: number) => inTransaction({ db: db.db, actor: null, now: clock.now }, (tx) => emit(tx, effect, { n }, { key: n }));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db.destroy());

  it('stores an effect only when its transaction commits, and delivers it once', async () => {
    await expect(
      inTransaction({ db: db.db, actor: null, now: clock.now }, async (tx) => {
        await emit(tx, ping, { n: 1 }, { key: 1 });
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await row('test.ping:1')).toBeUndefined();

    await emitNow(ping, 2);
    // Emitting the same kind and key again (a retried command) stores nothing new.
    await emitNow(ping, 2);
    expect(await db.db.selectFrom('outbox').select('id').where('key', '=', 'test.ping:2').execute()).toHaveLength(1);
    const worker = new OutboxWorker(db.db, handlers, options());
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(delivered.filter((n) => n === 2)).toEqual([2]);
    expect(await row('test.ping:2')).toMatchObject({ status: 'done', attempts: 1, last_error: null });
  });

  it('retries a failed delivery after a growing delay, then delivers it', async () => {
    flakyFailures = 2;
    await emitNow(flaky, 3);
    const worker = new OutboxWorker(db.db, handlers, options());
    await worker.drain();
    expect(await row('test.flaky:3')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the provider is down' });
    // Not due yet: a drain right away tries nothing.
    await worker.drain();
    expect((await row('test.flaky:3'))!.attempts).toBe(1);
    clock.now = new Date(clock.now.getTime() + 2_000);
    await worker.drain();
    const second = (await row('test.flaky:3'))!;
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    // The second wait is about twice the first (1 s then 2 s, ±20 %).
    expect(Date.parse(second.available_at) - clock.now.getTime()).toBeGreaterThanOrEqual(1600);
    clock.now = new Date(clock.now.getTime() + 5_000);
    await worker.drain();
    expect(await row('test.flaky:3')).toMatchObject({ status: 'done', attempts: 3, last_error: null });
    expect(delivered.filter((n) => n === 3)).toEqual([3]);
  });

  it('declares an effect dead after its last attempt, keeps the reason, and an admin can send it again', async () => {
    flakyFailures = 100;
    await emitNow(flaky, 4);
    const worker = new OutboxWorker(db.db, handlers, options());
    for (let i = 0; i < 5; i++) {
      await worker.drain();
      clock.now = new Date(clock.now.getTime() + 60_000);
    }
    const dead = (await row('test.flaky:4'))!;
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: 'the provider is down' });
    flakyFailures = 0;
    await retryEffect({ db: db.db, actor: null, now: clock.now }, { effectId: dead.id });
    await worker.drain();
    expect(await row('test.flaky:4')).toMatchObject({ status: 'done' });
  });

  it('sends a permanent failure straight to the dead letters', async () => {
    await inTransaction({ db: db.db, actor: null, now: clock.now }, (tx) => emit(tx, doomed, { n: 5 }, { key: 5 }));
    await new OutboxWorker(db.db, handlers, options()).drain();
    expect(await row('test.doomed:5')).toMatchObject({ status: 'dead', attempts: 1, last_error: 'the order is gone' });
  });

  it('delivers again what a vanished worker had claimed, once its lease has run out', async () => {
    await emitNow(ping, 6);
    // A worker claims it, then dies before delivering (nothing else happens to the row).
    const claimed = await claimDueEffects({ db: db.db, actor: null, now: clock.now }, { leaseUntil: new Date(clock.now.getTime() + 60_000), limit: 10 });
    expect(claimed.map((c) => c.key)).toContain('test.ping:6');
    const other = new OutboxWorker(db.db, handlers, options());
    await other.drain();
    expect(delivered.filter((n) => n === 6)).toEqual([]);
    clock.now = new Date(clock.now.getTime() + 61_000);
    await other.drain();
    expect(delivered.filter((n) => n === 6)).toEqual([6]);
    expect(await row('test.ping:6')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('never delivers one effect twice when workers on two connection pools race over the same rows', async () => {
    const second: Database | null = dialect === 'postgres' ? createDatabase({ databaseUrl: db.url, sqlitePath: '', poolSize: 5 }) : null;
    try {
      const first = 1000;
      for (let n = first; n < first + 200; n++) await emitNow(ping, n);
      const workers = [db, second ?? db].flatMap((d) => [0, 1].map(() => new OutboxWorker(d.db, handlers, options({ concurrency: 8 }))));
      await Promise.all(workers.map((w) => w.drain()));
      const mine = delivered.filter((n) => n >= first && n < first + 200);
      expect(mine).toHaveLength(200);
      expect(new Set(mine).size).toBe(200);
    } finally {
      await second?.close();
    }
  });
});
