/** Reads of the outbox, for the admins' page and the health of delivery. */
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface EffectRow {
  id: number;
  kind: string;
  key: string;
  status: string;
  attempts: number;
  available_at: string;
  last_error: string | null;
  created_at: string;
}

/** Effects that need a person's eye: dead ones, and pending ones that already failed at least once. */
export async function listTroubledEffects(db: Executor, limit = 200): Promise<EffectRow[]> {
  return db
    .selectFrom('outbox')
    .select(['id', 'kind', 'key', 'status', 'attempts', 'available_at', 'last_error', 'created_at'])
    .where((eb) => eb.or([eb('status', '=', 'dead'), eb.and([eb('status', '=', 'pending'), eb('last_error', 'is not', null)])]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many effects wait, and how many are dead: shown on the desk and to monitoring. */
export async function outboxCounts(db: Executor): Promise<{ pending: number; dead: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('status', 'in', ['pending', 'dead'])
    .groupBy('status')
    .execute();
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { pending: count('pending'), dead: count('dead') };
}

/** The state of one effect, by its delivery key (tests and the order page ask "was it sent?"). */
export async function getEffectByKey(db: Executor, key: string) {
  return db.selectFrom('outbox').select(['id', 'status', 'attempts', 'last_error', 'available_at']).where('key', '=', key).executeTakeFirst();
}
