/**
 * What a scenario is. A scenario receives the shared, seeded app server and the settings, runs one
 * or more measurements (one after the other, never concurrently) and returns named runs plus the
 * checks against its targets. run.ts prints them and stores them in results.json under its name.
 */
import type { Measurement } from '../measure.ts';
import type { ServerProcess } from '../processes.ts';
import type { SeedSummary } from '../seed-database.ts';

export interface BenchSettings {
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Discarded load on the fresh app server before the first scenario. */
  serverWarmupSec: number;
}

export interface ScenarioContext {
  settings: BenchSettings;
  /** The real server on the seeded SQLite database (scenarios needing another setup start their own). */
  app: ServerProcess;
  seed: SeedSummary;
  /** Where a scenario may create files (removed at the end). */
  dataDir: string;
  log(message: string): void;
}

/** One measured target (e.g. "bare" or "page"). */
export interface RunResult {
  /** What was requested: a path, or "<n> paths" when rotating. */
  target: string;
  /** Response body size in bytes, when meaningful. */
  bodyBytes?: number;
  measurement: Measurement;
}

export interface Check {
  name: string;
  /** Human-readable target, e.g. ">= 0.5". */
  target: string;
  value: number;
  pass: boolean;
}

export interface ScenarioResult {
  description: string;
  runs: Record<string, RunResult>;
  /** Page requests per second divided by the bare server's, when the scenario has both. */
  ratio?: number;
  checks: Check[];
  notes?: string[];
}

export interface Scenario {
  /** Key in results.json and value accepted by BENCH_SCENARIOS. */
  name: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

export const TARGETS = {
  /** A page must reach at least this fraction of the bare server's requests per second. */
  minRatio: 0.5,
  maxP99Ms: 25,
  maxRssMb: 200,
} as const;
