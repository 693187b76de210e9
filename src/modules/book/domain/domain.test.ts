import { describe, expect, it } from 'vitest';
import { availableOrderActions, nextOrderStatus, orderPrice } from './book-order.ts';
import { frenchSpacing, NARROW_NBSP as F, NBSP as N } from './french-typography.ts';
import { moveInOrder } from './ordering.ts';

describe('frenchSpacing', () => {
  it.each([
    ['Pourquoi ?', `Pourquoi${F}?`],
    ['Pourquoi?', `Pourquoi${F}?`],
    ['Ainsi : voilà', `Ainsi${N}: voilà`],
    ['« Oui »', `«${F}Oui${F}»`],
    ['«Oui»', `«${F}Oui${F}»`],
    ['Quoi ?!', `Quoi${F}?!`],
    ['Vite ; enfin !', `Vite${F}; enfin${F}!`],
    ['à 10:30 précises', 'à 10:30 précises'],
    ['voir https://exemple.org/a?b=1', 'voir https://exemple.org/a?b=1'],
    ['le n° 6', `le n°${N}6`],
  ])('%s', (input, expected) => {
    expect(frenchSpacing(input)).toBe(expected);
  });

  it('spaces a mark that opens a run after a word of the previous run', () => {
    expect(frenchSpacing(': suite', 'd')).toBe(`${N}: suite`);
    expect(frenchSpacing(': suite', '')).toBe(': suite');
  });
});

describe('paper orders', () => {
  it('moves through its states only as allowed', () => {
    expect(nextOrderStatus('ordered', 'pay')).toBe('paid');
    expect(nextOrderStatus('paid', 'ship')).toBe('shipped');
    expect(nextOrderStatus('ordered', 'ship')).toBeNull();
    expect(nextOrderStatus('shipped', 'refund')).toBe('refunded');
    expect(nextOrderStatus('paid', 'cancel')).toBeNull();
    expect(availableOrderActions('ordered')).toEqual(['pay', 'cancel']);
    expect(availableOrderActions('refunded')).toEqual([]);
  });

  it('charges postage per copy', () => {
    expect(orderPrice({ bookPrice: 2000, shippingPerCopy: 450, quantity: 3 })).toEqual({ unitPrice: 2450, total: 7350 });
  });
});

describe('moveInOrder', () => {
  it.each([
    [[1, 2, 3], 3, 'up', [1, 3, 2]],
    [[1, 2, 3], 1, 'up', [1, 2, 3]],
    [[1, 2, 3], 1, 'down', [2, 1, 3]],
    [[1, 2, 3], 3, 'down', [1, 2, 3]],
    [[1, 2, 3], 3, 'first', [3, 1, 2]],
    [[1, 2, 3], 1, 'last', [2, 3, 1]],
    [[1, 2, 3], 9, 'up', [1, 2, 3]],
  ] as const)('%j: %i %s', (ids, id, move, expected) => {
    expect(moveInOrder(ids, id, move)).toEqual(expected);
  });
});
