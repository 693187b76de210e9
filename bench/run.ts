/**
 * `npm run bench`: seeds a temporary SQLite database (5,000 published pieces, 500 contributors),
 * starts the built server on it as a child process, runs every scenario one after the other with
 * autocannon, then prints a table and writes bench/results.json (keyed by scenario name).
 *
 * Environment: BENCH_DURATION (measured seconds per target, default 10), BENCH_WARMUP (default 2),
 * BENCH_SERVER_WARMUP (seconds of discarded load on a fresh app server, default 5),
 * BENCH_CONNECTIONS (default 50), BENCH_SCENARIOS (comma-separated names, run in that order; default all),
 * BENCH_PIECES / BENCH_CONTRIBUTORS (default 5000 / 500), BENCH_CPU_PROF=1 (write a V8 CPU
 * profile of the app server to the temp directory, kept), BENCH_KEEP_DATA=1 (keep the database).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure } from './measure.ts';
import { BENCH_DIR, startAppServer, stopAllChildren, type ServerProcess } from './processes.ts';
import { formatReport, loadAverage, machine, memoryReport, type BenchReport } from './report.ts';
import { scenarios } from './scenarios/index.ts';
import { TARGETS, type BenchSettings, type ScenarioResult } from './scenarios/types.ts';
import { seedSqlite } from './seed-database.ts';

const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

function numberFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}

const log = (message: string) => console.error(`[bench] ${message}`);
/** The temporary DATA_DIR, removed at the end (also after Ctrl-C). */
let tempDir: string | undefined;
const keepData = () => process.env.BENCH_KEEP_DATA === '1' || process.env.BENCH_CPU_PROF === '1';

async function main(): Promise<number> {
  const settings: BenchSettings = {
    connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 50, 1)),
    durationSec: numberFromEnv('BENCH_DURATION', 10, 1),
    warmupSec: numberFromEnv('BENCH_WARMUP', 2, 0),
    serverWarmupSec: numberFromEnv('BENCH_SERVER_WARMUP', 5, 0),
  };
  const wanted = (process.env.BENCH_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  // Run in the order given, so order effects (JIT warm-up, a busy machine) can be checked.
  const selected = wanted.length ? wanted.map((name) => scenarios.find((s) => s.name === name)!) : scenarios;

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-bench-'));
  tempDir = dataDir;
  const cpuProf = process.env.BENCH_CPU_PROF === '1';
  let app: ServerProcess | undefined;
  try {
    const pieces = Math.round(numberFromEnv('BENCH_PIECES', 5000, 1));
    const contributors = Math.round(numberFromEnv('BENCH_CONTRIBUTORS', 500, 3));
    log(`seeding ${pieces} pieces and ${contributors} contributors in ${dataDir}`);
    const seed = await seedSqlite(dataDir, { pieces, contributors, now: new Date() });
    log(`seeded in ${seed.seconds} s (${seed.contributions} credits, ${seed.pieceThemes} piece themes)`);

    const profileDir = path.join(dataDir, 'cpu-profiles');
    app = await startAppServer({ dataDir, nodeFlags: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
    const startMemory = memoryReport(app.memory());
    log(`app server pid ${app.pid} at ${app.baseUrl} (RSS ${startMemory.rssMb} MB)`);

    // A fresh server is slower for its first seconds (JIT, caches): warm it once on its public pages,
    // so the first scenario is not penalised. Discarded.
    if (settings.serverWarmupSec > 0) {
      log(`warming the app server for ${settings.serverWarmupSec} s`);
      const paths = ['/', ...seed.sampleSlugs.slice(0, 20).map((slug) => `/pieces/${slug}`)];
      await measure(`${app.baseUrl}/`, { connections: settings.connections, durationSec: settings.serverWarmupSec, warmupSec: 0, paths });
    }

    const loadAtStart = loadAverage();
    const results: Record<string, ScenarioResult> = {};
    const failed: Record<string, string> = {};
    for (const scenario of selected) {
      const died = app.exitInfo();
      if (died) {
        failed[scenario.name] = `not run: the app server had exited (code ${died.code}, signal ${died.signal})`;
        continue;
      }
      try {
        results[scenario.name] = await scenario.run({ settings, app, seed, dataDir, log });
      } catch (error) {
        failed[scenario.name] = error instanceof Error ? error.message : String(error);
        log(`scenario ${scenario.name} failed: ${failed[scenario.name]}`);
      }
    }

    const memory = memoryReport(app.memory());
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(loadAtStart),
      settings,
      targets: TARGETS,
      seed,
      server: {
        ...memory,
        startRssMb: startMemory.rssMb,
        checks: [{ name: 'peak RSS MB', target: `< ${TARGETS.maxRssMb}`, value: memory.peakRssMb, pass: memory.peakRssMb < TARGETS.maxRssMb }],
      },
      scenarios: results,
      ...(Object.keys(failed).length ? { failedScenarios: failed } : {}),
    };
    await app.stop();
    app = undefined;

    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
    if (cpuProf) console.log(`CPU profile(s) of the app server in ${profileDir} (open in Chrome DevTools > Performance)`);
    return Object.keys(failed).length ? 1 : 0;
  } finally {
    if (app) await app.stop(1000);
    await stopAllChildren();
    if (keepData()) log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
    tempDir = undefined;
  }
}

// Ctrl-C or a kill of the benchmark: children go too (the exit hook in processes.ts SIGKILLs them).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void stopAllChildren().finally(() => {
      if (tempDir && !keepData()) rmSync(tempDir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
