/** The life of an order and the kinds of tickets, as the ticketing rules and the schema both name them. */

/**
 * reserved: seats held while payment is awaited (until `reserved_until`); confirmed: free seats,
 * tickets issued; paid: paid seats, tickets issued; expired: a reservation that ran out (its seats
 * went back); cancelled: by the attendee or the organisers (money, if any, is `refund_due` until
 * given back); refunded: cancelled and given back.
 */
export type OrderStatus = 'reserved' | 'confirmed' | 'paid' | 'expired' | 'cancelled' | 'refunded';

/** Statuses whose orders hold seats (a reservation until it is released). */
export const HOLDING_STATUSES = ['reserved', 'confirmed', 'paid'] as const satisfies readonly OrderStatus[];

export const TICKET_KINDS = ['contributor', 'standard', 'solidarity', 'pay_what_you_want', 'invitation'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Kinds anyone may buy (and so wait for): contributor seats and invitations have their own doors. */
export const OPEN_KINDS: readonly TicketKind[] = ['standard', 'solidarity', 'pay_what_you_want'];

/** Where an order's money goes: nowhere (free), an organiser marks it received (manual), or Stripe. */
export type PaymentProviderName = 'free' | 'manual' | 'stripe';

/** The ledger's name for where the money of a provider sits. */
export function moneyChannel(provider: string): 'bank' | 'provider' {
  return provider === 'stripe' ? 'provider' : 'bank';
}

/** Whether an order's money can be given back by its provider without a person (otherwise an organiser does it). */
export function refundsAutomatically(provider: string): boolean {
  return provider === 'stripe';
}
