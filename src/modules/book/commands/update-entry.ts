import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { bookPolicy } from '../policy.ts';
import { getEntry } from '../queries/entries.ts';

/** Changes a chapter's title, the revision it is pinned to (null: current text) or, for a text, its body. */
export async function updateEntry(ctx: CommandContext, input: { entryId: number; title: string; revisionNumber: number | null; bodyMd: string }): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    const entry = await getEntry(tx.db, input.entryId);
    if (!entry) throw new NotFoundError(`entry ${input.entryId}`);
    await tx.db
      .updateTable('book_entries')
      .set({
        title: input.title.trim(),
        ...(entry.kind === 'piece' ? { revision_number: input.revisionNumber } : {}),
        ...(entry.kind === 'text' ? { body_md: input.bodyMd } : {}),
        updated_at: tx.now.toISOString(),
      })
      .where('id', '=', entry.id)
      .execute();
    await audit(tx, { action: 'book.entry_updated', subjectType: 'book', subjectId: entry.bookId, data: { entryId: entry.id } });
    return entry.bookId;
  });
}
