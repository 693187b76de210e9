import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { setCredits } from '../../contributors/index.ts';
import { BOOK_CHAPTER_SUBJECT } from '../domain/chapter-credits.ts';
import { bookPolicy } from '../policy.ts';
import { getEntry, listEntryIds } from '../queries/entries.ts';

/** Takes a part or chapter out of the book, with its authors' book-chapter credits. Returns the book's id. */
export async function removeEntry(ctx: CommandContext, input: { entryId: number }): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    const entry = await getEntry(tx.db, input.entryId);
    if (!entry) throw new NotFoundError(`entry ${input.entryId}`);
    await setCredits(tx, { subject: { type: BOOK_CHAPTER_SUBJECT, id: entry.id }, credits: [], acceptedAt: null });
    await tx.db.deleteFrom('book_entries').where('id', '=', entry.id).execute();
    const rest = await listEntryIds(tx.db, entry.bookId);
    for (const [position, id] of rest.entries()) await tx.db.updateTable('book_entries').set({ position }).where('id', '=', id).where('position', '!=', position).execute();
    await audit(tx, { action: 'book.entry_removed', subjectType: 'book', subjectId: entry.bookId, data: { entryId: entry.id } });
    return entry.bookId;
  });
}
