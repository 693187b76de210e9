/**
 * A paper copy's order and the states it goes through: ordered (payment awaited), paid (the sale
 * is booked in the ledger and royalties credited), shipped, or cancelled before payment, or
 * refunded after it.
 */
export const BOOK_ORDER_STATUSES = ['ordered', 'paid', 'shipped', 'cancelled', 'refunded'] as const;
export type BookOrderStatus = (typeof BOOK_ORDER_STATUSES)[number];

export type BookOrderAction = 'pay' | 'ship' | 'cancel' | 'refund';

const TRANSITIONS: Record<BookOrderAction, { from: readonly BookOrderStatus[]; to: BookOrderStatus }> = {
  pay: { from: ['ordered'], to: 'paid' },
  ship: { from: ['paid'], to: 'shipped' },
  cancel: { from: ['ordered'], to: 'cancelled' },
  refund: { from: ['paid', 'shipped'], to: 'refunded' },
};

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextOrderStatus(status: BookOrderStatus, action: BookOrderAction): BookOrderStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** The actions an organiser may take on an order in this state, in the order the desk offers them. */
export function availableOrderActions(status: BookOrderStatus): BookOrderAction[] {
  return (Object.keys(TRANSITIONS) as BookOrderAction[]).filter((a) => nextOrderStatus(status, a) !== null);
}

export interface OrderPrice {
  /** What one copy costs the buyer, postage included (the ledger books it as the copy's price). */
  unitPrice: number;
  total: number;
}

/**
 * The price of an order: the book's price plus the chosen shipping option's postage, per copy.
 * Postage is charged per copy so the ledger books it as part of the copy's price and, as postage
 * paid, of its cost: a sale's royalties never depend on how it was shipped.
 */
export function orderPrice(input: { bookPrice: number; shippingPerCopy: number; quantity: number }): OrderPrice {
  const unitPrice = input.bookPrice + input.shippingPerCopy;
  return { unitPrice, total: unitPrice * input.quantity };
}
