/**
 * In-process, no server: sharing a book sale's net between 1,000 contributors with random integer
 * weights, timed call by call — splitLargestRemainder alone, then bookSale (the split plus the
 * posting lines it validates). Every result is checked: the shares sum exactly to the net, each
 * within one cent of its exact share, and bookSale's lines balance; any miss fails the scenario.
 */
import { bookSale } from '../../src/modules/ledger/domain/allocation.ts';
import { splitLargestRemainder, type SplitShare } from '../../src/modules/ledger/domain/split.ts';
import { timingStats } from '../measure.ts';
import { prng } from '../seed-database.ts';
import type { Scenario, ScenarioResult } from './types.ts';

const CONTRIBUTORS = 1000;
const NET = 1_234_567;
// 1,000 copies at 22.00 €, 6.40 € to make each, fees chosen so that the net is NET.
const SALE = { quantity: 1000, unitPrice: 2200, manufacturingCostPerCopy: 640, fees: 1000 * 2200 - 1000 * 640 - NET };

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Throws unless `amounts` sum to `total` and each is within one cent of total × w / Σw (exact, in BigInt). */
function verifySplit(label: string, total: number, weights: readonly number[], amounts: readonly number[]): void {
  if (amounts.length !== weights.length) throw new Error(`${label}: ${amounts.length} shares for ${weights.length} contributors`);
  let sum = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a) || a < 0) throw new Error(`${label}: share ${a} is not a whole number of cents >= 0`);
    sum += a;
  }
  if (sum !== total) throw new Error(`${label}: shares sum to ${sum}, not ${total} (off by ${sum - total})`);
  const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
  weights.forEach((w, i) => {
    const diff = BigInt(amounts[i]!) * weightSum - BigInt(total) * BigInt(w);
    if (diff >= weightSum || -diff >= weightSum) throw new Error(`${label}: share ${i} (${amounts[i]}) is a cent or more from its exact share`);
  });
}

export const royaltySplitScenario: Scenario = {
  name: 'royalty-split',
  needs: {},
  async run(ctx): Promise<ScenarioResult> {
    const runs = intFromEnv('BENCH_SPLIT_RUNS', 200);
    const warmup = Math.min(50, runs);
    const random = prng(424242);
    // A fresh set of weights per call (0..100, zeros included), made before timing.
    const weightSets = Array.from({ length: warmup + runs }, () => Array.from({ length: CONTRIBUTORS }, () => Math.floor(random() * 101)));
    for (const w of weightSets) if (!w.some((x) => x > 0)) w[0] = 1;
    ctx.log(`royalty-split: ${runs} splits and ${runs} book sales between ${CONTRIBUTORS} contributors (after ${warmup} discarded)`);

    const splitMs: number[] = [];
    weightSets.forEach((weights, run) => {
      const shares: SplitShare[] = weights.map((weight, i) => ({ key: `c${String(i + 1).padStart(4, '0')}`, weight }));
      const started = performance.now();
      const result = splitLargestRemainder(NET, shares);
      const elapsed = performance.now() - started;
      verifySplit(`splitLargestRemainder run ${run}`, NET, weights, result.map((r) => r.amount));
      if (run >= warmup) splitMs.push(elapsed);
    });

    const saleMs: number[] = [];
    weightSets.forEach((weights, run) => {
      const contributors = weights.map((weight, i) => ({ contributorId: i + 1, weight }));
      const started = performance.now();
      const sale = bookSale({ ...SALE, contributors });
      const elapsed = performance.now() - started;
      const label = `bookSale run ${run}`;
      if (sale.net !== NET) throw new Error(`${label}: net ${sale.net}, expected ${NET}`);
      verifySplit(label, NET, weights, sale.shares.map((s) => s.amount));
      const lineSum = sale.lines.reduce((a, l) => a + l.amount, 0);
      if (lineSum !== 0) throw new Error(`${label}: lines sum to ${lineSum}, not 0`);
      const royalties = sale.lines.filter((l) => l.account.startsWith('liabilities:royalties:')).reduce((a, l) => a - l.amount, 0);
      if (royalties !== NET) throw new Error(`${label}: royalties credited ${royalties}, not ${NET}`);
      if (run >= warmup) saleMs.push(elapsed);
    });

    const split = timingStats(splitMs);
    const sale = timingStats(saleMs);
    const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
    return {
      description: `In-process: net ${NET} cents shared between ${CONTRIBUTORS} contributors with random integer weights 0-100, ${runs} timed calls each`,
      runs: {
        split: { target: `splitLargestRemainder, ${CONTRIBUTORS} shares`, timing: split },
        'book sale': { target: `bookSale, ${CONTRIBUTORS} contributors`, timing: sale },
      },
      checks: [
        // Any miss throws above: reaching here means every call (warm-up included) was checked and exact.
        { name: 'splits exact (sum = net, each < 1 cent off)', target: `all ${weightSets.length}`, value: weightSets.length, pass: true },
        { name: 'book sales balanced, royalties = net', target: `all ${weightSets.length}`, value: weightSets.length, pass: true },
      ],
      notes: [
        `splitLargestRemainder: median ${us(split.median)}, p99 ${us(split.p99)}, max ${us(split.max)}`,
        `bookSale: median ${us(sale.median)}, p99 ${us(sale.p99)}, max ${us(sale.max)}`,
      ],
    };
  },
};
