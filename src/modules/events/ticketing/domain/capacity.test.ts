import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './order.ts';
import { availability, holdsSeats, registrationState, RESERVATION_MINUTES, SEAT_BUCKETS, splitCapacity, unitPrice, WAITLIST_OFFER_MINUTES, type Holding } from './capacity.ts';

const NOW = new Date('2026-06-01T10:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const MINUTE = 60_000;

const held = (ticketTypeId: number, quantity: number, status: OrderStatus = 'confirmed', reservedUntil: string | null = null): Holding => ({ ticketTypeId, quantity, status, reservedUntil });

describe('reservation constants', () => {
  it('hold a paid reservation for 15 minutes and a waiting-list offer for 2 hours', () => {
    expect(RESERVATION_MINUTES).toBe(15);
    expect(WAITLIST_OFFER_MINUTES).toBe(120);
  });
});

describe('holdsSeats', () => {
  it.each<[string, OrderStatus, string | null, boolean]>([
    ['a confirmed order', 'confirmed', null, true],
    ['a paid order', 'paid', null, true],
    ['a paid order whose old reservation time has passed', 'paid', at(-MINUTE), true],
    ['a reservation with time left', 'reserved', at(1), true],
    ['a reservation expiring exactly now', 'reserved', at(0), false],
    ['a reservation that ran out', 'reserved', at(-1), false],
    ['a reservation without a deadline', 'reserved', null, false],
    ['an expired order', 'expired', at(MINUTE), false],
    ['a cancelled order', 'cancelled', null, false],
    ['a cancelled order still carrying a future deadline', 'cancelled', at(MINUTE), false],
    ['a refunded order', 'refunded', null, false],
  ])('%s → %s', (_label, status, reservedUntil, expected) => {
    expect(holdsSeats({ status, reservedUntil }, NOW)).toBe(expected);
  });
});

describe('availability', () => {
  const A = 1;
  const B = 2;
  const C = 3;

  it.each<{ name: string; capacity: number; types: { id: number; quota: number | null }[]; holdings: Holding[]; left: number; taken: number; perType: Record<number, number> }>([
    { name: 'an empty event', capacity: 10, types: [{ id: A, quota: null }], holdings: [], left: 10, taken: 0, perType: { [A]: 10 } },
    {
      name: 'shared capacity across types',
      capacity: 10,
      types: [{ id: A, quota: null }, { id: B, quota: null }],
      holdings: [held(A, 4), held(B, 3, 'paid')],
      left: 3,
      taken: 7,
      perType: { [A]: 3, [B]: 3 },
    },
    {
      name: 'a quota smaller than the shared seats caps its type',
      capacity: 10,
      types: [{ id: A, quota: null }, { id: B, quota: 3 }],
      holdings: [held(B, 2)],
      left: 8,
      taken: 2,
      perType: { [A]: 8, [B]: 1 },
    },
    {
      name: 'a quota used up leaves the type at zero while others still have seats',
      capacity: 10,
      types: [{ id: A, quota: null }, { id: B, quota: 3 }],
      holdings: [held(B, 3)],
      left: 7,
      taken: 3,
      perType: { [A]: 7, [B]: 0 },
    },
    {
      name: 'a quota bigger than the shared seats is capped by the shared seats',
      capacity: 5,
      types: [{ id: A, quota: null }, { id: B, quota: 10 }],
      holdings: [held(A, 4)],
      left: 1,
      taken: 4,
      perType: { [A]: 1, [B]: 1 },
    },
    {
      name: 'a zero quota closes its type',
      capacity: 5,
      types: [{ id: A, quota: null }, { id: B, quota: 0 }],
      holdings: [],
      left: 5,
      taken: 0,
      perType: { [A]: 5, [B]: 0 },
    },
    {
      name: 'a reservation expiring exactly now does not hold',
      capacity: 2,
      types: [{ id: A, quota: null }],
      holdings: [held(A, 1, 'reserved', at(0)), held(A, 1, 'reserved', at(1))],
      left: 1,
      taken: 1,
      perType: { [A]: 1 },
    },
    {
      name: 'cancelled, expired and refunded orders do not hold',
      capacity: 3,
      types: [{ id: A, quota: 2 }],
      holdings: [held(A, 2, 'cancelled'), held(A, 2, 'expired', at(MINUTE)), held(A, 2, 'refunded'), held(A, 1, 'reserved', at(-MINUTE))],
      left: 3,
      taken: 0,
      perType: { [A]: 2 },
    },
    {
      name: 'an oversold event (capacity lowered) shows zero, never a negative count',
      capacity: 3,
      types: [{ id: A, quota: null }, { id: B, quota: 1 }],
      holdings: [held(A, 4), held(B, 2)],
      left: 0,
      taken: 6,
      perType: { [A]: 0, [B]: 0 },
    },
    {
      name: 'seats of a type no longer listed still count against the shared capacity',
      capacity: 4,
      types: [{ id: A, quota: null }],
      holdings: [held(C, 3)],
      left: 1,
      taken: 3,
      perType: { [A]: 1 },
    },
    { name: 'zero capacity', capacity: 0, types: [{ id: A, quota: null }, { id: B, quota: 5 }], holdings: [], left: 0, taken: 0, perType: { [A]: 0, [B]: 0 } },
  ])('$name', ({ capacity, types, holdings, left, taken, perType }) => {
    const seats = availability({ capacity, types, holdings, now: NOW });
    expect(seats.left).toBe(left);
    expect(seats.taken).toBe(taken);
    expect(Object.fromEntries(seats.perType)).toEqual(perType);
  });

  const statusArb = fc.constantFrom<OrderStatus>('reserved', 'confirmed', 'paid', 'expired', 'cancelled', 'refunded');
  const holdingArb = (typeIds: number[]) =>
    fc.record({
      ticketTypeId: fc.constantFrom(...typeIds),
      quantity: fc.integer({ min: 1, max: 6 }),
      status: statusArb,
      reservedUntil: fc.option(fc.integer({ min: -30, max: 30 }).map((m) => at(m * MINUTE)), { nil: null }),
    });
  const scenario = fc
    .record({ capacity: fc.integer({ min: 0, max: 40 }), quotas: fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { minLength: 1, maxLength: 4 }) })
    .chain(({ capacity, quotas }) => {
      const types = quotas.map((quota, i) => ({ id: i + 1, quota }));
      return fc.record({ capacity: fc.constant(capacity), types: fc.constant(types), holdings: fc.array(holdingArb(types.map((t) => t.id)), { maxLength: 20 }) });
    });

  it('never shows a negative count, nor more than the capacity or a type’s quota', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, types, holdings }) => {
        const seats = availability({ capacity, types, holdings, now: NOW });
        expect(seats.left).toBeGreaterThanOrEqual(0);
        expect(seats.left).toBeLessThanOrEqual(capacity);
        for (const type of types) {
          const n = seats.perType.get(type.id)!;
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(seats.left);
          if (type.quota !== null) expect(n).toBeLessThanOrEqual(type.quota);
        }
      }),
    );
  });

  it('adds up: seats held + seats left = capacity whenever the event is not oversold', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, types, holdings }) => {
        const seats = availability({ capacity, types, holdings, now: NOW });
        const holding = holdings.filter((h) => holdsSeats(h, NOW)).reduce((s, h) => s + h.quantity, 0);
        expect(seats.taken).toBe(holding);
        if (holding <= capacity) expect(seats.taken + seats.left).toBe(capacity);
        else expect(seats.left).toBe(0);
      }),
    );
  });

  it('never oversells when every order is accepted only if its type shows enough seats', () => {
    const requestArb = fc.record({ type: fc.integer({ min: 1, max: 3 }), quantity: fc.integer({ min: 1, max: 4 }), paid: fc.boolean() });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.tuple(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 10 }), { nil: null })),
        fc.array(requestArb, { maxLength: 30 }),
        (capacity, quotas, requests) => {
          const types = quotas.map((quota, i) => ({ id: i + 1, quota }));
          const holdings: Holding[] = [];
          for (const r of requests) {
            const seats = availability({ capacity, types, holdings, now: NOW });
            if ((seats.perType.get(r.type) ?? 0) >= r.quantity) holdings.push(held(r.type, r.quantity, r.paid ? 'reserved' : 'confirmed', r.paid ? at(RESERVATION_MINUTES * MINUTE) : null));
          }
          const total = holdings.reduce((s, h) => s + h.quantity, 0);
          expect(total).toBeLessThanOrEqual(capacity);
          for (const type of types) {
            const ofType = holdings.filter((h) => h.ticketTypeId === type.id).reduce((s, h) => s + h.quantity, 0);
            if (type.quota !== null) expect(ofType).toBeLessThanOrEqual(type.quota);
          }
          // Once the reservations run out, their seats come back.
          const later = availability({ capacity, types, holdings, now: new Date(NOW.getTime() + RESERVATION_MINUTES * MINUTE) });
          expect(later.taken).toBe(holdings.filter((h) => h.status === 'confirmed').reduce((s, h) => s + h.quantity, 0));
        },
      ),
    );
  });
});

describe('registrationState', () => {
  const START = '2026-06-20T18:00:00.000Z';
  const event = (over: Partial<{ status: string; registration_opens_at: string | null; registration_closes_at: string | null }> = {}) => ({
    status: 'published',
    starts_at: START,
    registration_opens_at: null,
    registration_closes_at: null,
    ...over,
  });
  const before = (iso: string, ms = 1) => new Date(Date.parse(iso) - ms);

  it.each<[string, ReturnType<typeof event>, Date, 'open' | 'not_yet' | 'closed' | 'cancelled']>([
    ['published, no window, before the start', event(), NOW, 'open'],
    ['closes defaults to the start: 1 ms before', event(), before(START), 'open'],
    ['closes defaults to the start: at the start', event(), new Date(START), 'closed'],
    ['after the start', event(), new Date('2026-06-21T00:00:00Z'), 'closed'],
    ['before the window opens', event({ registration_opens_at: '2026-06-05T08:00:00.000Z' }), NOW, 'not_yet'],
    ['exactly when the window opens', event({ registration_opens_at: NOW.toISOString() }), NOW, 'open'],
    ['inside an explicit window', event({ registration_opens_at: '2026-05-01T08:00:00.000Z', registration_closes_at: '2026-06-10T08:00:00.000Z' }), NOW, 'open'],
    ['exactly when an explicit window closes', event({ registration_closes_at: NOW.toISOString() }), NOW, 'closed'],
    ['after an explicit close, before the start', event({ registration_closes_at: '2026-05-31T00:00:00.000Z' }), NOW, 'closed'],
    ['a draft, even inside its window', event({ status: 'draft' }), NOW, 'closed'],
    ['a cancelled event inside its window', event({ status: 'cancelled' }), NOW, 'cancelled'],
    ['a cancelled event before its window', event({ status: 'cancelled', registration_opens_at: '2026-06-05T08:00:00.000Z' }), NOW, 'cancelled'],
    ['a cancelled event after its start', event({ status: 'cancelled' }), new Date('2026-07-01T00:00:00Z'), 'cancelled'],
  ])('%s', (_label, e, now, expected) => {
    expect(registrationState(e, now)).toBe(expected);
  });

  // The function promises "inside the registration window, before the start"; the waiting list
  // (releaseAndOffer) also stops at the start. A closing date set after the start must not reopen
  // ordering once the evening has begun — or even ended.
  it('is closed once the event has started, even when the registration closing date is later', () => {
    const late = event({ registration_closes_at: '2026-06-25T00:00:00.000Z' });
    expect(registrationState(late, new Date('2026-06-20T19:00:00.000Z'))).toBe('closed');
    expect(registrationState(late, new Date('2026-06-24T00:00:00.000Z'))).toBe('closed');
  });

  it('is open exactly when the window is open and the event published', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
        fc.option(fc.integer({ min: -100, max: 0 }), { nil: null }),
        fc.constantFrom('published', 'draft', 'cancelled'),
        (nowH, opensH, closesBeforeStartH, status) => {
          const hour = 3600_000;
          const startMs = Date.parse(START);
          const e = event({
            status,
            registration_opens_at: opensH === null ? null : new Date(startMs + opensH * hour).toISOString(),
            registration_closes_at: closesBeforeStartH === null ? null : new Date(startMs + closesBeforeStartH * hour).toISOString(),
          });
          const now = new Date(startMs + nowH * hour);
          const closesMs = closesBeforeStartH === null ? startMs : startMs + closesBeforeStartH * hour;
          const opensMs = opensH === null ? -Infinity : startMs + opensH * hour;
          const state = registrationState(e, now);
          if (status === 'cancelled') expect(state).toBe('cancelled');
          else if (status === 'draft') expect(state).toBe('closed');
          else if (now.getTime() < opensMs) expect(state).toBe('not_yet');
          else expect(state).toBe(now.getTime() < closesMs ? 'open' : 'closed');
          if (state === 'open') expect(now.getTime()).toBeLessThan(startMs);
        },
      ),
    );
  });
});

describe('unitPrice', () => {
  it.each<[string, { kind: string; price: number }, { codePrice: number | null; offered: number | null }, number | 'below_minimum']>([
    ['standard pays its price', { kind: 'standard', price: 1500 }, { codePrice: null, offered: null }, 1500],
    ['solidarity pays its price', { kind: 'solidarity', price: 500 }, { codePrice: null, offered: null }, 500],
    ['an amount offered is ignored for a fixed price', { kind: 'standard', price: 1500 }, { codePrice: null, offered: 100 }, 1500],
    ['a code’s price wins over the type’s price', { kind: 'standard', price: 1500 }, { codePrice: 500, offered: null }, 500],
    ['a free code makes a paid type free', { kind: 'standard', price: 1500 }, { codePrice: 0, offered: null }, 0],
    ['contributors come free', { kind: 'contributor', price: 0 }, { codePrice: null, offered: null }, 0],
    ['contributors come free even if a price was stored', { kind: 'contributor', price: 1500 }, { codePrice: null, offered: null }, 0],
    ['a code’s price wins even for the contributor type', { kind: 'contributor', price: 0 }, { codePrice: 700, offered: null }, 700],
    ['an invitation without a code price is free', { kind: 'invitation', price: 0 }, { codePrice: null, offered: null }, 0],
    ['an invitation takes its code’s price', { kind: 'invitation', price: 0 }, { codePrice: 1000, offered: null }, 1000],
    ['pay-what-you-want without an amount pays the minimum', { kind: 'pay_what_you_want', price: 500 }, { codePrice: null, offered: null }, 500],
    ['pay-what-you-want at the minimum', { kind: 'pay_what_you_want', price: 500 }, { codePrice: null, offered: 500 }, 500],
    ['pay-what-you-want above the minimum', { kind: 'pay_what_you_want', price: 500 }, { codePrice: null, offered: 2000 }, 2000],
    ['pay-what-you-want one cent below the minimum', { kind: 'pay_what_you_want', price: 500 }, { codePrice: null, offered: 499 }, 'below_minimum'],
    ['pay-what-you-want at zero with a zero minimum', { kind: 'pay_what_you_want', price: 0 }, { codePrice: null, offered: 0 }, 0],
    ['a code wins over pay-what-you-want (no minimum check)', { kind: 'pay_what_you_want', price: 500 }, { codePrice: 0, offered: 100 }, 0],
  ])('%s', (_label, type, options, expected) => {
    expect(unitPrice(type, options)).toBe(expected);
  });

  it('pay-what-you-want never charges less than the minimum', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.option(fc.nat({ max: 100_000 }), { nil: null }), (minimum, offered) => {
        const price = unitPrice({ kind: 'pay_what_you_want', price: minimum }, { codePrice: null, offered });
        if (price === 'below_minimum') expect(offered).not.toBeNull();
        else {
          expect(price).toBeGreaterThanOrEqual(minimum);
          expect(price).toBe(offered ?? minimum);
        }
      }),
    );
  });
});

describe('splitCapacity', () => {
  it('splits seats into shares that add up, differ by one at most, the larger first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 64 }), (total, parts) => {
        const shares = splitCapacity(total, parts);
        expect(shares).toHaveLength(parts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        expect([...shares].sort((a, b) => b - a)).toEqual(shares);
      }),
    );
    expect(splitCapacity(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitCapacity(5, SEAT_BUCKETS)).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    expect(() => splitCapacity(-1, 2)).toThrow(RangeError);
    expect(() => splitCapacity(3, 0)).toThrow(RangeError);
  });
});
