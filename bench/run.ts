/**
 * `npm run bench`: seeds a temporary SQLite database (5,000 published pieces, 500 contributors,
 * and, when a ledger scenario is selected, a ledger of 1,000,000 postings), starts the built server
 * on it twice as child processes — with the anonymous page micro-cache at its production default
 * ("cached") and with PAGE_CACHE_SECONDS=0 ("uncached") — runs every scenario one after the other
 * (autocannon for pages, in-process timing for the rest), then prints a table and writes
 * bench/results.json (keyed by scenario name). Only what the selected scenarios need is seeded
 * and started.
 *
 * Environment: BENCH_DURATION (measured seconds per target, default 10), BENCH_WARMUP (default 2),
 * BENCH_SERVER_WARMUP (seconds of discarded load on a fresh app server, default 5),
 * BENCH_CONNECTIONS (default 50), BENCH_REQUEST_TIMEOUT (seconds before autocannon abandons a
 * request, default 10), BENCH_SETTLE (seconds a server may stay busy after a run before it is
 * restarted, default 30), BENCH_SCENARIOS (comma-separated names, run in that order; default all),
 * BENCH_PIECES / BENCH_CONTRIBUTORS (default 5000 / 500), BENCH_LEDGER_POSTINGS /
 * BENCH_LEDGER_EVENTS (default 1000000 / 60), BENCH_PAGE_CACHE_SECONDS (the cached server's
 * PAGE_CACHE_SECONDS; default: the server's own default), BENCH_SEQUENTIAL_REQUESTS (default 20),
 * BENCH_QUERY_RUNS (default 3), BENCH_SPLIT_RUNS (default 200), BENCH_CPU_PROF=1 (write V8 CPU
 * profiles of the app servers to the temp directory, kept), BENCH_KEEP_DATA=1 (keep the database).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInterruptCleanups } from './cleanup.ts';
import { measure } from './measure.ts';
import { BENCH_DIR, startAppServer, stopAllChildren, type ServerProcess } from './processes.ts';
import { formatReport, loadAverage, machine, toMb, type BenchReport, type ServerReport } from './report.ts';
import { scenarios } from './scenarios/index.ts';
import { TARGETS, type BenchSettings, type ScenarioResult, type ServerKind } from './scenarios/types.ts';
import { seedSqlite, type SeedSummary } from './seed-database.ts';
import { seedLedgerSqlite, type LedgerSeedSummary } from './seed-ledger.ts';

const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

function numberFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}

const log = (message: string) => console.error(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The temporary DATA_DIR, removed at the end (also after Ctrl-C). */
let tempDir: string | undefined;
const keepData = () => process.env.BENCH_KEEP_DATA === '1' || process.env.BENCH_CPU_PROF === '1';

/** The app servers by kind, restarted when one stays busy after a run; their memory over every process. */
class ServerPool {
  private readonly servers = new Map<ServerKind, ServerProcess>();
  private readonly reports = new Map<ServerKind, ServerReport>();

  constructor(
    private readonly dataDir: string,
    private readonly nodeFlags: string[],
    private readonly settleSec: number,
  ) {}

  private env(kind: ServerKind): Record<string, string> {
    if (kind === 'uncached') return { PAGE_CACHE_SECONDS: '0' };
    const configured = process.env.BENCH_PAGE_CACHE_SECONDS;
    return configured ? { PAGE_CACHE_SECONDS: configured } : {};
  }

  async start(kind: ServerKind): Promise<ServerProcess> {
    const server = await startAppServer({ name: `app (${kind})`, dataDir: this.dataDir, nodeFlags: this.nodeFlags, extraEnv: this.env(kind) });
    this.servers.set(kind, server);
    const memory = server.memory();
    const report = this.reports.get(kind);
    if (report) report.restarts += 1;
    else {
      this.reports.set(kind, {
        pageCacheSeconds: this.env(kind).PAGE_CACHE_SECONDS ?? 'server default',
        startRssMb: memory ? toMb(memory.rssBytes) : Number.NaN,
        peakRssMb: 0,
        rssMb: Number.NaN,
        restarts: 0,
        checks: [],
      });
    }
    return server;
  }

  get(kind: ServerKind): ServerProcess {
    const server = this.servers.get(kind);
    if (!server) throw new Error(`no ${kind} app server: declare it in the scenario's needs`);
    return server;
  }

  has(kind: ServerKind): boolean {
    return this.servers.has(kind);
  }

  /** Folds the current process's memory into its kind's report. */
  private record(kind: ServerKind): void {
    const memory = this.servers.get(kind)?.memory();
    const report = this.reports.get(kind);
    if (!memory || !report) return;
    report.peakRssMb = Math.max(report.peakRssMb, toMb(memory.lifetimePeakRssBytes ?? memory.peakRssBytes));
    report.rssMb = toMb(memory.rssBytes);
  }

  /** Waits for the server's CPU use to drop (abandoned requests still rendering); restarts it after settleSec. */
  async settle(kind: ServerKind): Promise<string | undefined> {
    const server = this.get(kind);
    this.record(kind);
    let last = server.cpuSeconds();
    if (last === undefined) {
      await sleep(1000);
      return undefined;
    }
    const started = Date.now();
    let quiet = 0;
    while (Date.now() - started < this.settleSec * 1000) {
      await sleep(500);
      const now = server.cpuSeconds();
      if (now === undefined) return undefined;
      const busy = (now - last) / 0.5;
      last = now;
      quiet = busy < 0.05 ? quiet + 1 : 0;
      if (quiet >= 2) return undefined;
    }
    log(`the ${kind} app server is still busy ${this.settleSec} s after the run: restarting it`);
    this.record(kind);
    await server.stop(1000);
    await this.start(kind);
    return `the ${kind} server was still working through abandoned requests ${this.settleSec} s after the run: restarted`;
  }

  async stopAll(): Promise<Record<string, ServerReport>> {
    for (const kind of this.servers.keys()) this.record(kind);
    await Promise.all([...this.servers.values()].map((s) => s.stop()));
    this.servers.clear();
    const out: Record<string, ServerReport> = {};
    for (const [kind, report] of this.reports) {
      report.checks = [{ name: 'peak RSS MB', target: `< ${TARGETS.maxRssMb}`, value: report.peakRssMb, pass: report.peakRssMb < TARGETS.maxRssMb }];
      out[kind] = report;
    }
    return out;
  }

  exitInfo(kind: ServerKind) {
    return this.servers.get(kind)?.exitInfo();
  }
}

async function main(): Promise<number> {
  const settings: BenchSettings = {
    connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 50, 1)),
    durationSec: numberFromEnv('BENCH_DURATION', 10, 1),
    warmupSec: numberFromEnv('BENCH_WARMUP', 2, 0),
    serverWarmupSec: numberFromEnv('BENCH_SERVER_WARMUP', 5, 0),
    requestTimeoutSec: numberFromEnv('BENCH_REQUEST_TIMEOUT', 10, 1),
  };
  const wanted = (process.env.BENCH_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  // Run in the order given, so order effects (JIT warm-up, a busy machine) can be checked.
  const selected = wanted.length ? wanted.map((name) => scenarios.find((s) => s.name === name)!) : scenarios;
  const serverKinds = [...new Set(selected.map((s) => s.needs.server).filter((k): k is ServerKind => k !== undefined))];
  const needLedger = selected.some((s) => s.needs.ledger);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oe-bench-'));
  tempDir = dataDir;
  const cpuProf = process.env.BENCH_CPU_PROF === '1';
  const profileDir = path.join(dataDir, 'cpu-profiles');
  const pool = new ServerPool(dataDir, cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], numberFromEnv('BENCH_SETTLE', 30, 1));
  try {
    const now = new Date();
    let seed: SeedSummary | undefined;
    let ledger: LedgerSeedSummary | undefined;
    if (serverKinds.length || needLedger) {
      const pieces = Math.round(numberFromEnv('BENCH_PIECES', 5000, 1));
      const contributors = Math.round(numberFromEnv('BENCH_CONTRIBUTORS', 500, 3));
      log(`seeding ${pieces} pieces and ${contributors} contributors in ${dataDir}`);
      seed = await seedSqlite(dataDir, { pieces, contributors, now });
      log(`seeded in ${seed.seconds} s (${seed.contributions} credits, ${seed.pieceThemes} piece themes)`);
    }
    if (needLedger) {
      const postings = Math.round(numberFromEnv('BENCH_LEDGER_POSTINGS', 1_000_000, 20_000));
      const events = Math.round(numberFromEnv('BENCH_LEDGER_EVENTS', 60, 2));
      log(`seeding a ledger of ${postings} postings over ${events} events`);
      ledger = seedLedgerSqlite(dataDir, { postings, events, now });
      log(
        `ledger: ${ledger.transactions} transactions, ${ledger.postings} postings, ${ledger.closedEvents} closed events, ` +
          `${ledger.royaltyAccounts} royalty accounts in ${ledger.generateSeconds} s + ${ledger.insertSeconds} s (database ${ledger.databaseMb} MB)`,
      );
    }

    for (const kind of serverKinds) {
      const app = await pool.start(kind);
      log(`app server (${kind}) pid ${app.pid} at ${app.baseUrl}`);
      // A fresh server is slower for its first seconds (JIT, caches): warm it once on its public pages,
      // so the first scenario is not penalised. Discarded.
      if (settings.serverWarmupSec > 0 && seed) {
        log(`warming the ${kind} app server for ${settings.serverWarmupSec} s`);
        const paths = ['/', ...seed.sampleSlugs.slice(0, 20).map((slug) => `/pieces/${slug}`)];
        await measure(`${app.baseUrl}/`, { connections: settings.connections, durationSec: settings.serverWarmupSec, warmupSec: 0, paths });
      }
    }

    const loadAtStart = loadAverage();
    const results: Record<string, ScenarioResult> = {};
    const failed: Record<string, string> = {};
    for (const scenario of selected) {
      const kind = scenario.needs.server;
      const died = kind ? pool.exitInfo(kind) : undefined;
      if (died) {
        failed[scenario.name] = `not run: the ${kind} app server had exited (code ${died.code}, signal ${died.signal})`;
        continue;
      }
      try {
        results[scenario.name] = await scenario.run({
          settings,
          server: (k) => pool.get(k),
          settle: (k) => pool.settle(k),
          seed,
          ledger,
          dataDir,
          log,
        });
      } catch (error) {
        failed[scenario.name] = error instanceof Error ? error.message : String(error);
        log(`scenario ${scenario.name} failed: ${failed[scenario.name]}`);
      }
    }

    const servers = await pool.stopAll();
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(loadAtStart),
      settings,
      targets: TARGETS,
      ...(seed ? { seed } : {}),
      ...(ledger ? { ledger } : {}),
      servers,
      scenarios: results,
      ...(Object.keys(failed).length ? { failedScenarios: failed } : {}),
    };

    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
    if (cpuProf) console.log(`CPU profile(s) of the app servers in ${profileDir} (open in Chrome DevTools > Performance)`);
    return Object.keys(failed).length ? 1 : 0;
  } finally {
    await pool.stopAll().catch(() => undefined);
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
    // Children first (they may hold a scratch database open), then the scenarios' own clean-ups.
    void stopAllChildren()
      .then(() => runInterruptCleanups())
      .finally(() => {
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
