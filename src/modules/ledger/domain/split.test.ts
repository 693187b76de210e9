import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidSplitError, NoRecipientsError } from './errors.ts';
import { equalWeights, splitLargestRemainder, type SplitShare } from './split.ts';

const MAX = Number.MAX_SAFE_INTEGER;

function amounts(total: number, shares: SplitShare[]): number[] {
  return splitLargestRemainder(total, shares).map((s) => s.amount);
}

function weighted(...weights: number[]): SplitShare[] {
  return weights.map((weight, i) => ({ key: String.fromCharCode(97 + i), weight }));
}

/**
 * A finite double as an exact fraction n / 2^k, read from its bits (independently of split.ts,
 * which scales by doubling).
 */
function exactFraction(x: number): { n: bigint; k: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  if (exponent === 0n) return { n: fraction, k: 1074n }; // zero or subnormal
  const e = exponent - 1075n; // value = (fraction + 2^52) × 2^e
  const n = fraction | (1n << 52n);
  return e >= 0n ? { n: n << e, k: 0n } : { n, k: -e };
}

/** Whether each amount is strictly within one cent of total × w / Σw, checked by cross-multiplication. */
function withinOneCent(total: number, shares: SplitShare[], result: number[]): boolean {
  const fractions = shares.map((s) => exactFraction(s.weight));
  const k = fractions.reduce((max, f) => (f.k > max ? f.k : max), 0n);
  const scaled = fractions.map((f) => f.n << (k - f.k));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  return scaled.every((w, i) => {
    const diff = BigInt(result[i] ?? Number.NaN) * sum - BigInt(total) * w; // (amount − exact) × Σw
    return (diff < 0n ? -diff : diff) < sum;
  });
}

describe('splitLargestRemainder', () => {
  it.each([
    { name: 'chapters 3, 2, 1 of 1000', total: 1000, weights: [3, 2, 1], expected: [500, 333, 167] },
    { name: '1001 in halves (tie → key a)', total: 1001, weights: [1, 1], expected: [501, 500] },
    { name: 'one recipient gets everything', total: 987, weights: [4], expected: [987] },
    { name: 'a zero weight gets nothing', total: 100, weights: [0, 1, 0], expected: [0, 100, 0] },
    { name: 'nothing to share', total: 0, weights: [5, 3], expected: [0, 0] },
    { name: 'thirds of 100', total: 100, weights: [1, 1, 1], expected: [34, 33, 33] },
    { name: 'thirds of 2', total: 2, weights: [1, 1, 1], expected: [1, 1, 0] },
    { name: 'largest remainder wins over larger weight', total: 10, weights: [1, 2, 4], expected: [1, 3, 6] },
    { name: 'equal remainders: larger weight first (1.5 vs 3.5)', total: 5, weights: [3, 7], expected: [1, 4] },
    { name: 'word counts', total: 10000, weights: [1234.5, 2469, 0.5], expected: [3333, 6666, 1] },
    { name: '0.1 and 0.2 are exactly 1 : 2', total: 3, weights: [0.1, 0.2], expected: [1, 2] },
    { name: 'percentages as fractions', total: 1001, weights: [0.7, 0.3], expected: [701, 300] },
    { name: 'extreme weights', total: 100, weights: [Number.MAX_VALUE, Number.MIN_VALUE], expected: [100, 0] },
    { name: 'all the cents there are', total: MAX, weights: [1, 1, 1], expected: [3002399751580331, 3002399751580330, 3002399751580330] },
  ])('$name', ({ total, weights, expected }) => {
    const result = amounts(total, weighted(...weights));
    expect(result).toEqual(expected);
    expect(result.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('1 cent among 3 equal shares goes to the smallest key, wherever it is listed', () => {
    expect(splitLargestRemainder(1, [{ key: 'carla', weight: 1 }, { key: 'alice', weight: 1 }, { key: 'bruno', weight: 1 }])).toEqual([
      { key: 'carla', amount: 0 },
      { key: 'alice', amount: 1 },
      { key: 'bruno', amount: 0 },
    ]);
  });

  it('compares keys by code unit, not by locale ("Z" < "a")', () => {
    expect(amounts(1, [{ key: 'a', weight: 1 }, { key: 'Z', weight: 1 }])).toEqual([0, 1]);
  });

  it('1 cent with equal remainders goes to the larger weight before the smaller key', () => {
    // Exact shares 0.2, 0.4, 0.4: the two 0.4 tie; both weigh 2, so key "b" wins over "c".
    expect(amounts(1, weighted(1, 2, 2))).toEqual([0, 1, 0]);
    // Exact shares 1.5 and 3.5: equal remainders; "b" weighs more, so it wins over the smaller key "a".
    expect(amounts(5, [{ key: 'a', weight: 3 }, { key: 'b', weight: 7 }])).toEqual([1, 4]);
  });

  it('refuses an empty list', () => {
    expect(() => splitLargestRemainder(100, [])).toThrow(NoRecipientsError);
  });

  it.each([
    { name: 'negative total', total: -1, weights: [1] },
    { name: 'fractional total', total: 1.5, weights: [1] },
    { name: 'NaN total', total: Number.NaN, weights: [1] },
    { name: 'unsafe total', total: 2 ** 53, weights: [1] },
    { name: 'negative weight', total: 100, weights: [1, -1] },
    { name: 'NaN weight', total: 100, weights: [1, Number.NaN] },
    { name: 'infinite weight', total: 100, weights: [Number.POSITIVE_INFINITY, 1] },
    { name: 'all weights zero', total: 100, weights: [0, 0] },
    { name: 'all weights zero, nothing to share', total: 0, weights: [0] },
  ])('refuses a $name (InvalidSplitError)', ({ total, weights }) => {
    expect(() => splitLargestRemainder(total, weighted(...weights))).toThrow(InvalidSplitError);
  });

  it('refuses a repeated key', () => {
    expect(() => splitLargestRemainder(10, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }])).toThrow(InvalidSplitError);
  });

  it('does not reorder the caller’s list', () => {
    const shares = weighted(1, 5, 2);
    const copy = structuredClone(shares);
    splitLargestRemainder(100, shares);
    expect(shares).toEqual(copy);
  });
});

describe('equalWeights', () => {
  it('gives weight 1 to each key, in order', () => {
    expect(equalWeights(['b', 'a'])).toEqual([{ key: 'b', weight: 1 }, { key: 'a', weight: 1 }]);
    expect(amounts(10, equalWeights(['x', 'y', 'z']))).toEqual([4, 3, 3]);
  });
});

const weight = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.1, 0.2, 1 / 3, 2 / 3, Number.MIN_VALUE, 1e300),
);
const shareList = fc
  .uniqueArray(fc.record({ key: fc.string({ maxLength: 3 }), weight }), { selector: (s) => s.key, minLength: 1, maxLength: 12 })
  .filter((shares) => shares.some((s) => s.weight > 0));
const total = fc.oneof(fc.nat({ max: 10_000 }), fc.maxSafeNat());

describe('splitLargestRemainder properties', () => {
  it('always adds up exactly to the total, in input order, no amount negative', () => {
    fc.assert(
      fc.property(total, shareList, (t, shares) => {
        const result = splitLargestRemainder(t, shares);
        expect(result.map((r) => r.key)).toEqual(shares.map((s) => s.key));
        expect(result.reduce((sum, r) => sum + BigInt(r.amount), 0n)).toBe(BigInt(t));
        expect(result.every((r) => Number.isSafeInteger(r.amount) && r.amount >= 0)).toBe(true);
      }),
    );
  });

  it('gives each share within strictly less than one cent of its exact value', () => {
    fc.assert(
      fc.property(total, shareList, (t, shares) => {
        expect(withinOneCent(t, shares, amounts(t, shares))).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the list', () => {
    fc.assert(
      fc.property(
        total,
        shareList.chain((shares) => fc.tuple(fc.constant(shares), fc.shuffledSubarray(shares, { minLength: shares.length }))),
        (t, [shares, shuffled]) => {
          const byKey = (list: SplitShare[]) => new Map(splitLargestRemainder(t, list).map((r) => [r.key, r.amount]));
          expect(byKey(shuffled)).toEqual(byKey(shares));
        },
      ),
    );
  });

  it('never gives a larger weight less than a smaller one', () => {
    fc.assert(
      fc.property(total, shareList, (t, shares) => {
        const result = amounts(t, shares);
        shares.forEach((a, i) =>
          shares.forEach((b, j) => {
            if (a.weight > b.weight) expect(result[i]).toBeGreaterThanOrEqual(result[j] ?? 0);
          }),
        );
      }),
    );
  });
});
