import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { storeImage } from '../../media/index.ts';
import { profileRow, type ContributorInput } from '../profile.ts';

/** Rewrites a profile; a new slug must be free, a new photo replaces the old one. */
export async function updateContributor(ctx: CommandContext, input: ContributorInput & { id: number }): Promise<void> {
  const { id } = input;
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('contributors').select('id').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new NotFoundError(`contributor ${id}`);
    if (input.slug) {
      const taken = await tx.db.selectFrom('contributors').select('id').where('slug', '=', input.slug).where('id', '!=', id).executeTakeFirst();
      if (taken) throw new ValidationError({ slug: 'errors.slugTaken' });
    }
    const photoMediaId = input.photo ? await storeImage(tx, { field: 'photo', file: input.photo }) : undefined;
    await tx.db
      .updateTable('contributors')
      .set({
        ...profileRow(input),
        ...(input.slug ? { slug: input.slug } : {}),
        ...(photoMediaId !== undefined ? { photo_media_id: photoMediaId } : {}),
      })
      .where('id', '=', id)
      .execute();
    await audit(tx, { action: 'contributor.updated', subjectType: 'contributor', subjectId: id });
  });
}
