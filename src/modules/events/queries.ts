import type { Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

const listColumns = ['events.id', 'events.slug', 'events.title', 'events.starts_at', 'events.ends_at', 'events.venue', 'events.capacity', 'events.status', 'events.theme_id'] as const;

export type EventListRow = Awaited<ReturnType<typeof listEventsForEditors>>[number];

export async function listEventsForEditors(db: Executor) {
  return db.selectFrom('events').select(listColumns).orderBy('events.starts_at', 'desc').limit(500).execute();
}

/** Published events, upcoming first (ascending) or past (descending), a page at a time. */
export async function listPublicEvents(db: Executor, now: Date, when: 'upcoming' | 'past', page: { limit: number; offset: number } = { limit: 200, offset: 0 }) {
  let q = db.selectFrom('events').select(listColumns).where('events.status', 'in', ['published', 'cancelled']);
  q = when === 'upcoming' ? q.where('events.ends_at', '>=', now.toISOString()).orderBy('events.starts_at', 'asc') : q.where('events.ends_at', '<', now.toISOString()).orderBy('events.starts_at', 'desc');
  return q.orderBy('events.id').limit(page.limit).offset(page.offset).execute();
}

/** The next few public evenings not yet over (the home page's highlight), compiled once. */
const comingEvenings = preparedQuery(['now'], (db, p: { now: string }) =>
  db
    .selectFrom('events')
    .select(listColumns)
    .where('events.status', 'in', ['published', 'cancelled'])
    .where('events.ends_at', '>=', p.now)
    .orderBy('events.starts_at', 'asc')
    .orderBy('events.id')
    .limit(5),
);

export async function listComingEvenings(db: Executor, now: Date): Promise<EventListRow[]> {
  return comingEvenings(db, { now: now.toISOString() });
}

/** How many published (or cancelled) events are upcoming, or past. */
export async function countPublicEvents(db: Executor, now: Date, when: 'upcoming' | 'past'): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['published', 'cancelled'])
    .where('ends_at', when === 'upcoming' ? '>=' : '<', now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getEventBySlug(db: Executor, slug: string) {
  return db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function getEvent(db: Executor, id: number) {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEventOptions(db: Executor) {
  return db.selectFrom('events').select(['id', 'title', 'starts_at']).orderBy('starts_at', 'desc').execute();
}

export async function listSeries(db: Executor) {
  return db.selectFrom('event_series').select(['id', 'slug', 'title']).orderBy('created_at', 'desc').execute();
}

export async function getSeriesBySlug(db: Executor, slug: string) {
  return db.selectFrom('event_series').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listEventsOfSeries(db: Executor, seriesId: number) {
  return db.selectFrom('events').select(listColumns).where('series_id', '=', seriesId).where('status', '!=', 'draft').orderBy('starts_at').execute();
}

export async function listSpeakerIds(db: Executor, eventId: number): Promise<number[]> {
  const rows = await db.selectFrom('contributions').select('contributor_id').where('subject_type', '=', 'event').where('subject_id', '=', eventId).where('kind', '=', 'talk').execute();
  return rows.map((r) => r.contributor_id);
}

/** Published and cancelled events, in time order, for a calendar feed (one series, or all). */
export async function listCalendarEvents(db: Executor, seriesId: number | null) {
  let q = db.selectFrom('events').selectAll().where('status', 'in', ['published', 'cancelled']);
  if (seriesId !== null) q = q.where('series_id', '=', seriesId);
  return q.orderBy('starts_at').execute();
}

export async function listEventSubjects(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('events').select(['id', 'slug', 'title', 'starts_at']).where('id', 'in', ids).where('status', '!=', 'draft').execute();
}

/**
 * The next moment an evening's public face changes by the clock alone: it starts, it ends (from
 * upcoming to past), its registration opens or closes. For the page cache (docs/decisions/021).
 */
export async function nextEventChange(db: Executor, now: Date): Promise<string | null> {
  const at = now.toISOString();
  const columns = ['starts_at', 'ends_at', 'registration_opens_at', 'registration_closes_at'] as const;
  const rows = await Promise.all(
    columns.map((column) =>
      db
        .selectFrom('events')
        .select((eb) => eb.fn.min(column).as('next'))
        .where('status', '!=', 'draft')
        .where(column, '>', at)
        .executeTakeFirst(),
    ),
  );
  const times = rows.map((r) => r?.next ?? null).filter((t): t is string => t !== null);
  return times.length === 0 ? null : times.reduce((a, b) => (new Date(a) < new Date(b) ? a : b));
}
