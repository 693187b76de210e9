import type { Executor } from '../../db/database.ts';

const listColumns = ['events.id', 'events.slug', 'events.title', 'events.starts_at', 'events.ends_at', 'events.venue', 'events.capacity', 'events.status', 'events.theme_id'] as const;

export type EventListRow = Awaited<ReturnType<typeof listEventsForEditors>>[number];

export async function listEventsForEditors(db: Executor) {
  return db.selectFrom('events').select(listColumns).orderBy('events.starts_at', 'desc').limit(500).execute();
}

/** Published events, upcoming first (ascending) or past (descending). */
export async function listPublicEvents(db: Executor, now: Date, when: 'upcoming' | 'past') {
  let q = db.selectFrom('events').select(listColumns).where('events.status', 'in', ['published', 'cancelled']);
  q = when === 'upcoming' ? q.where('events.ends_at', '>=', now.toISOString()).orderBy('events.starts_at', 'asc') : q.where('events.ends_at', '<', now.toISOString()).orderBy('events.starts_at', 'desc');
  return q.limit(200).execute();
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
