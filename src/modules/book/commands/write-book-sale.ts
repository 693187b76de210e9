import type { TxContext } from '../../../shared/command.ts';
import type { Cents } from '../../../shared/money.ts';
import { bookBookSale } from '../../ledger/index.ts';
import { royaltyWeights } from '../domain/split-method.ts';
import type { BookRow } from '../queries/books.ts';
import { findSale, getBookContributors } from '../queries/books.ts';

/**
 * Books a sale of paper copies in the ledger (by intent: gross, manufacturing, fees, and the net
 * shared as royalties between the book's contributors, to the cent) and keeps the sale with its
 * figures, in the caller's transaction. Once per key: a second call returns the first sale.
 */
export async function writeBookSale(
  ctx: TxContext,
  input: { book: BookRow; quantity: number; unitPrice: Cents; manufacturingCost: Cents; fees: Cents; key: string; createdBy: number | null },
): Promise<{ saleId: number; net: Cents; transactionId: number }> {
  const already = await findSale(ctx.db, input.key);
  if (already) return { saleId: already.id, net: already.net, transactionId: already.transactionId };
  const contributors = await getBookContributors(ctx.db, input.book.id);
  const booked = await bookBookSale(ctx, {
    bookId: input.book.id,
    title: input.book.title,
    quantity: input.quantity,
    unitPrice: input.unitPrice,
    manufacturingCostPerCopy: input.manufacturingCost,
    fees: input.fees,
    contributors: royaltyWeights(input.book.splitMethod, contributors),
    key: input.key,
  });
  const now = ctx.now.toISOString();
  const { id } = await ctx.db
    .insertInto('book_sales')
    .values({
      book_id: input.book.id,
      quantity: input.quantity,
      unit_price: input.unitPrice,
      manufacturing_cost: input.manufacturingCost,
      fees: input.fees,
      net: booked.net,
      sold_at: now,
      transaction_id: booked.transactionId,
      idempotency_key: input.key,
      created_by: input.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { saleId: id, net: booked.net, transactionId: booked.transactionId };
}
