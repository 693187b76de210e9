/** Reads of the paper orders. Buyers' names, emails and addresses are for the organisers' pages and the buyer's own. */
import type { Executor } from '../../../db/database.ts';
import type { BookOrderStatus } from '../domain/book-order.ts';

export interface BookOrderRow {
  id: number;
  publicId: string;
  bookId: number;
  bookTitle: string;
  bookSlug: string;
  name: string;
  email: string;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  shippingOption: string;
  shippingPerCopy: number;
  quantity: number;
  unitPrice: number;
  total: number;
  status: BookOrderStatus;
  provider: string;
  providerRef: string | null;
  providerPaymentRef: string | null;
  checkoutUrl: string | null;
  saleId: number | null;
  lang: 'fr' | 'en';
  createdAt: string;
  updatedAt: string;
}

function base(db: Executor) {
  return db
    .selectFrom('book_orders')
    .innerJoin('books', 'books.id', 'book_orders.book_id')
    .select([
      'book_orders.id',
      'book_orders.public_id',
      'book_orders.book_id',
      'books.title as book_title',
      'books.slug as book_slug',
      'book_orders.name',
      'book_orders.email',
      'book_orders.address',
      'book_orders.postal_code',
      'book_orders.city',
      'book_orders.country',
      'book_orders.shipping_option',
      'book_orders.shipping_per_copy',
      'book_orders.quantity',
      'book_orders.unit_price',
      'book_orders.total',
      'book_orders.status',
      'book_orders.provider',
      'book_orders.provider_ref',
      'book_orders.provider_payment_ref',
      'book_orders.checkout_url',
      'book_orders.sale_id',
      'book_orders.lang',
      'book_orders.created_at',
      'book_orders.updated_at',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
const shaped = (r: Raw): BookOrderRow => ({
  id: r.id,
  publicId: r.public_id,
  bookId: r.book_id,
  bookTitle: r.book_title,
  bookSlug: r.book_slug,
  name: r.name,
  email: r.email,
  address: r.address,
  postalCode: r.postal_code,
  city: r.city,
  country: r.country,
  shippingOption: r.shipping_option,
  shippingPerCopy: Number(r.shipping_per_copy),
  quantity: r.quantity,
  unitPrice: Number(r.unit_price),
  total: Number(r.total),
  status: r.status,
  provider: r.provider,
  providerRef: r.provider_ref,
  providerPaymentRef: r.provider_payment_ref,
  checkoutUrl: r.checkout_url,
  saleId: r.sale_id,
  lang: r.lang,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function getBookOrder(db: Executor, by: { id: number } | { publicId: string } | { providerRef: string } | { key: string }): Promise<BookOrderRow | undefined> {
  let q = base(db);
  if ('id' in by) q = q.where('book_orders.id', '=', by.id);
  else if ('publicId' in by) q = q.where('book_orders.public_id', '=', by.publicId);
  else if ('providerRef' in by) q = q.where('book_orders.provider_ref', '=', by.providerRef);
  else q = q.where('book_orders.idempotency_key', '=', by.key);
  const row = await q.executeTakeFirst();
  return row && shaped(row);
}

/** The fulfilment list: orders to ship first (paid), then awaiting payment, then the rest; newest first within each. */
export async function listBookOrders(db: Executor, filter: { status?: BookOrderStatus; limit: number }): Promise<BookOrderRow[]> {
  let q = base(db);
  if (filter.status) q = q.where('book_orders.status', '=', filter.status);
  const rows = await q.orderBy('book_orders.id', 'desc').limit(filter.limit).execute();
  const rank: Record<BookOrderStatus, number> = { paid: 0, ordered: 1, shipped: 2, cancelled: 3, refunded: 4 };
  return rows.map(shaped).sort((a, b) => rank[a.status] - rank[b.status] || b.id - a.id);
}
