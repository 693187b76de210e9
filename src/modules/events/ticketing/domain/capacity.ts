/**
 * Seats: one capacity per event shared by every ticket type, and optionally a quota per type.
 * A seat is held by a confirmed or paid order, or by a reservation whose time has not run out.
 * Pure rules; the command runs them under a lock so two orders never see the same free seat.
 */
import type { OrderStatus } from './order.ts';

export const RESERVATION_MINUTES = 15;

/** How many rows an evening's capacity is spread over, so that buyers do not all wait on one. */
export const SEAT_BUCKETS = 8;

/**
 * Splits `total` seats into `parts` shares as equal as possible, the larger ones first:
 * `splitCapacity(10, 4)` → `[3, 3, 2, 2]`. The shares always add up to `total`.
 */
export function splitCapacity(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`splitCapacity: ${total} is not a number of seats`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`splitCapacity: ${parts} is not a number of parts`);
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
export const WAITLIST_OFFER_MINUTES = 120;

export interface Holding {
  ticketTypeId: number;
  quantity: number;
  status: OrderStatus;
  reservedUntil: string | null;
}

export function holdsSeats(order: Pick<Holding, 'status' | 'reservedUntil'>, now: Date): boolean {
  if (order.status === 'confirmed' || order.status === 'paid') return true;
  return order.status === 'reserved' && order.reservedUntil !== null && order.reservedUntil > now.toISOString();
}

export interface Availability {
  /** Seats left in the event's shared capacity. */
  left: number;
  /** Seats left for each ticket type: the smaller of the shared seats and its own quota. */
  perType: Map<number, number>;
  taken: number;
}

export function availability(input: { capacity: number; types: { id: number; quota: number | null }[]; holdings: Holding[]; now: Date }): Availability {
  const held = input.holdings.filter((h) => holdsSeats(h, input.now));
  const taken = held.reduce((s, h) => s + h.quantity, 0);
  const left = Math.max(0, input.capacity - taken);
  const perType = new Map<number, number>();
  for (const type of input.types) {
    const takenOfType = held.filter((h) => h.ticketTypeId === type.id).reduce((s, h) => s + h.quantity, 0);
    perType.set(type.id, type.quota === null ? left : Math.max(0, Math.min(left, type.quota - takenOfType)));
  }
  return { left, perType, taken };
}

/** Whether people may order now: published, not cancelled, inside the registration window, before the start. */
export function registrationState(
  event: { status: string; starts_at: string; registration_opens_at: string | null; registration_closes_at: string | null },
  now: Date,
): 'open' | 'not_yet' | 'closed' | 'cancelled' {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'closed';
  const iso = now.toISOString();
  if (event.registration_opens_at && iso < event.registration_opens_at) return 'not_yet';
  // Registration never outlives the start, whatever closing date was typed.
  const closes = event.registration_closes_at && event.registration_closes_at < event.starts_at ? event.registration_closes_at : event.starts_at;
  return iso < closes ? 'open' : 'closed';
}

/** The unit price an order pays for a type: a code's price wins; pay-what-you-want must reach the minimum. */
export function unitPrice(type: { kind: string; price: number }, options: { codePrice: number | null; offered: number | null }): number | 'below_minimum' {
  if (options.codePrice !== null) return options.codePrice;
  if (type.kind === 'contributor') return 0;
  if (type.kind === 'pay_what_you_want') {
    const offered = options.offered ?? type.price;
    return offered < type.price ? 'below_minimum' : offered;
  }
  return type.price;
}

/**
 * Seats left from the counters kept with the event and its types (held = confirmed, paid and
 * reservations not yet released): the shared capacity, and the type's own quota if it has one.
 */
export function seatsLeft(event: { capacity: number; seatsHeld: number }, type: { quota: number | null; held: number }): number {
  const shared = Math.max(0, event.capacity - event.seatsHeld);
  return type.quota === null ? shared : Math.max(0, Math.min(shared, type.quota - type.held));
}
