/**
 * Delivers the outbox. Every app instance runs one worker: it wakes on a timer and whenever this
 * instance has just written effects, claims due rows under a lease (two instances never take the
 * same row: FOR UPDATE SKIP LOCKED on PostgreSQL), runs their handlers, and settles each row —
 * done, retried later with exponential backoff, or dead with its reason for an admin. A process
 * killed at any point loses nothing: unclaimed rows wait, claimed ones are taken again when their
 * lease runs out. See docs/decisions/010-outbox.md.
 */
import type { Db } from '../db/database.ts';
import type { CommandContext } from '../shared/command.ts';
import { claimDueEffects, markEffectDone, markEffectFailed, purgeDeliveredEffects, type ClaimedEffect } from './commands/delivery.ts';
import { PermanentFailure, type EffectHandlers } from './handlers.ts';

export interface WorkerOptions {
  /** How often an idle worker looks for due effects (other instances' effects, retries). */
  pollMs: number;
  /** How long a claimed effect is reserved for this worker before another may take it. */
  leaseMs: number;
  /** Attempts before an effect is declared dead. */
  maxAttempts: number;
  /** Effects delivered at once (emails and provider calls wait on the network, not the CPU). */
  concurrency: number;
  /** First retry delay; each further failure doubles it, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Delivered effects are deleted after this long. */
  retentionMs: number;
  now: () => Date;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /**
   * Whether the instance is busy answering people right now. Deliveries give way: while busy, the
   * worker takes one batch every `busyPauseMs` instead of one after the other, so a burst of
   * orders is answered first and its emails follow (delayed, never lost).
   */
  isBusy?: () => boolean;
  busyPauseMs?: number;
}

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, 'now' | 'log'> = {
  pollMs: 1000,
  leaseMs: 120_000,
  maxAttempts: 12,
  concurrency: 4,
  backoffMs: 5_000,
  maxBackoffMs: 3_600_000,
  retentionMs: 14 * 24 * 3_600_000,
};

/** The delay before attempt `attempts + 1`: doubling from `base`, capped, with ±20 % jitter so retries do not march in step. */
export function retryDelay(attempts: number, base: number, max: number, random: () => number = Math.random): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly handlers: EffectHandlers,
    private readonly options: WorkerOptions,
  ) {}

  /** Starts polling; deliveries also start at once when kicked. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** This instance just wrote effects: deliver them now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Delivers until nothing is due (tests, and a clean shutdown). Resolves when the outbox is idle. */
  async drain(): Promise<number> {
    if (this.running) await this.running;
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
        if (this.stopped) return;
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? 0 : this.options.pollMs);
      });
    }, delay);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) break;
        // While the instance is answering people, one effect at a time, and a pause between them:
        // the requests come first, the emails of a burst follow it.
        const busy = this.options.isBusy?.() ?? false;
        if ((await this.runOnce(busy ? 1 : this.options.concurrency)) === 0) break;
        if (busy) await new Promise((resolve) => setTimeout(resolve, this.options.busyPauseMs ?? 1000));
        else await new Promise((resolve) => setImmediate(resolve));
      }
      await this.purgeNowAndThen();
    } catch (error) {
      this.options.log.error({ err: error }, 'outbox worker: cannot read the outbox');
    }
  }

  /** Claims and delivers one batch (at most `limit` effects, at once); returns how many it handled. */
  async runOnce(limit = this.options.concurrency): Promise<number> {
    const now = this.options.now();
    const batch = await claimDueEffects(this.system(), { leaseUntil: new Date(now.getTime() + this.options.leaseMs), limit });
    await Promise.all(batch.map((effect) => this.deliver(effect)));
    return batch.length;
  }

  private async deliver(effect: ClaimedEffect): Promise<void> {
    const handler = this.handlers.get(effect.kind);
    try {
      if (!handler) throw new PermanentFailure(`no handler for ${effect.kind}`);
      await handler(JSON.parse(effect.payload) as unknown, { db: this.db, now: this.options.now(), key: effect.key, attempt: effect.attempts });
      await markEffectDone(this.system(), { effectId: effect.id });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const dead = error instanceof PermanentFailure || effect.attempts >= this.options.maxAttempts;
      const retryAt = dead ? null : new Date(this.options.now().getTime() + retryDelay(effect.attempts, this.options.backoffMs, this.options.maxBackoffMs));
      // The payload names people: the log gets the kind, the id and the reason only.
      this.options.log.warn({ effect: effect.id, kind: effect.kind, attempts: effect.attempts, dead, reason: message }, 'outbox: delivery failed');
      await markEffectFailed(this.system(), { effectId: effect.id, error: message, retryAt }).catch((e: unknown) => this.options.log.error({ err: e }, 'outbox: cannot record a failed delivery'));
    }
  }

  /** The worker acts as the system (no person), at the clock's time. */
  private system(): CommandContext {
    return { db: this.db, actor: null, now: this.options.now() };
  }

  private async purgeNowAndThen(): Promise<void> {
    const now = this.options.now().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    await purgeDeliveredEffects(this.system(), { before: new Date(now - this.options.retentionMs) });
  }
}
