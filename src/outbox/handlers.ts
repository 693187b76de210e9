/** Who delivers each kind of effect: every module's plugin registers the handlers of its effects. */
import type { Db } from '../db/database.ts';
import type { Effect } from './effect.ts';

export interface Delivery {
  db: Db;
  now: Date;
  /** The effect's delivery key (`kind:key`): pass it to providers as their idempotency key. */
  key: string;
  /** 1 on the first try. */
  attempt: number;
}

export type EffectHandler<Payload> = (payload: Payload, delivery: Delivery) => Promise<void>;

/**
 * Thrown by a handler when trying again cannot help (the order it was about is gone): the effect
 * goes straight to the dead letters, with this reason, for an admin to see.
 */
export class PermanentFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PermanentFailure';
  }
}

export class EffectHandlers {
  private readonly byKind = new Map<string, EffectHandler<unknown>>();

  handle<Payload>(effect: Effect<Payload>, handler: EffectHandler<Payload>): void {
    if (this.byKind.has(effect.kind)) throw new Error(`two handlers for the effect ${effect.kind}`);
    this.byKind.set(effect.kind, handler as EffectHandler<unknown>);
  }

  get(kind: string): EffectHandler<unknown> | undefined {
    return this.byKind.get(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }
}
