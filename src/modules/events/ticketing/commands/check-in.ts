import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { audit } from '../../../audit/index.ts';
import { normaliseShortCode, type TicketSigner } from '../tickets/index.ts';

export type CheckInResult =
  | { status: 'valid'; name: string; typeName: string; checkedInAt: string; contributor: boolean }
  | { status: 'already'; name: string; typeName: string; checkedInAt: string; contributor: boolean }
  | { status: 'cancelled'; name: string; typeName: string }
  | { status: 'unknown' };

/**
 * Checks a ticket in at the door, from the signed code in its QR or the short code typed by hand.
 * Idempotent: a second scan answers "already checked in at …" and changes nothing.
 */
export async function checkIn(ctx: CommandContext, input: { eventId: number; code: string; signer: TicketSigner }): Promise<CheckInResult> {
  const raw = input.code.trim();
  let ticketQuery = ctx.db
    .selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select(['tickets.id', 'tickets.checked_in_at', 'orders.name', 'orders.status', 'ticket_types.name as type_name', 'ticket_types.kind'])
    .where('tickets.event_id', '=', input.eventId);
  const signed = input.signer.verify(raw);
  if (signed) {
    if (signed.eventId !== input.eventId) return { status: 'unknown' };
    ticketQuery = ticketQuery.where('tickets.id', '=', signed.ticketId);
  } else {
    const short = normaliseShortCode(raw);
    if (!short) return { status: 'unknown' };
    ticketQuery = ticketQuery.where('tickets.short_code', '=', short);
  }
  const ticket = await ticketQuery.executeTakeFirst();
  if (!ticket) return { status: 'unknown' };
  const base = { name: ticket.name, typeName: ticket.type_name };
  if (ticket.status !== 'paid' && ticket.status !== 'confirmed') return { status: 'cancelled', ...base };
  const contributor = ticket.kind === 'contributor';
  if (ticket.checked_in_at) return { status: 'already', ...base, checkedInAt: ticket.checked_in_at, contributor };
  const checkedInAt = ctx.now.toISOString();
  // The update and its audit entry commit together; two scans at once check in once.
  const first = await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('tickets')
      .set({ checked_in_at: checkedInAt, checked_in_by: tx.actor?.id ?? null })
      .where('id', '=', ticket.id)
      .where('checked_in_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await audit(tx, { action: 'ticket.checked_in', subjectType: 'ticket', subjectId: ticket.id });
    return true;
  });
  if (!first) {
    const again = await ctx.db.selectFrom('tickets').select('checked_in_at').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    return { status: 'already', ...base, checkedInAt: again.checked_in_at ?? checkedInAt, contributor };
  }
  return { status: 'valid', ...base, checkedInAt, contributor };
}
