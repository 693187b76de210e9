import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { claimSuggestion } from './decide-suggestion.ts';

/** An editor turns a suggestion down (spam, not an open business model…); the suggester is told. */
export async function rejectSuggestion(ctx: CommandContext, input: { suggestionId: number; note: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await claimSuggestion(tx, { suggestionId: input.suggestionId, status: 'rejected', note: input.note });
  });
}
