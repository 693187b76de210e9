/**
 * What a scenario is. A scenario says what it needs (an app server with or without the page
 * cache, the large ledger), receives the shared, seeded servers and the settings, runs one or more
 * measurements (one after the other, never concurrently) and returns named runs plus the checks
 * against its targets. run.ts prints them and stores them in results.json under its name.
 */
import type { Measurement, TimingStats } from '../measure.ts';
import type { ServerProcess } from '../processes.ts';
import type { LedgerSeedSummary } from '../seed-ledger.ts';
import type { SeedSummary } from '../seed-database.ts';

export interface BenchSettings {
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Discarded load on a fresh app server before the first scenario. */
  serverWarmupSec: number;
  /** Seconds before autocannon abandons a request (a timeout). */
  requestTimeoutSec: number;
}

/**
 * The two app servers, on the same database: `cached` runs with the production default of the
 * anonymous page micro-cache (PAGE_CACHE_SECONDS unset, 5 s), `uncached` with PAGE_CACHE_SECONDS=0.
 */
export type ServerKind = 'cached' | 'uncached';

export interface ScenarioNeeds {
  /** The app server this scenario load-tests; none for an in-process scenario. */
  server?: ServerKind;
  /** The large ledger (seed-ledger.ts) in the database. */
  ledger?: boolean;
}

export interface ScenarioContext {
  settings: BenchSettings;
  /** The running app server of that kind (throws if the scenario did not declare it in `needs`). */
  server(kind: ServerKind): ServerProcess;
  /**
   * After a load test: waits until the server stops burning CPU on requests autocannon already
   * abandoned, and restarts it if that takes too long. Returns a note when it restarted it.
   */
  settle(kind: ServerKind): Promise<string | undefined>;
  /** The seeded programme; set whenever a selected scenario needs a server. */
  seed: SeedSummary | undefined;
  /** The ledger, when a selected scenario needs it. */
  ledger: LedgerSeedSummary | undefined;
  /** Where a scenario may create files (removed at the end); the SQLite database is in it. */
  dataDir: string;
  log(message: string): void;
}

/** What the server's memory did during one run (VmHWM reset just before it). */
export interface RunMemory {
  peakRssMb: number;
  rssMb: number;
}

/** One measured target: a load test (`measurement`) or timed calls (`timing`). */
export interface RunResult {
  /** What was requested or timed: a path, "<n> paths", a function. */
  target: string;
  /** Response body size in bytes, when meaningful. */
  bodyBytes?: number;
  measurement?: Measurement;
  timing?: TimingStats;
  /** The app server's memory during this run. */
  memory?: RunMemory;
}

export interface Check {
  name: string;
  /** Human-readable target, e.g. ">= 0.5". */
  target: string;
  value: number;
  pass: boolean;
}

/** Where the time of one server-side operation goes, part by part (e.g. one query function each). */
export interface BreakdownRow {
  name: string;
  /** Median over the timed calls, ms. */
  medianMs: number;
  maxMs: number;
  /** Share of the sum of the medians. */
  share: number;
  /** The SQL the function ran, and SQLite's plan for each statement (EXPLAIN QUERY PLAN). */
  sql: string[];
  plan: string[][];
}

export interface Breakdown {
  title: string;
  /** The whole operation, timed the same way. */
  total: { name: string; medianMs: number; maxMs: number };
  rows: BreakdownRow[];
}

export interface ScenarioResult {
  description: string;
  runs: Record<string, RunResult>;
  /** Page requests per second divided by the bare server's, when the scenario has both. */
  ratio?: number;
  checks: Check[];
  notes?: string[];
  breakdown?: Breakdown;
  /** Anything else worth keeping in results.json. */
  details?: Record<string, unknown>;
}

export interface Scenario {
  /** Key in results.json and value accepted by BENCH_SCENARIOS. */
  name: string;
  needs: ScenarioNeeds;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

export const TARGETS = {
  /** A page must reach at least this fraction of the bare server's requests per second. */
  minRatio: 0.5,
  maxP99Ms: 25,
  /** Issue 13: the app server's peak RSS in every page scenario. */
  maxRssMb: 150,
  /** Answered orders per second, 200 connections racing for 1,000 seats (issue 7). */
  ordersPerSec: { sqlite: 1000, postgres: 500 },
  /** A sold-out refusal never waits behind buyers. */
  refusalP99Ms: 100,
} as const;
