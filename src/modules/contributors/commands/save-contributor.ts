import type { Executor } from '../../../db/database.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { slugify } from '../../../shared/slug.ts';
import { recordEvent } from '../../audit/index.ts';
import type { ContributorLink } from '../queries.ts';

export interface ContributorInput {
  name: string;
  slug?: string;
  bio: string;
  links: ContributorLink[];
  email?: string | null;
  publicName?: boolean;
  photoMediaId?: number | null;
}

async function freeSlug(trx: Executor, wanted: string, exceptId?: number): Promise<string> {
  const base = slugify(wanted) || 'contributor';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    let q = trx.selectFrom('contributors').select('id').where('slug', '=', candidate);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    if (!(await q.executeTakeFirst())) return candidate;
  }
  throw new ValidationError({ slug: 'errors.slugTaken' });
}

/** Creates a contributor profile; the slug comes from the name and is made unique. */
export async function createContributor(
  trx: Executor,
  input: ContributorInput,
  meta: { actorUserId: number | null; now: Date },
): Promise<{ id: number; slug: string }> {
  const slug = await freeSlug(trx, input.slug || input.name);
  const { id } = await trx
    .insertInto('contributors')
    .values({
      slug,
      name: input.name,
      bio: input.bio,
      links: JSON.stringify(input.links),
      email: input.email ?? null,
      public_name: input.publicName === false ? 0 : 1,
      photo_media_id: input.photoMediaId ?? null,
      created_at: meta.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'contributor.created', subjectType: 'contributor', subjectId: id, now: meta.now });
  return { id, slug };
}

export async function updateContributor(
  trx: Executor,
  id: number,
  input: ContributorInput,
  meta: { actorUserId: number | null; now: Date },
): Promise<void> {
  if (input.slug) {
    const taken = await trx.selectFrom('contributors').select('id').where('slug', '=', input.slug).where('id', '!=', id).executeTakeFirst();
    if (taken) throw new ValidationError({ slug: 'errors.slugTaken' });
  }
  await trx
    .updateTable('contributors')
    .set({
      name: input.name,
      ...(input.slug ? { slug: input.slug } : {}),
      bio: input.bio,
      links: JSON.stringify(input.links),
      email: input.email ?? null,
      public_name: input.publicName === false ? 0 : 1,
      ...(input.photoMediaId !== undefined ? { photo_media_id: input.photoMediaId } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'contributor.updated', subjectType: 'contributor', subjectId: id, now: meta.now });
}

/** Finds the profile behind a private email, or creates one (a proposer becomes a contributor). */
export async function findOrCreateContributorByEmail(
  trx: Executor,
  input: { name: string; email: string },
  meta: { actorUserId: number | null; now: Date },
): Promise<number> {
  const existing = await trx.selectFrom('contributors').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) return existing.id;
  return (await createContributor(trx, { name: input.name, bio: '', links: [], email: input.email }, meta)).id;
}
