/**
 * A package loaded the first time it is needed, not when the server starts: the payment
 * provider's library, the PostgreSQL driver on an SQLite site, the parsers of incoming pingbacks
 * and webmentions. Each costs its code and its heap for the whole life of a process that may
 * never use it (issue 13: an instance's resting memory). Only for CommonJS-loadable packages.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function lazyModule<T>(name: string): () => T {
  let module: T | undefined;
  return () => (module ??= load(name) as T);
}
