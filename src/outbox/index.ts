/**
 * The outbox: effects (emails, provider calls, webmentions) written in a command's transaction and
 * delivered afterwards by a worker on every instance, with retries, backoff and dead letters.
 */
export { defineEffect, deliveryKey, emit, type Effect, type EmitOptions } from './effect.ts';
export { EffectHandlers, PermanentFailure, type Delivery, type EffectHandler } from './handlers.ts';
export { withdrawEffect } from './commands/manage-effects.ts';
export { forgetEffectsMentioning } from './commands/forget-effects.ts';
export { getEffectByKey, outboxCounts } from './queries.ts';
export { OutboxWorker, DEFAULT_WORKER_OPTIONS, retryDelay, type WorkerOptions } from './worker.ts';
