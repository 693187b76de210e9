/**
 * A store for @fastify/rate-limit that keeps the counts in PostgreSQL, so every instance counts
 * against the same limit (issue 12 item 11; README, "several instances"). One upsert per limited
 * request: a row per route and client, its hits and the end of its fixed window, on the
 * database's clock so instances whose clocks drift still agree. On SQLite the plugin's own
 * in-memory store is used (one instance).
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from './database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Every so many counts, an instance deletes the windows that ended more than an hour ago. */
const SWEEP_EVERY = 1000;

export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let counted = 0;

  async function count(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const { rows } = await sql<{ hits: number; ttl: number }>`
      with now as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
      insert into rate_limits (key, hits, window_ends)
      select ${key}, 1, now.ms + ${windowMs} from now
      on conflict (key) do update set
        hits = case when rate_limits.window_ends <= (select ms from now) then 1 else rate_limits.hits + 1 end,
        window_ends = case when rate_limits.window_ends <= (select ms from now) then (select ms from now) + ${windowMs} else rate_limits.window_ends end
      returning hits, (window_ends - (select ms from now))::integer as ttl
    `.execute(db);
    counted += 1;
    if (counted % SWEEP_EVERY === 0) {
      void sql`delete from rate_limits where window_ends < (extract(epoch from clock_timestamp()) * 1000)::bigint - 3600000`.execute(db).catch(() => undefined);
    }
    const row = rows[0]!;
    return { current: row.hits, ttl: Math.max(0, row.ttl) };
  }

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      count(`${this.prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // Each limited route counts on its own, as with the in-memory store (one store per route);
      // the plugin passes the route as `routeInfo` (its typings say the route itself).
      const merged = routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string }; groupId?: string };
      const route = merged.routeInfo;
      const prefix = merged.groupId ? `group:${merged.groupId}:` : `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}:`;
      return new PostgresRateLimitStore({}, prefix);
    }
  }
  return PostgresRateLimitStore;
}
