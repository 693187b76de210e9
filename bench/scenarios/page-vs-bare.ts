/**
 * A public page of the real server against the bare node:http server answering a body of the same
 * size. Every page is measured twice, as two scenarios: `<name>` on the server with the anonymous
 * page micro-cache at its production default, and `<name>-uncached` on the server started with
 * PAGE_CACHE_SECONDS=0, so the cost of rendering stays visible. Each is measured in alternation
 * with a bare server sending as many bytes (measure.ts: measureAlternating). Any GET page can be
 * benchmarked this way (a new page is one more entry in scenarios/index.ts).
 */
import { measureAlternating, probe, type Measurement } from '../measure.ts';
import { startBareServer } from '../processes.ts';
import { toMb } from '../report.ts';
import type { SeedSummary } from '../seed-database.ts';
import { TARGETS, type Check, type RunMemory, type Scenario, type ScenarioContext, type ScenarioResult, type ServerKind } from './types.ts';

export interface PageScenarioOptions {
  /** The cached scenario's name; the uncached one is `<name>-uncached`. */
  name: string;
  description: string;
  /** The path(s) to request; several paths are cycled through by every connection. */
  paths: (seed: SeedSummary) => string[];
  /** The page reads the large ledger. */
  ledger?: boolean;
  /** This page's targets where they differ from the defaults (TARGETS), per server. */
  targets?: Partial<Record<ServerKind, PageTargets>>;
  /** More runs after the load test (e.g. sequential requests), added to the result. */
  extra?: (ctx: ScenarioContext, kind: ServerKind, result: ScenarioResult) => Promise<void>;
}

export const uncachedName = (name: string) => `${name}-uncached`;

/** The two scenarios of a page: with the micro-cache, then without. */
export function pageScenarios(options: PageScenarioOptions): Scenario[] {
  return [pageScenario(options, 'cached'), pageScenario(options, 'uncached')];
}

const memoryOf = (m: { peakRssBytes: number; rssBytes: number } | undefined): RunMemory | undefined =>
  m ? { peakRssMb: toMb(m.peakRssBytes), rssMb: toMb(m.rssBytes) } : undefined;

export interface PageTargets {
  minRatio?: number;
  maxP99Ms?: number;
}

/** The checks every load-tested page reports (never enforced). */
export function pageChecks(ratio: number, page: Measurement, memory: RunMemory | undefined, targets: PageTargets = {}): Check[] {
  const minRatio = targets.minRatio ?? TARGETS.minRatio;
  const maxP99Ms = targets.maxP99Ms ?? TARGETS.maxP99Ms;
  const checks: Check[] = [
    { name: 'page/bare req/s', target: `>= ${minRatio}`, value: ratio, pass: ratio >= minRatio },
    // Timed-out requests are missing from the latency histogram: with any (or with no answer at all),
    // the p99 is not met whatever it reads.
    {
      name: 'page p99 ms',
      target: `< ${maxP99Ms}, no timeouts`,
      value: page.latencyMs.p99,
      pass: page.requests > 0 && page.latencyMs.p99 < maxP99Ms && page.timeouts === 0,
    },
  ];
  if (memory) checks.push({ name: 'server peak RSS MB in run', target: `< ${TARGETS.maxRssMb}`, value: memory.peakRssMb, pass: memory.peakRssMb < TARGETS.maxRssMb });
  return checks;
}

function pageScenario(options: PageScenarioOptions, kind: ServerKind): Scenario {
  const name = kind === 'cached' ? options.name : uncachedName(options.name);
  return {
    name,
    needs: { server: kind, ...(options.ledger ? { ledger: true } : {}) },
    async run(ctx): Promise<ScenarioResult> {
      if (!ctx.seed) throw new Error(`${name}: the database was not seeded`);
      const paths = options.paths(ctx.seed);
      if (paths.length === 0) throw new Error(`${name}: no path to request`);
      const app = ctx.server(kind);

      // Every path must answer 200 (a 404 page would be measured otherwise); the bare body gets the mean size.
      const sizes: number[] = [];
      const bodies: Buffer[] = [];
      const notes: string[] = [];
      for (const path of paths) {
        const response = await probe(`${app.baseUrl}${path}`);
        if (response.status !== 200) throw new Error(`${name}: GET ${path} answered ${response.status}, not 200`);
        if (response.setsCookie && !notes.includes('sets a cookie')) notes.push('sets a cookie');
        sizes.push(response.bytes);
        bodies.push(response.body);
      }
      // Which server this really is: the second request of a path is a cache hit only with the cache on.
      const again = await probe(`${app.baseUrl}${paths[0]!}`);
      if (kind === 'cached' && again.pageCache !== 'hit') notes.push('the page cache did not answer a repeated request (no x-page-cache: hit)');
      if (kind === 'uncached' && again.pageCache === 'hit') throw new Error(`${name}: the uncached server answered from its page cache`);
      const bodyBytes = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
      const target = paths.length === 1 ? paths[0]! : `${paths.length} paths`;
      const { connections, durationSec, warmupSec, requestTimeoutSec } = ctx.settings;
      const measureOptions = { connections, durationSec, warmupSec, paths, timeoutSec: requestTimeoutSec };

      ctx.log(`${name}: GET ${target} (${kind === 'cached' ? 'page cache on' : 'PAGE_CACHE_SECONDS=0'}), alternating with bare node:http sending the same ${bodyBytes} bytes`);
      // The pages' own bytes (one page: exactly its body; several: the start of their bodies joined).
      const bare = await startBareServer(bodyBytes, Buffer.concat(bodies));
      let runs;
      try {
        runs = await measureAlternating({ url: `${bare.baseUrl}/`, options: measureOptions }, { url: `${app.baseUrl}/`, options: measureOptions, before: () => app.resetPeakMemory() });
      } finally {
        await bare.stop();
      }
      const { page } = runs;
      const baseline = runs.bare;
      const memory = memoryOf(app.memory());
      const died = app.exitInfo();
      if (died) throw new Error(`the app server exited during the run (code ${died.code}, signal ${died.signal}):\n${died.output}`);
      if (page.requests === 0) notes.push(`no request answered during the measured ${durationSec} s: latencies and req/s are empty, not fast`);
      if (page.non2xx || page.errors) {
        notes.push(`${page.non2xx} non-2xx responses and ${page.errors} errors (${page.timeouts} timeouts after ${requestTimeoutSec} s) under load; latencies cover answered requests only`);
      }
      const settled = await ctx.settle(kind);
      if (settled) notes.push(settled);

      const ratio = baseline.rps > 0 ? Math.round((page.rps / baseline.rps) * 1000) / 1000 : 0;
      const result: ScenarioResult = {
        description: `${options.description}; ${kind === 'cached' ? 'page micro-cache on (production default)' : 'PAGE_CACHE_SECONDS=0 (every request rendered)'}`,
        runs: {
          bare: { target: 'bare node:http', bodyBytes, measurement: baseline },
          page: { target, bodyBytes, measurement: page, ...(memory ? { memory } : {}) },
        },
        ratio,
        checks: pageChecks(ratio, page, memory, options.targets?.[kind]),
        ...(notes.length ? { notes } : {}),
      };
      if (options.extra) await options.extra(ctx, kind, result);
      if (result.notes?.length === 0) delete result.notes;
      return result;
    },
  };
}
