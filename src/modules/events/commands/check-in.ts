import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { recordEvent } from '../../audit/index.ts';
import { normaliseShortCode, ticketSigner } from '../tickets/index.ts';

export type CheckInResult =
  | { status: 'valid'; name: string; typeName: string; checkedInAt: string; contributor: boolean }
  | { status: 'already'; name: string; typeName: string; checkedInAt: string; contributor: boolean }
  | { status: 'cancelled'; name: string; typeName: string }
  | { status: 'unknown' };

/**
 * Checks a ticket in at the door, from the signed code in its QR or the short code typed by hand.
 * Idempotent: a second scan answers "already checked in at …" and changes nothing.
 */
export async function checkIn(deps: { db: Db; now: Date; appSecret: string; actor: Actor }, input: { eventId: number; code: string }): Promise<CheckInResult> {
  const raw = input.code.trim();
  let ticketQuery = deps.db
    .selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select(['tickets.id', 'tickets.checked_in_at', 'orders.name', 'orders.status', 'ticket_types.name as type_name', 'ticket_types.kind'])
    .where('tickets.event_id', '=', input.eventId);
  const signed = ticketSigner(deps.appSecret).verify(raw);
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
  const now = deps.now.toISOString();
  const updated = await deps.db
    .updateTable('tickets')
    .set({ checked_in_at: now, checked_in_by: deps.actor.id })
    .where('id', '=', ticket.id)
    .where('checked_in_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const again = await deps.db.selectFrom('tickets').select('checked_in_at').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    return { status: 'already', ...base, checkedInAt: again.checked_in_at ?? now, contributor };
  }
  await recordEvent(deps.db, { actorUserId: deps.actor.id, action: 'ticket.checked_in', subjectType: 'ticket', subjectId: ticket.id, now: deps.now });
  return { status: 'valid', ...base, checkedInAt: now, contributor };
}
