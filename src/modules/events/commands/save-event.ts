import type { Executor } from '../../../db/database.ts';
import type { EventStatus } from '../../../db/schema.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugify } from '../../../shared/slug.ts';
import { recordEvent } from '../../audit/index.ts';
import { setContributionsAccepted, setCredits } from '../../contributors/index.ts';
import { scheduleProblems } from '../domain/event-state.ts';

export interface EventInput {
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
}

/** Creates (id null) or updates an event; the slug is unique, the schedule consistent. */
export async function saveEvent(trx: Executor, id: number | null, input: EventInput, meta: { actorUserId: number; now: Date }): Promise<{ id: number; slug: string }> {
  const problems = scheduleProblems(input);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const slug = input.slug || slugify(input.title) || 'event';
  let clash = trx.selectFrom('events').select('id').where('slug', '=', slug);
  if (id !== null) clash = clash.where('id', '!=', id);
  if (await clash.executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
  if (input.themeId !== null && !(await trx.selectFrom('themes').select('id').where('id', '=', input.themeId).executeTakeFirst())) {
    throw new ValidationError({ theme_id: 'errors.invalid' });
  }
  if (input.seriesId != null && !(await trx.selectFrom('event_series').select('id').where('id', '=', input.seriesId).executeTakeFirst())) {
    throw new ValidationError({ series_id: 'errors.invalid' });
  }
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
    updated_at: meta.now.toISOString(),
  };
  let eventId = id;
  if (eventId === null) {
    eventId = (await trx.insertInto('events').values({ ...values, created_at: meta.now.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    const r = await trx.updateTable('events').set(values).where('id', '=', eventId).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ValidationError({ title: 'errors.notFound' });
  }
  if (input.speakerIds) {
    const speakers = [...new Set(input.speakerIds)];
    if (speakers.length) {
      const found = await trx.selectFrom('contributors').select('id').where('id', 'in', speakers).execute();
      if (found.length !== speakers.length) throw new ValidationError({ speakers: 'errors.invalid' });
    }
    // A talk counts in the registry once the event is published (and its date has come).
    await setCredits(trx, { type: 'event', id: eventId }, speakers.map((contributorId) => ({ contributorId, kind: 'talk' })), {
      now: meta.now,
      acceptedAt: input.status === 'published' ? input.startsAt.toISOString() : null,
    });
    await setContributionsAccepted(trx, { type: 'event', id: eventId }, input.status === 'published' ? input.startsAt.toISOString() : null);
  }
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: id === null ? 'event.created' : 'event.updated', subjectType: 'event', subjectId: eventId, now: meta.now });
  return { id: eventId, slug };
}

/** Creates a series of events (a season); its page and calendar feed list its evenings. */
export async function createSeries(trx: Executor, input: { title: string; slug: string; description: string }, meta: { actorUserId: number | null; now: Date }): Promise<number> {
  const slug = input.slug || slugify(input.title) || 'series';
  if (await trx.selectFrom('event_series').select('id').where('slug', '=', slug).executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
  const { id } = await trx.insertInto('event_series').values({ title: input.title, slug, description: input.description, created_at: meta.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'series.created', subjectType: 'event_series', subjectId: id, now: meta.now });
  return id;
}
