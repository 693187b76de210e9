/**
 * The one shape of a use case. Every command is `(ctx, input) => Promise<result>`: it validates,
 * decides, writes, records who did it and emits its effects (emails, provider calls) into the
 * outbox, all in one database transaction. See docs/decisions/009-module-shape.md.
 */
import type { Db, Executor, Trx } from '../db/database.ts';
import type { Actor } from './actor.ts';

export interface CommandContext {
  /** The database, or a transaction already under way (a command then joins it). */
  db: Executor;
  /** Who acts: a person, or null for the public and for the system (webhooks, timers). */
  actor: Actor | null;
  now: Date;
}

/** A command's context once its transaction has begun. */
export interface TxContext extends CommandContext {
  db: Trx;
}

export type Command<I, O> = (ctx: CommandContext, input: I) => Promise<O>;

/**
 * Runs `work` in a transaction: a new one, or the caller's when the context already holds one, so
 * commands compose (a ticket payment books its ledger entry in the order's transaction).
 */
export async function inTransaction<T>(ctx: CommandContext, work: (tx: TxContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx as TxContext);
  return (ctx.db as Db).transaction().execute((trx) => work({ ...ctx, db: trx }));
}

/** The actor's user id for audit trails and "created by" columns (null for the public and the system). */
export function actorId(ctx: CommandContext): number | null {
  return ctx.actor?.id ?? null;
}
