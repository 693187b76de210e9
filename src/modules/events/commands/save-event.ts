import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugify } from '../../../shared/slug.ts';
import { audit } from '../../audit/index.ts';
import { setContributionsAccepted, setCredits } from '../../contributors/index.ts';
import { openSeatBuckets, resizeSeatBuckets } from '../ticketing/commands/seats.ts';
import { addDefaultTicketTypes } from '../ticketing/commands/ticket-types.ts';
import { scheduleProblems, type EventStatus } from '../domain/event-state.ts';

export interface EventInput {
  /** null to create the event. */
  id: number | null;
  title: string;
  slug: string;
  themeId: number | null;
  description: string;
  venue: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  opensAt: Date | null;
  closesAt: Date | null;
  status: EventStatus;
  seriesId?: number | null;
  /** Contributors speaking at the event: each is credited a contribution of kind "talk". */
  speakerIds?: number[];
  /** Whether buyers may choose to pay at the door (unchanged when not given; a new event: no). */
  payAtDoor?: boolean;
  /** The language the evening is held in (unchanged when not given; a new event: French). */
  language?: Lang;
  /** A new event starts with a free contributor ticket and a standard one (default: yes). */
  defaultTicketTypes?: boolean;
}

/** Creates or updates an event; the slug is unique, the schedule consistent, the speakers credited. */
export async function saveEvent(ctx: CommandContext, input: EventInput): Promise<{ id: number; slug: string }> {
  const problems = scheduleProblems(input);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return inTransaction(ctx, async (tx) => {
    const { id } = input;
    const slug = input.slug || slugify(input.title) || 'event';
    let clash = tx.db.selectFrom('events').select('id').where('slug', '=', slug);
    if (id !== null) clash = clash.where('id', '!=', id);
    if (await clash.executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
    if (input.themeId !== null && !(await tx.db.selectFrom('themes').select('id').where('id', '=', input.themeId).executeTakeFirst())) {
      throw new ValidationError({ theme_id: 'errors.invalid' });
    }
    if (input.seriesId != null && !(await tx.db.selectFrom('event_series').select('id').where('id', '=', input.seriesId).executeTakeFirst())) {
      throw new ValidationError({ series_id: 'errors.invalid' });
    }
    const now = tx.now.toISOString();
    const values = {
      series_id: input.seriesId ?? null,
      title: input.title,
      slug,
      theme_id: input.themeId,
      description_md: input.description,
      description_html: renderMarkdown(input.description),
      venue: input.venue,
      address: input.address,
      starts_at: input.startsAt.toISOString(),
      ends_at: input.endsAt.toISOString(),
      capacity: input.capacity,
      registration_opens_at: input.opensAt?.toISOString() ?? null,
      registration_closes_at: input.closesAt?.toISOString() ?? null,
      status: input.status,
      ...(input.payAtDoor !== undefined ? { pay_at_door: input.payAtDoor ? 1 : 0 } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      updated_at: now,
    };
    let eventId = id;
    if (eventId === null) {
      eventId = (await tx.db.insertInto('events').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await openSeatBuckets(tx, { eventId, capacity: input.capacity });
      if (input.defaultTicketTypes !== false) await addDefaultTicketTypes(tx, { eventId });
    } else {
      const r = await tx.db.updateTable('events').set(values).where('id', '=', eventId).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new ValidationError({ title: 'errors.notFound' });
      // Fewer seats than are already taken cannot be: the form says so.
      if (!(await resizeSeatBuckets(tx, { eventId, capacity: input.capacity }))) throw new ValidationError({ capacity: 'events.capacityBelowHeld' });
    }
    if (input.speakerIds) {
      const speakers = [...new Set(input.speakerIds)];
      if (speakers.length) {
        const found = await tx.db.selectFrom('contributors').select('id').where('id', 'in', speakers).execute();
        if (found.length !== speakers.length) throw new ValidationError({ speakers: 'errors.invalid' });
      }
      // A talk counts in the registry once the event is published (and its date has come).
      const acceptedAt = input.status === 'published' ? input.startsAt.toISOString() : null;
      const subject = { type: 'event', id: eventId };
      await setCredits(tx, { subject, credits: speakers.map((contributorId) => ({ contributorId, kind: 'talk' })), acceptedAt });
      await setContributionsAccepted(tx, { subject, acceptedAt });
    }
    await audit(tx, { action: id === null ? 'event.created' : 'event.updated', subjectType: 'event', subjectId: eventId });
    return { id: eventId, slug };
  });
}
