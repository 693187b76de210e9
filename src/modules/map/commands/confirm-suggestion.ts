import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { notifyEditorsOfSuggestion } from '../effects.ts';
import { isSuggestionToken } from '../suggestion-token.ts';

/**
 * The suggester followed the link of their confirmation email: the suggestion joins the editors'
 * queue. Following it again changes nothing; a wrong token is a 404, like a suggestion that does
 * not exist.
 */
export async function confirmSuggestion(ctx: CommandContext, input: { suggestionId: number; token: string; secret: string }): Promise<'confirmed' | 'already'> {
  if (!isSuggestionToken(input.secret, input.suggestionId, input.token)) throw new NotFoundError('bad suggestion token');
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('map_suggestions')
      .set({ status: 'pending', confirmed_at: tx.now.toISOString() })
      .where('id', '=', input.suggestionId)
      .where('status', '=', 'unconfirmed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const exists = await tx.db.selectFrom('map_suggestions').select('id').where('id', '=', input.suggestionId).executeTakeFirst();
      if (!exists) throw new NotFoundError();
      return 'already';
    }
    await audit(tx, { action: 'map.suggestion.confirmed', subjectType: 'map_suggestion', subjectId: input.suggestionId });
    await emit(tx, notifyEditorsOfSuggestion, { suggestionId: input.suggestionId }, { key: input.suggestionId });
    return 'confirmed';
  });
}
