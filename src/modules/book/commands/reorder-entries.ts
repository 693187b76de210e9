import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { moveInOrder } from '../domain/ordering.ts';
import { bookPolicy } from '../policy.ts';
import { getEntry, listEntryIds } from '../queries/entries.ts';

/**
 * Puts a book's parts and chapters in a new order: the whole order (dragged and dropped), or one
 * entry moved up or down (the keyboard's and the no-script way). Returns the book's id.
 */
export async function reorderEntries(ctx: CommandContext, input: { bookId: number; order: number[] } | { entryId: number; move: 'up' | 'down' | 'first' | 'last' }): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    let bookId: number;
    let order: number[];
    if ('order' in input) {
      bookId = input.bookId;
      const current = await listEntryIds(tx.db, bookId);
      // The same entries, each once: a stale page (an entry added or removed since) is refused.
      if (input.order.length !== current.length || [...input.order].sort((a, b) => a - b).join() !== [...current].sort((a, b) => a - b).join()) {
        throw new ValidationError({ order: 'book.editor.staleOrder' });
      }
      order = input.order;
    } else {
      const entry = await getEntry(tx.db, input.entryId);
      if (!entry) throw new NotFoundError(`entry ${input.entryId}`);
      bookId = entry.bookId;
      order = moveInOrder(await listEntryIds(tx.db, bookId), entry.id, input.move);
    }
    for (const [position, id] of order.entries()) await tx.db.updateTable('book_entries').set({ position }).where('id', '=', id).where('book_id', '=', bookId).execute();
    await audit(tx, { action: 'book.reordered', subjectType: 'book', subjectId: bookId });
    return bookId;
  });
}
