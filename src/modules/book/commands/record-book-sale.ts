import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { bookBookSale } from '../../ledger/index.ts';
import { royaltyWeights } from '../domain/split-method.ts';
import { bookPolicy } from '../policy.ts';
import { findSale, getBook, getBookContributors } from '../queries.ts';

export interface BookSaleInput {
  bookId: number;
  quantity: number;
  /** The price of a copy, when not the book's list price. */
  unitPrice?: Cents | undefined;
  /** What the payment provider kept. */
  fees: Cents;
  /** The form's one-time key: a double submit records one sale. */
  key: string;
}

export interface RecordedSale {
  saleId: number;
  net: Cents;
}

/**
 * Records a sale of paper copies: the ledger books it (gross, manufacturing, fees, and the net
 * shared as royalties between the book's contributors, to the cent) and the sale is kept with
 * its figures, both in one transaction.
 */
export async function recordBookSale(ctx: CommandContext, input: BookSaleInput): Promise<RecordedSale> {
  const actor = bookPolicy.authorize(ctx.actor, 'recordSale');
  return inTransaction(ctx, async (tx) => {
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`, 'book_id');
    const already = await findSale(tx.db, input.key);
    if (already) return { saleId: already.id, net: already.net };
    const contributors = await getBookContributors(tx.db, book.id);
    const unitPrice = input.unitPrice ?? book.unitPrice;
    const booked = await bookBookSale(tx, {
      bookId: book.id,
      title: book.title,
      quantity: input.quantity,
      unitPrice,
      manufacturingCostPerCopy: book.manufacturingCost,
      fees: input.fees,
      contributors: royaltyWeights(book.splitMethod, contributors),
      key: input.key,
    });
    const now = tx.now.toISOString();
    const { id: saleId } = await tx.db
      .insertInto('book_sales')
      .values({
        book_id: book.id,
        quantity: input.quantity,
        unit_price: unitPrice,
        manufacturing_cost: book.manufacturingCost,
        fees: input.fees,
        net: booked.net,
        sold_at: now,
        transaction_id: booked.transactionId,
        idempotency_key: input.key,
        created_by: actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'book.sale_recorded', subjectType: 'book', subjectId: book.id, data: { saleId, net: booked.net, transactionId: booked.transactionId } });
    return { saleId, net: booked.net };
  });
}
