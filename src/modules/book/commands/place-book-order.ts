import { randomBytes } from 'node:crypto';
import type { ShippingOption } from '../../../config.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { AppError, NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { orderPrice } from '../domain/book-order.ts';
import { sendOrderPlaced } from '../effects.ts';
import { getBook, getBookContributors } from '../queries/books.ts';
import { getBookOrder } from '../queries/orders.ts';

export interface BookOrderInput {
  bookId: number;
  name: string;
  email: string;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  shipping: ShippingOption;
  quantity: number;
  /** The form's one-time key: a double submit places one order. */
  key: string;
  lang: Lang;
  /** Where new orders pay ('manual': transfer, an organiser marks it paid; 'stripe': Checkout). */
  provider: 'manual' | 'stripe';
  /** The shipping options offered, with their postage per copy (configuration). */
  shippingOptions: readonly { option: ShippingOption; perCopy: number }[];
}

export class ShopClosedError extends AppError {
  constructor() {
    super('shop_closed', 409, 'book.shop.closed');
  }
}

/** Orders paper copies: the order waits for its payment; the buyer gets an email with its link. Returns its public id. */
export async function placeBookOrder(ctx: CommandContext, input: BookOrderInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const already = await getBookOrder(tx.db, { key: input.key });
    if (already) return already.publicId;
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`);
    if (!book.shopOpen || book.unitPrice <= 0 || (await getBookContributors(tx.db, book.id)).length === 0) throw new ShopClosedError();
    const shipping = input.shippingOptions.find((o) => o.option === input.shipping);
    if (!shipping) throw new ValidationError({ shipping: 'errors.invalid' });
    const price = orderPrice({ bookPrice: book.unitPrice, shippingPerCopy: shipping.perCopy, quantity: input.quantity });
    const now = tx.now.toISOString();
    const publicId = randomBytes(12).toString('base64url');
    const { id } = await tx.db
      .insertInto('book_orders')
      .values({
        public_id: publicId,
        book_id: book.id,
        name: input.name,
        email: input.email,
        address: input.address,
        postal_code: input.postalCode,
        city: input.city,
        country: input.country,
        shipping_option: shipping.option,
        shipping_per_copy: shipping.perCopy,
        quantity: input.quantity,
        unit_price: price.unitPrice,
        total: price.total,
        status: 'ordered',
        provider: input.provider,
        provider_ref: null,
        provider_payment_ref: null,
        checkout_url: null,
        sale_id: null,
        lang: input.lang,
        idempotency_key: input.key,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'book_order.placed', subjectType: 'book_order', subjectId: id, data: { bookId: book.id, quantity: input.quantity, total: price.total } });
    await emit(tx, sendOrderPlaced, { orderId: id }, { key: id });
    return publicId;
  });
}
