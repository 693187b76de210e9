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
