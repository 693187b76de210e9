import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { bookPolicy } from '../policy.ts';
import { getBook } from '../queries/books.ts';
import { writeBookSale } from './write-book-sale.ts';

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
 * Records a sale of paper copies made outside the shop (at an evening, by a bookshop): the ledger
 * books it and the sale is kept with its figures, both in one transaction.
 */
export async function recordBookSale(ctx: CommandContext, input: BookSaleInput): Promise<RecordedSale> {
  const actor = bookPolicy.authorize(ctx.actor, 'recordSale');
  return inTransaction(ctx, async (tx) => {
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`, 'book_id');
    const sale = await writeBookSale(tx, { book, quantity: input.quantity, unitPrice: input.unitPrice ?? book.unitPrice, manufacturingCost: book.manufacturingCost, fees: input.fees, key: input.key, createdBy: actor.id });
    await audit(tx, { action: 'book.sale_recorded', subjectType: 'book', subjectId: book.id, data: { saleId: sale.saleId, net: sale.net, transactionId: sale.transactionId } });
    return { saleId: sale.saleId, net: sale.net };
  });
}
