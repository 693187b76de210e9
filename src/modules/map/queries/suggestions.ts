/** Reads of suggestions (editors only: they carry the suggester's private address) and versions. */
import type { Executor } from '../../../db/database.ts';
import type { SuggestionStatus } from '../domain/organisation.ts';

const SUGGESTION_COLUMNS = [
  'map_suggestions.id',
  'map_suggestions.kind',
  'map_suggestions.organisation_id',
  'map_suggestions.proposal',
  'map_suggestions.message',
  'map_suggestions.suggester_name',
  'map_suggestions.suggester_email',
  'map_suggestions.lang',
  'map_suggestions.status',
  'map_suggestions.confirmed_at',
  'map_suggestions.decided_at',
  'map_suggestions.decision_note',
  'map_suggestions.created_at',
] as const;

export async function getSuggestion(db: Executor, id: number) {
  return db.selectFrom('map_suggestions').select([...SUGGESTION_COLUMNS]).where('id', '=', id).executeTakeFirst();
}
export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof getSuggestion>>>;

/** The editors' queue: confirmed suggestions awaiting a decision, oldest first, with the organisation they are about. */
export async function listSuggestions(db: Executor, status: SuggestionStatus, limit = 200) {
  return db
    .selectFrom('map_suggestions')
    .leftJoin('map_organisations', 'map_organisations.id', 'map_suggestions.organisation_id')
    .select([...SUGGESTION_COLUMNS, 'map_organisations.name as organisation_name'])
    .where('map_suggestions.status', '=', status)
    .orderBy('map_suggestions.created_at', status === 'pending' ? 'asc' : 'desc')
    .orderBy('map_suggestions.id')
    .limit(limit)
    .execute();
}

export async function countSuggestions(db: Executor, status: SuggestionStatus): Promise<number> {
  const row = await db.selectFrom('map_suggestions').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every version of an organisation, newest first, with who wrote it. */
export async function listVersions(db: Executor, organisationId: number) {
  return db
    .selectFrom('map_versions')
    .leftJoin('users', 'users.id', 'map_versions.author_user_id')
    .select(['map_versions.id', 'map_versions.number', 'map_versions.snapshot', 'map_versions.note', 'map_versions.suggestion_id', 'map_versions.created_at', 'users.display_name as author'])
    .where('map_versions.organisation_id', '=', organisationId)
    .orderBy('map_versions.number', 'desc')
    .execute();
}

/** A "write to them" message waiting to be relayed. */
export async function getRelayMessage(db: Executor, id: number) {
  return db.selectFrom('map_relay_messages').select(['id', 'organisation_id', 'sender_name', 'sender_email', 'body', 'lang']).where('id', '=', id).executeTakeFirst();
}
