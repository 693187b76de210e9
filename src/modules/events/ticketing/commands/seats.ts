/**
 * The seats held by an evening and by each ticket type, kept as counters beside them. Taking
 * seats is one guarded update per counter — "add n where the result still fits" — so two buyers
 * on two instances can never both get the last seat, and a refusal needs no lock at all. Every
 * change of an order that holds seats goes through these two functions, in the same order
 * (the event's row, then the type's), so PostgreSQL never sees two transactions lock them in
 * opposite orders. The counters are checked against the orders themselves by the tests.
 */
import type { TxContext } from '../../../../shared/command.ts';

/** Holds `quantity` seats of a type if the evening and the type both have them; false otherwise (nothing changed). */
export async function takeSeats(ctx: TxContext, input: { eventId: number; ticketTypeId: number; quantity: number }): Promise<boolean> {
  const event = await ctx.db
    .updateTable('events')
    .set((eb) => ({ seats_held: eb('seats_held', '+', input.quantity) }))
    .where('id', '=', input.eventId)
    .where((eb) => eb(eb('seats_held', '+', input.quantity), '<=', eb.ref('capacity')))
    .executeTakeFirst();
  if (Number(event.numUpdatedRows) !== 1) return false;
  const type = await ctx.db
    .updateTable('ticket_types')
    .set((eb) => ({ held: eb('held', '+', input.quantity) }))
    .where('id', '=', input.ticketTypeId)
    .where((eb) => eb.or([eb('quota', 'is', null), eb(eb('held', '+', input.quantity), '<=', eb.ref('quota'))]))
    .executeTakeFirst();
  if (Number(type.numUpdatedRows) === 1) return true;
  // The evening had room but the type's quota did not: give the evening's seats back.
  await ctx.db
    .updateTable('events')
    .set((eb) => ({ seats_held: eb('seats_held', '-', input.quantity) }))
    .where('id', '=', input.eventId)
    .execute();
  return false;
}

/** Gives seats back (an order expired, was cancelled or was never paid). */
export async function releaseSeats(ctx: TxContext, input: { eventId: number; ticketTypeId: number; quantity: number }): Promise<void> {
  await ctx.db
    .updateTable('events')
    .set((eb) => ({ seats_held: eb('seats_held', '-', input.quantity) }))
    .where('id', '=', input.eventId)
    .execute();
  await ctx.db
    .updateTable('ticket_types')
    .set((eb) => ({ held: eb('held', '-', input.quantity) }))
    .where('id', '=', input.ticketTypeId)
    .execute();
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
