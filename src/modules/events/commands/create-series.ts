import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { slugify } from '../../../shared/slug.ts';
import { audit } from '../../audit/index.ts';

/** Creates a series of events (a season); its page and calendar feed list its evenings. */
export async function createSeries(ctx: CommandContext, input: { title: string; slug: string; description: string }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const slug = input.slug || slugify(input.title) || 'series';
    if (await tx.db.selectFrom('event_series').select('id').where('slug', '=', slug).executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
    const { id } = await tx.db.insertInto('event_series').values({ title: input.title, slug, description: input.description, created_at: tx.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, { action: 'series.created', subjectType: 'event_series', subjectId: id });
    return id;
  });
}
