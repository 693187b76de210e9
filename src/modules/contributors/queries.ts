import { sql, type Expression, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/text-match.ts';
import { PICKER_MATCHES, toPage, type Page, type PageWindow } from '../../shared/pagination.ts';
import { mediaKeysOf } from '../media/index.ts';
import { standingFrom, type ContributionFact, type Standing } from './domain/eligibility.ts';
import type { ContributionItem, SubjectRegistry } from './subjects.ts';

/** Public columns only: the email is never selected for a public page. */
const publicColumns = ['contributors.id', 'contributors.slug', 'contributors.name', 'contributors.bio', 'contributors.photo_media_id', 'contributors.links'] as const;

/** Adds each profile's photo key (its URL) in one query. */
async function withPhotoKeys<T extends { photo_media_id: number | null }>(db: Executor, rows: T[]): Promise<(T & { photo_key: string | null })[]> {
  const keys = await mediaKeysOf(db, rows.map((r) => r.photo_media_id));
  return rows.map((r) => ({ ...r, photo_key: r.photo_media_id === null ? null : (keys.get(r.photo_media_id) ?? null) }));
}

export async function listPublicContributors(db: Executor, now: Date) {
  const rows = await db
    .selectFrom('contributors')
    .innerJoin('contributions', 'contributions.contributor_id', 'contributors.id')
    .select([...publicColumns, sql<number>`count(contributions.id)`.as('contribution_count')])
    .where('contributions.accepted_at', 'is not', null)
    .where('contributions.accepted_at', '<=', now.toISOString())
    .groupBy(publicColumns)
    .orderBy('contributors.name')
    .execute();
  return withPhotoKeys(db, rows);
}

/** A contribution that counts publicly: accepted (its piece published, its talk held) by `now`. */
function hasPublicContribution(now: Date) {
  return (eb: ExpressionBuilder<DB, 'contributors'>) =>
    eb.exists(
      eb
        .selectFrom('contributions')
        .select('contributions.id')
        .whereRef('contributions.contributor_id', '=', 'contributors.id')
        .where('contributions.accepted_at', 'is not', null)
        .where('contributions.accepted_at', '<=', now.toISOString()),
    );
}

/**
 * A contributor's public page: only once they have a public contribution. Before that (someone
 * who sent a proposal, a profile an editor prepared) there is no page: it would tell the world
 * about a person who has not appeared in the programme.
 */
export async function getPublicContributor(db: Executor, slug: string, now: Date) {
  const row = await db.selectFrom('contributors').select(publicColumns).where('slug', '=', slug).where(hasPublicContribution(now)).executeTakeFirst();
  return row ? (await withPhotoKeys(db, [row]))[0] : undefined;
}

/**
 * Whom a writer may credit on a piece: editors, anyone in the registry; others, the people who
 * appear publicly by name (a public contribution and the "appear by name" choice), themselves,
 * and whoever the piece credits already.
 */
export async function listCreditableContributors(db: Executor, input: { now: Date; everyone: boolean; ownId: number | null; keepIds: number[]; among?: number[] }) {
  let query = db.selectFrom('contributors').select(['id', 'name']).orderBy('name');
  // (Checking a form's ids: only those.)
  if (input.among) query = query.where('contributors.id', 'in', input.among.length ? input.among : [0]);
  if (!input.everyone) {
    const named = (eb: ExpressionBuilder<DB, 'contributors'>) => eb.and([eb('contributors.public_name', '=', 1), hasPublicContribution(input.now)(eb)]);
    const known = [...(input.ownId !== null ? [input.ownId] : []), ...input.keepIds];
    query = query.where((eb) => eb.or([named(eb), ...(known.length ? [eb('contributors.id', 'in', known)] : [])]));
  }
  return query.execute();
}

export async function listContributionFacts(db: Executor, contributorId: number): Promise<ContributionFact[]> {
  const rows = await db
    .selectFrom('contributions')
    .select(['kind', 'subject_type', 'subject_id', 'accepted_at'])
    .where('contributor_id', '=', contributorId)
    .execute();
  return rows.map((r) => ({ kind: r.kind, subjectType: r.subject_type, subjectId: r.subject_id, acceptedAt: r.accepted_at }));
}

/**
 * A contributor's accepted contributions, newest first, each with the public summary of what it
 * was to (through the registry app.ts filled): contributions to subjects that are not public, or
 * of a type nobody registered, are left out.
 */
export async function listContributionItems(db: Executor, subjects: SubjectRegistry, contributorId: number, now: Date): Promise<ContributionItem[]> {
  const { contributions } = await getStanding(db, contributorId, now);
  const summaries = await subjects.resolve(db, contributions, now);
  return contributions.flatMap((c) => {
    const subject = summaries.get(`${c.subjectType}:${c.subjectId}`);
    return subject ? [{ kind: c.kind, acceptedAt: c.acceptedAt, subject }] : [];
  });
}

/** "Is this person a contributor of this programme, and with what?" by contributor profile. */
export async function getStanding(db: Executor, contributorId: number, now: Date): Promise<Standing> {
  return standingFrom(await listContributionFacts(db, contributorId), now);
}

/** The same question for a logged-in account (free tickets, royalties): no profile, no standing. */
export async function getStandingOfUser(db: Executor, userId: number, now: Date): Promise<Standing> {
  const user = await db.selectFrom('users').select('contributor_id').where('id', '=', userId).executeTakeFirst();
  if (!user?.contributor_id) return standingFrom([], now);
  return getStanding(db, user.contributor_id, now);
}

/** Credits of many subjects at once, in order, for lists and pages (one query, no N+1). */
/**
 * One subject's credits as a subquery (contributor id, slug, name, kind, in their order), for a
 * read that aggregates them into its own row (jsonArrayFrom) instead of a second statement.
 */
export function creditsSubquery(db: Executor, subjectType: string, subjectId: Expression<number>) {
  return db
    .selectFrom('contributions')
    .innerJoin('contributors', 'contributors.id', 'contributions.contributor_id')
    .select(['contributors.id as contributorId', 'contributors.name', 'contributors.slug', 'contributions.kind'])
    .where('contributions.subject_type', '=', subjectType)
    .where('contributions.subject_id', '=', subjectId)
    .orderBy('contributions.position');
}

export async function listCredits(db: Executor, subjectType: string, subjectIds: number[]) {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('contributions')
    .innerJoin('contributors', 'contributors.id', 'contributions.contributor_id')
    .select([
      'contributions.subject_id',
      'contributions.kind',
      'contributions.position',
      'contributors.id as contributor_id',
      'contributors.slug',
      'contributors.name',
    ])
    .where('contributions.subject_type', '=', subjectType)
    .where('contributions.subject_id', 'in', subjectIds)
    .orderBy('contributions.subject_id')
    .orderBy('contributions.position')
    .execute();
}

/** One page of the editors' list of profiles, by name, filtered by a part of the name or slug. */
export async function listContributorsForEditors(db: Executor, filter: { q: string; window: PageWindow }): Promise<Page<{ id: number; slug: string; name: string; contribution_count: number }>> {
  let query = db
    .selectFrom('contributors')
    .select((eb) => [
      'contributors.id',
      'contributors.slug',
      'contributors.name',
      eb.selectFrom('contributions').select(eb.fn.countAll<number>().as('n')).whereRef('contributions.contributor_id', '=', 'contributors.id').as('contribution_count'),
    ]);
  if (filter.q) query = query.where((eb) => eb.or([containsText('contributors.name', filter.q), containsText('contributors.slug', filter.q)]));
  const rows = await query.orderBy('contributors.name').orderBy('contributors.id').limit(filter.window.limit).offset(filter.window.offset).execute();
  return toPage(rows.map((r) => ({ ...r, contribution_count: Number(r.contribution_count ?? 0) })), filter.window);
}

/** A person picker's offers: the profiles whose name contains `q`, by name (the first few). */
export async function searchContributorOptions(db: Executor, q: string, limit = PICKER_MATCHES): Promise<{ id: number; name: string }[]> {
  let query = db.selectFrom('contributors').select(['id', 'name']);
  if (q) query = query.where(containsText('name', q));
  return query.orderBy('name').orderBy('id').limit(limit).execute();
}

/** The profiles a form already names (a picker shows its current choice whatever the search). */
export async function getContributorOptions(db: Executor, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return db.selectFrom('contributors').select(['id', 'name']).where('id', 'in', wanted).execute();
}

export async function getContributorForEditing(db: Executor, id: number) {
  const row = await db
    .selectFrom('contributors')
    .select(['id', 'slug', 'name', 'bio', 'links', 'email', 'public_name', 'photo_media_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await withPhotoKeys(db, [row]))[0] : undefined;
}

/**
 * Whether a contributor photo is shown publicly: the profile's page is public (a public
 * contribution). For the media module, through app.ts.
 */
export async function contributorPhotoShown(db: Executor, mediaId: number, now: Date): Promise<boolean> {
  const row = await db.selectFrom('contributors').select('id').where('photo_media_id', '=', mediaId).where(hasPublicContribution(now)).executeTakeFirst();
  return row !== undefined;
}

/** Slugs of everyone with a public contribution (their pages are public). */
export async function listPublicContributorSlugs(db: Executor, now: Date): Promise<string[]> {
  const rows = await db.selectFrom('contributors').select('slug').where(hasPublicContribution(now)).execute();
  return rows.map((r) => r.slug);
}

/** Whether a profile exists (a form names it by id). */
export async function contributorExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('contributors').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
