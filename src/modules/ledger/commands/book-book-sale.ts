import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { bookSale } from '../domain/allocation.ts';
import { ledgerLabel } from './ledger-label.ts';
import { postTransaction } from './post-transaction.ts';

export interface BookSaleIntent {
  bookId: number;
  /** The title, for the transaction's label. */
  title: string;
  quantity: number;
  unitPrice: Cents;
  manufacturingCostPerCopy: Cents;
  /** What the payment provider kept. */
  fees: Cents;
  /** Who shares the net as royalties, and by what weight (1 each for equal shares). */
  contributors: readonly { contributorId: number; weight: number }[];
  /** One per sale: a retried sale books once. */
  key: string;
}

export interface BookedSale {
  transactionId: number;
  /** Gross − manufacturing − fees (negative for a sale at a loss: then nothing is shared). */
  net: Cents;
  /** Each contributor's royalties from this sale, to the cent (largest remainder). */
  shares: { contributorId: number; amount: Cents }[];
}

/**
 * The ledger's intent for a sale of paper copies: the book module says what was sold, the ledger
 * books the gross, manufacturing, fees, and the net owed to the contributors as royalties.
 */
export async function bookBookSale(ctx: CommandContext, input: BookSaleIntent): Promise<BookedSale> {
  return inTransaction(ctx, async (tx) => {
    const sale = bookSale({ quantity: input.quantity, unitPrice: input.unitPrice, manufacturingCostPerCopy: input.manufacturingCostPerCopy, fees: input.fees, contributors: input.contributors });
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      ...ledgerLabel('ledger.describe.bookSale', { quantity: input.quantity, title: input.title }),
      causeType: 'book_sale',
      causeId: input.bookId,
      idempotencyKey: `book_sale:${input.key}`,
      lines: sale.lines,
    });
    if (created) await audit(tx, { action: 'ledger.book_sale', subjectType: 'ledger_transaction', subjectId: id, data: { bookId: input.bookId, net: sale.net } });
    return { transactionId: id, net: sale.net, shares: sale.shares };
  });
}
