import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { bookPolicy } from '../policy.ts';
import { getBook, getBookContributors } from '../queries/books.ts';

/**
 * Sets a book's price and manufacturing cost per copy, and opens or closes its shop. A shop opens
 * only for a book with a price and contributors to share its royalties (the build names them).
 */
export async function setBookShop(ctx: CommandContext, input: { bookId: number; unitPrice: Cents; manufacturingCost: Cents; open: boolean }): Promise<void> {
  bookPolicy.authorize(ctx.actor, 'price');
  await inTransaction(ctx, async (tx) => {
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`);
    if (input.open && input.unitPrice <= 0) throw new ValidationError({ unit_price: 'book.shop.priceNeeded' });
    if (input.open && (await getBookContributors(tx.db, book.id)).length === 0) throw new ValidationError({ shop_open: 'ledger.noContributors' });
    await tx.db
      .updateTable('books')
      .set({ unit_price: input.unitPrice, manufacturing_cost: input.manufacturingCost, shop_open: input.open ? 1 : 0 })
      .where('id', '=', book.id)
      .execute();
    await audit(tx, { action: 'book.shop_set', subjectType: 'book', subjectId: book.id, data: { unitPrice: input.unitPrice, manufacturingCost: input.manufacturingCost, open: input.open } });
  });
}
