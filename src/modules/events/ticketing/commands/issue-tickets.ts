import type { TxContext } from '../../../../shared/command.ts';
import { shortCode } from '../tickets/index.ts';

/**
 * Issues the tickets of an order that holds its seats (one per seat, each with a random short
 * code to type at the door). Idempotent: an order that already has its tickets gets no more. Short
 * codes are random (about 40 bits); the rare one already taken is drawn again, without ever
 * making the transaction fail.
 */
export async function issueTickets(ctx: TxContext, input: { orderId: number; eventId: number; quantity: number; newOrder?: boolean }): Promise<void> {
  // A brand-new order has no ticket yet: no need to count them.
  const existing = input.newOrder ? 0 : Number((await ctx.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', input.orderId).executeTakeFirstOrThrow()).n);
  let missing = input.quantity - existing;
  for (let round = 0; missing > 0; round++) {
    if (round > 10) throw new Error('issueTickets: cannot draw a free short code');
    const rows = Array.from({ length: missing }, () => ({
      order_id: input.orderId,
      event_id: input.eventId,
      short_code: shortCode(),
      checked_in_at: null,
      checked_in_by: null,
      created_at: ctx.now.toISOString(),
    }));
    const inserted = await ctx.db
      .insertInto('tickets')
      .values(rows)
      .onConflict((oc) => oc.column('short_code').doNothing())
      .returning('id')
      .execute();
    missing -= inserted.length;
  }
}
