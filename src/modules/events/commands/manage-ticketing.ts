import { randomBytes } from 'node:crypto';
import type { Executor } from '../../../db/database.ts';
import type { TicketKind } from '../../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';

export async function addTicketType(
  trx: Executor,
  eventId: number,
  input: { kind: TicketKind; name: string; price: number; quota: number | null; maxPerOrder: number },
  meta: { actorUserId: number; now: Date },
): Promise<number> {
  const event = await trx.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
  if (!event) throw new NotFoundError();
  // Contributors come free; invitations take their price from the code.
  const price = input.kind === 'contributor' || input.kind === 'invitation' ? 0 : input.price;
  const position = (await trx.selectFrom('ticket_types').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow()).n;
  const { id } = await trx
    .insertInto('ticket_types')
    .values({ event_id: eventId, kind: input.kind, name: input.name, price, quota: input.quota, max_per_order: input.maxPerOrder, active: 1, position: Number(position) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'ticket_type.created', subjectType: 'event', subjectId: eventId, data: { id, kind: input.kind }, now: meta.now });
  return id;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export async function addInvitationCode(
  trx: Executor,
  eventId: number,
  input: { code: string; price: number; maxUses: number; expiresAt: Date | null; note: string },
  meta: { actorUserId: number; now: Date },
): Promise<string> {
  const code = input.code || Array.from(randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  if (await trx.selectFrom('invitation_codes').select('id').where('code', '=', code).executeTakeFirst()) throw new ValidationError({ code: 'errors.slugTaken' });
  await trx
    .insertInto('invitation_codes')
    .values({ event_id: eventId, code, price: input.price, max_uses: input.maxUses, uses: 0, expires_at: input.expiresAt?.toISOString() ?? null, note: input.note, created_by: meta.actorUserId, created_at: meta.now.toISOString() })
    .execute();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'invitation_code.created', subjectType: 'event', subjectId: eventId, now: meta.now });
  return code;
}

/** Every new event starts with a free contributor ticket and a standard one. */
export async function addDefaultTicketTypes(trx: Executor, eventId: number, meta: { actorUserId: number; now: Date }, standardPrice = 1500): Promise<void> {
  await addTicketType(trx, eventId, { kind: 'contributor', name: 'Contributeur·rice', price: 0, quota: null, maxPerOrder: 1 }, meta);
  await addTicketType(trx, eventId, { kind: 'standard', name: 'Plein tarif', price: standardPrice, quota: null, maxPerOrder: 4 }, meta);
}
