import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { standingFrom, type ContributionFact, type Standing } from './domain/eligibility.ts';
import type { ContributionItem, SubjectRegistry } from './subjects.ts';

/** Public columns only: the email is never selected for a public page. */
const publicColumns = ['contributors.id', 'contributors.slug', 'contributors.name', 'contributors.bio', 'contributors.photo_media_id', 'contributors.links'] as const;

export async function listPublicContributors(db: Executor, now: Date) {
  return db
    .selectFrom('contributors')
    .innerJoin('contributions', 'contributions.contributor_id', 'contributors.id')
    .select([...publicColumns, sql<number>`count(contributions.id)`.as('contribution_count')])
    .where('contributions.accepted_at', 'is not', null)
    .where('contributions.accepted_at', '<=', now.toISOString())
    .groupBy(publicColumns)
    .orderBy('contributors.name')
    .execute();
}

export async function getPublicContributor(db: Executor, slug: string) {
  return db.selectFrom('contributors').select(publicColumns).where('slug', '=', slug).executeTakeFirst();
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

export async function listContributorsForEditors(db: Executor) {
  return db
    .selectFrom('contributors')
    .leftJoin('contributions', 'contributions.contributor_id', 'contributors.id')
    .select([
      'contributors.id',
      'contributors.slug',
      'contributors.name',
      sql<number>`count(contributions.id)`.as('contribution_count'),
    ])
    .groupBy(['contributors.id', 'contributors.slug', 'contributors.name'])
    .orderBy('contributors.name')
    .execute();
}

export async function getContributorForEditing(db: Executor, id: number) {
  return db
    .selectFrom('contributors')
    .select(['id', 'slug', 'name', 'bio', 'links', 'email', 'public_name', 'photo_media_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listContributorOptions(db: Executor) {
  return db.selectFrom('contributors').select(['id', 'name']).orderBy('name').execute();
}

/** Slugs of everyone with an accepted contribution (their pages are public). */
export async function listPublicContributorSlugs(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('contributors')
    .select('slug')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('contributions').select('id').whereRef('contributions.contributor_id', '=', 'contributors.id').where('accepted_at', 'is not', null).where('accepted_at', '<=', now.toISOString()),
      ),
    )
    .execute();
  return rows.map((r) => r.slug);
}
