/**
 * The seats held by an evening, kept as counters in a few rows per evening ("buckets", each
 * guarded by the database: `held <= capacity`), and by ticket types with a quota. Taking seats is
 * a guarded update — "add n where the result still fits" — so however many buyers race on however
 * many instances, the seats taken never exceed the capacity, and a refusal needs no lock at all.
 * Buyers take from different buckets (on PostgreSQL, skipping the ones another transaction holds),
 * so they do not queue on one row lock held through every commit. Every change of an order that
 * holds seats goes through these functions; tests compare the counters with the orders.
 * See docs/decisions/012-seat-counters.md.
 */
import { randomInt } from 'node:crypto';
import { lockedForUpdate } from '../../../../db/locks.ts';
import type { TxContext } from '../../../../shared/command.ts';
import { splitCapacity, SEAT_BUCKETS } from '../domain/capacity.ts';

/** Creates an evening's buckets for its capacity (a new evening). */
export async function openSeatBuckets(ctx: TxContext, input: { eventId: number; capacity: number }): Promise<void> {
  const shares = splitCapacity(input.capacity, SEAT_BUCKETS);
  await ctx.db
    .insertInto('seat_buckets')
    .values(shares.map((capacity, bucket) => ({ event_id: input.eventId, bucket, capacity, held: 0 })))
    .execute();
}

/**
 * A new capacity for an evening: the free seats are spread again over the buckets, each keeping
 * what it holds. Returns false, changing nothing, when more seats are already held than the new
 * capacity.
 */
export async function resizeSeatBuckets(ctx: TxContext, input: { eventId: number; capacity: number }): Promise<boolean> {
  const buckets = await lockedForUpdate(ctx.db, ctx.db.selectFrom('seat_buckets').select(['bucket', 'held']).where('event_id', '=', input.eventId).orderBy('bucket')).execute();
  if (buckets.length === 0) {
    await openSeatBuckets(ctx, input);
    return true;
  }
  const held = buckets.reduce((sum, b) => sum + Number(b.held), 0);
  if (held > input.capacity) return false;
  const free = splitCapacity(input.capacity - held, buckets.length);
  for (const [i, b] of buckets.entries()) {
    await ctx.db
      .updateTable('seat_buckets')
      .set({ capacity: Number(b.held) + free[i]! })
      .where('event_id', '=', input.eventId)
      .where('bucket', '=', b.bucket)
      .execute();
  }
  return true;
}

/**
 * Holds `quantity` seats of a type if the evening and the type both have them; false otherwise
 * (the caller rolls back). A type's own counter is kept only when it has a quota; a caller that
 * knows the type says whether it has one and saves a statement.
 */
export async function takeSeats(ctx: TxContext, input: { eventId: number; ticketTypeId: number; quantity: number; typeHasQuota?: boolean }): Promise<boolean> {
  if (!(await takeFromBuckets(ctx, input))) return false;
  if (input.typeHasQuota === false) return true;
  const type = await ctx.db
    .updateTable('ticket_types')
    .set((eb) => ({ held: eb('held', '+', input.quantity) }))
    .where('id', '=', input.ticketTypeId)
    .where('quota', 'is not', null)
    .where((eb) => eb(eb('held', '+', input.quantity), '<=', eb.ref('quota')))
    .executeTakeFirst();
  if (Number(type.numUpdatedRows) === 1) return true;
  // No row: either the type has no quota (its seats are the evening's), or its quota is full.
  return input.typeHasQuota === undefined && (await typeQuota(ctx, input.ticketTypeId)) === null;
}

async function takeFromBuckets(ctx: TxContext, input: { eventId: number; quantity: number }): Promise<boolean> {
  // One bucket with room for all of them, starting from a random one and skipping those another
  // transaction holds right now (PostgreSQL): concurrent buyers spread over the buckets.
  const start = randomInt(SEAT_BUCKETS);
  const roomy = lockedForUpdate(
    ctx.db,
    ctx.db
      .selectFrom('seat_buckets')
      .select('bucket')
      .where('event_id', '=', input.eventId)
      .where((eb) => eb(eb('held', '+', input.quantity), '<=', eb.ref('capacity')))
      .orderBy((eb) => eb.case().when('bucket', '>=', start).then(0).else(1).end())
      .orderBy('bucket')
      .limit(1),
    { skipLocked: true },
  );
  const taken = await ctx.db
    .updateTable('seat_buckets')
    .set((eb) => ({ held: eb('held', '+', input.quantity) }))
    .where('event_id', '=', input.eventId)
    .where('bucket', '=', roomy)
    .where((eb) => eb(eb('held', '+', input.quantity), '<=', eb.ref('capacity')))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return true;
  // None free at this moment: wait for the buckets others hold, and take the seats one by one
  // wherever they are (an order of several seats may span buckets). Any seat missing: false.
  for (let i = 0; i < input.quantity; i++) {
    const any = lockedForUpdate(
      ctx.db,
      ctx.db.selectFrom('seat_buckets').select('bucket').where('event_id', '=', input.eventId).where((eb) => eb('held', '<', eb.ref('capacity'))).orderBy('bucket').limit(1),
    );
    const one = await ctx.db
      .updateTable('seat_buckets')
      .set((eb) => ({ held: eb('held', '+', 1) }))
      .where('event_id', '=', input.eventId)
      .where('bucket', '=', any)
      .where((eb) => eb('held', '<', eb.ref('capacity')))
      .executeTakeFirst();
    if (Number(one.numUpdatedRows) !== 1) return false;
  }
  return true;
}

/**
 * Gives seats back (an order expired, was cancelled or was never paid), from the buckets in
 * their order — the same order the fallback of takeFromBuckets locks them in, so two transactions
 * never wait on each other's buckets in a circle.
 */
export async function releaseSeats(ctx: TxContext, input: { eventId: number; ticketTypeId: number; quantity: number }): Promise<void> {
  let left = input.quantity;
  while (left > 0) {
    const holding = await lockedForUpdate(
      ctx.db,
      ctx.db.selectFrom('seat_buckets').select(['bucket', 'held']).where('event_id', '=', input.eventId).where('held', '>', 0).orderBy('bucket').limit(1),
    ).executeTakeFirst();
    if (!holding) break;
    const give = Math.min(left, Number(holding.held));
    await ctx.db
      .updateTable('seat_buckets')
      .set((eb) => ({ held: eb('held', '-', give) }))
      .where('event_id', '=', input.eventId)
      .where('bucket', '=', holding.bucket)
      .execute();
    left -= give;
  }
  await ctx.db
    .updateTable('ticket_types')
    .set((eb) => ({ held: eb('held', '-', input.quantity) }))
    .where('id', '=', input.ticketTypeId)
    .where('quota', 'is not', null)
    .where('held', '>=', input.quantity)
    .execute();
}

/** A cancelled evening sells nothing more: its buckets keep what they hold and take no seat. */
export async function closeSeatBuckets(ctx: TxContext, input: { eventId: number }): Promise<void> {
  await ctx.db.updateTable('seat_buckets').set((eb) => ({ capacity: eb.ref('held') })).where('event_id', '=', input.eventId).execute();
}

async function typeQuota(ctx: TxContext, ticketTypeId: number): Promise<number | null> {
  const row = await ctx.db.selectFrom('ticket_types').select('quota').where('id', '=', ticketTypeId).executeTakeFirst();
  return row?.quota ?? null;
}

/** An invitation code's uses, taken the same guarded way: false when it has none left. */
export async function takeCodeUses(ctx: TxContext, input: { codeId: number; quantity: number }): Promise<boolean> {
  const result = await ctx.db
    .updateTable('invitation_codes')
    .set((eb) => ({ uses: eb('uses', '+', input.quantity) }))
    .where('id', '=', input.codeId)
    .where((eb) => eb(eb('uses', '+', input.quantity), '<=', eb.ref('max_uses')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An invitation code's uses come back when the orders that used them no longer hold seats. */
export async function releaseCodeUses(ctx: TxContext, input: { orders: { invitation_code_id: number | null; quantity: number }[] }): Promise<void> {
  for (const order of input.orders) {
    if (order.invitation_code_id === null) continue;
    await ctx.db
      .updateTable('invitation_codes')
      .set((eb) => ({ uses: eb('uses', '-', order.quantity) }))
      .where('id', '=', order.invitation_code_id)
      .where('uses', '>=', order.quantity)
      .execute();
  }
}
