import type { Executor } from '../../../db/database.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { slugify } from '../../../shared/slug.ts';
import { audit } from '../../audit/index.ts';
import { storeImage } from '../../media/index.ts';
import { profileRow, type ContributorInput } from '../profile.ts';

async function freeSlug(db: Executor, wanted: string): Promise<string> {
  const base = slugify(wanted) || 'contributor';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await db.selectFrom('contributors').select('id').where('slug', '=', candidate).executeTakeFirst())) return candidate;
  }
  throw new ValidationError({ slug: 'errors.slugTaken' });
}

/** Creates a contributor profile; the slug comes from the name (or the one asked for) and is made unique. */
export async function createContributor(ctx: CommandContext, input: ContributorInput): Promise<{ id: number; slug: string }> {
  return inTransaction(ctx, async (tx) => {
    const slug = await freeSlug(tx.db, input.slug || input.name);
    const photoMediaId = input.photo ? await storeImage(tx, { field: 'photo', file: input.photo }) : null;
    const { id } = await tx.db
      .insertInto('contributors')
      .values({ slug, ...profileRow(input), photo_media_id: photoMediaId, created_at: tx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'contributor.created', subjectType: 'contributor', subjectId: id });
    return { id, slug };
  });
}
