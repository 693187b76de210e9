import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { conversationPolicy } from '../policy.ts';

/** An editor features a response (shown first on the challenge's page) or stops featuring it. */
export async function featureResponse(ctx: CommandContext, input: { id: number; featured: boolean }): Promise<void> {
  const actor = conversationPolicy.authorize(ctx.actor, 'moderate');
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('responses')
      .set({ featured: input.featured ? 1 : 0, moderated_by: actor.id, updated_at: tx.now.toISOString() })
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError();
    await audit(tx, { action: input.featured ? 'response.featured' : 'response.unfeatured', subjectType: 'response', subjectId: input.id });
  });
}
