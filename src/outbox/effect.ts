/**
 * Effects are what a use case asks of the world outside its database: an email, a refund at the
 * payment provider, a webmention. A command never performs them; it *emits* them into the outbox
 * table in its own transaction, so they exist exactly when the change they follow exists. A worker
 * delivers them afterwards (see worker.ts).
 */
import type { Executor } from '../db/database.ts';
import { writeEffect } from './commands/write-effect.ts';

/** A kind of effect and the shape of its payload (ids and choices, never secrets). */
export interface Effect<Payload> {
  readonly kind: string;
  /** Type-level only: ties the payload type to the kind. */
  readonly payload?: Payload;
}

/** Declares a kind of effect; `kind` is `module.verb` (`ticketing.send_tickets`). */
export function defineEffect<Payload>(kind: string): Effect<Payload> {
  return { kind };
}

export interface EmitOptions {
  /**
   * What makes this effect one of a kind: emitting the same kind and key again (a retried
   * command, a replayed webhook) stores nothing new. Providers that take an idempotency key
   * receive `kind:key`.
   */
  key: string | number;
  /** Deliver no earlier than this (a reminder before a deadline). */
  notBefore?: Date;
}

/** The delivery key stored for an effect: unique across kinds. */
export function deliveryKey(effect: Effect<unknown>, key: string | number): string {
  return `${effect.kind}:${key}`;
}

/** Writes an effect into the outbox, in the caller's transaction (see commands/write-effect.ts). */
export async function emit<Payload>(ctx: { db: Executor; now: Date }, effect: Effect<Payload>, payload: Payload, options: EmitOptions): Promise<void> {
  const at = options.notBefore && options.notBefore > ctx.now ? options.notBefore : ctx.now;
  await writeEffect({ db: ctx.db, actor: null, now: ctx.now }, { kind: effect.kind, key: deliveryKey(effect, options.key), payload: JSON.stringify(payload), availableAt: at });
}
