import type { Lang } from '../../../../shared/i18n/index.ts';
import { randomBytes } from 'node:crypto';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../../shared/errors.ts';
import { translator } from '../../../../shared/i18n/index.ts';
import { audit } from '../../../audit/index.ts';
import type { TicketKind } from '../domain/order.ts';

export interface TicketTypeInput {
  eventId: number;
  kind: TicketKind;
  name: string;
  /** Cents; for pay-what-you-want, the minimum. */
  price: number;
  quota: number | null;
  maxPerOrder: number;
  /** The language its name is written in (default French). */
  language?: Lang;
}

export async function addTicketType(ctx: CommandContext, input: TicketTypeInput): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const event = await tx.db.selectFrom('events').select('id').where('id', '=', input.eventId).executeTakeFirst();
    if (!event) throw new NotFoundError();
    // Contributors come free; invitations take their price from the code.
    const price = input.kind === 'contributor' || input.kind === 'invitation' ? 0 : input.price;
    const position = (await tx.db.selectFrom('ticket_types').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', input.eventId).executeTakeFirstOrThrow()).n;
    const { id } = await tx.db
      .insertInto('ticket_types')
      .values({ event_id: input.eventId, kind: input.kind, name: input.name, price, quota: input.quota, max_per_order: input.maxPerOrder, active: 1, position: Number(position), language: input.language ?? 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'ticket_type.created', subjectType: 'event', subjectId: input.eventId, data: { id, kind: input.kind } });
    return id;
  });
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export async function addInvitationCode(ctx: CommandContext, input: { eventId: number; code: string; price: number; maxUses: number; expiresAt: Date | null; note: string }): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    if (!(await tx.db.selectFrom('events').select('id').where('id', '=', input.eventId).executeTakeFirst())) throw new NotFoundError('event');
    const code = input.code || Array.from(randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    if (await tx.db.selectFrom('invitation_codes').select('id').where('code', '=', code).executeTakeFirst()) throw new ValidationError({ code: 'errors.slugTaken' });
    await tx.db
      .insertInto('invitation_codes')
      .values({ event_id: input.eventId, code, price: input.price, max_uses: input.maxUses, uses: 0, expires_at: input.expiresAt?.toISOString() ?? null, note: input.note, created_by: tx.actor?.id ?? null, created_at: tx.now.toISOString() })
      .execute();
    await audit(tx, { action: 'invitation_code.created', subjectType: 'event', subjectId: input.eventId });
    return code;
  });
}

/** Every new event starts with a free contributor ticket and a standard one, named in the programme's language. */
export async function addDefaultTicketTypes(ctx: CommandContext, input: { eventId: number; standardPrice?: number }): Promise<void> {
  const t = translator('fr');
  await inTransaction(ctx, async (tx) => {
    await addTicketType(tx, { eventId: input.eventId, kind: 'contributor', name: t('ticketing.defaultContributorType'), price: 0, quota: null, maxPerOrder: 1 });
    await addTicketType(tx, { eventId: input.eventId, kind: 'standard', name: t('ticketing.defaultStandardType'), price: input.standardPrice ?? 1500, quota: null, maxPerOrder: 4 });
  });
}
