/**
 * Sharing an amount of cents between recipients by weight, so that the parts always add up to the
 * whole: the largest-remainder (Hamilton) method. Everyone first gets the whole cents of their
 * exact share; the cents left over go one each to the largest fractional remainders.
 *
 * The arithmetic is exact. A finite double is a dyadic rational n / 2^e, so the weights are
 * scaled to integers over one power of two and every product and remainder is a BigInt: no
 * rounding, even for weights like 0.1 or word counts in the millions.
 */
import { InvalidSplitError, NoRecipientsError } from './errors.ts';
import type { Cents } from '../../../shared/money.ts';

export interface SplitShare {
  key: string;
  /** Finite and ≥ 0; only the ratios matter. */
  weight: number;
}

export interface SplitAmount {
  key: string;
  amount: Cents;
}

/** `weight` as n / 2^exponent exactly: doubling a non-integer double is exact and ends by 2^1074. */
function dyadic(weight: number): { numerator: bigint; exponent: number } {
  let scaled = weight;
  let exponent = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1;
  }
  return { numerator: BigInt(scaled), exponent };
}

function compareKeys(a: string, b: string): number {
  // Code-unit order, not localeCompare: the same on every machine and in every locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Splits `total` cents (integer ≥ 0) by weight; results come back in input order and always sum
 * to `total`, each within strictly less than one cent of its exact share `total × w / Σw`.
 * Equal remainders go to the larger weight first, then to the smaller `key` (code-unit order),
 * so the result does not depend on the order of the list.
 * Throws NoRecipientsError for an empty list, InvalidSplitError for a bad total, a negative or
 * non-finite weight, all-zero weights or a repeated key.
 *
 * @example splitLargestRemainder(1000, [{ key: 'a', weight: 3 }, { key: 'b', weight: 2 }, { key: 'c', weight: 1 }])
 * // → [{ key: 'a', amount: 500 }, { key: 'b', amount: 333 }, { key: 'c', amount: 167 }]
 */
export function splitLargestRemainder(total: Cents, shares: readonly SplitShare[]): SplitAmount[] {
  if (shares.length === 0) throw new NoRecipientsError('nobody to split between');
  if (!Number.isSafeInteger(total) || total < 0) throw new InvalidSplitError(`total ${total}`);
  const keys = new Set<string>();
  for (const { key, weight } of shares) {
    if (!Number.isFinite(weight) || weight < 0) throw new InvalidSplitError(`weight ${weight} for ${key}`);
    if (keys.has(key)) throw new InvalidSplitError(`repeated key ${key}`);
    keys.add(key);
  }

  const exact = shares.map((share) => dyadic(share.weight));
  const maxExponent = exact.reduce((max, w) => Math.max(max, w.exponent), 0);
  const weights = exact.map((w) => w.numerator << BigInt(maxExponent - w.exponent));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new InvalidSplitError('all weights are zero');

  const bigTotal = BigInt(total);
  const parts = shares.map((share, i) => {
    const weight = weights[i] ?? 0n;
    const product = bigTotal * weight;
    return { index: i, key: share.key, weight, floor: product / sum, remainder: product % sum };
  });

  let leftover = Number(bigTotal - parts.reduce((a, p) => a + p.floor, 0n));
  const amounts = parts.map((p) => Number(p.floor));
  const byPriority = [...parts].sort(
    (a, b) =>
      (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : 0) ||
      (a.weight > b.weight ? -1 : a.weight < b.weight ? 1 : 0) ||
      compareKeys(a.key, b.key),
  );
  // leftover < shares.length, and more than `leftover` remainders are non-zero, so each extra
  // cent lands on a share whose exact value has a fractional part: none overshoots by a cent.
  for (const part of byPriority) {
    if (leftover === 0) break;
    amounts[part.index] = (amounts[part.index] ?? 0) + 1;
    leftover -= 1;
  }
  return shares.map((share, i) => ({ key: share.key, amount: amounts[i] ?? 0 }));
}

/** The same weight for every key: an even split, remainder cents going by key order. */
export function equalWeights(keys: readonly string[]): SplitShare[] {
  return keys.map((key) => ({ key, weight: 1 }));
}
