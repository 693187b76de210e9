/** The printed table and the shape of bench/results.json. */
import os from 'node:os';
import type { ProcessMemory } from './processes.ts';
import type { SeedSummary } from './seed-database.ts';
import type { LedgerSeedSummary } from './seed-ledger.ts';
import { formatTicketOrders } from './scenarios/ticket-orders-report.ts';
import { TARGETS, type BenchSettings, type Check, type RunResult, type ScenarioResult } from './scenarios/types.ts';

export interface MemoryReport {
  peakRssMb: number;
  rssMb: number;
}

/** One app server kind over the whole benchmark (every process of it, if it was restarted). */
export interface ServerReport extends MemoryReport {
  /** The PAGE_CACHE_SECONDS it ran with ("server default" when not set). */
  pageCacheSeconds: string;
  /** RSS once it answered /healthz the first time. */
  startRssMb: number;
  /** Times it was restarted because it stayed busy after a run. */
  restarts: number;
  checks: Check[];
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    arch: string;
    totalMemoryMb: number;
    /** 1-minute load average when the runs started and ended: above the CPU count, figures are noisy. */
    loadAverage: { start: number; end: number };
  };
  settings: BenchSettings;
  targets: typeof TARGETS;
  /** Absent when no selected scenario needed a database. */
  seed?: SeedSummary;
  ledger?: LedgerSeedSummary;
  /** The app servers by kind ("cached", "uncached"): peak RSS (VmHWM) over their whole life. */
  servers: Record<string, ServerReport>;
  scenarios: Record<string, ScenarioResult>;
  failedScenarios?: Record<string, string>;
}

export function toMb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

export function memoryReport(memory: ProcessMemory | undefined): MemoryReport {
  return memory ? { peakRssMb: toMb(memory.peakRssBytes), rssMb: toMb(memory.rssBytes) } : { peakRssMb: Number.NaN, rssMb: Number.NaN };
}

export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

export function machine(loadAtStart: number): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: os.platform(),
    arch: os.arch(),
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: { start: loadAtStart, end: loadAverage() },
  };
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const shorten = (text: string, max = 44) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const verdict = (check: Check) => `${check.pass ? 'ok  ' : 'MISS'} ${check.name} ${check.value} (target ${check.target})`;
/** Milliseconds with the precision that matters at that size (µs for in-process timings). */
export const formatMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

function row(name: string, label: string, run: RunResult, scenario: ScenarioResult): string[] {
  const m = run.measurement;
  const t = run.timing;
  return [
    name,
    label,
    shorten(run.target),
    run.bodyBytes !== undefined ? String(run.bodyBytes) : '',
    m ? m.rps.toFixed(m.rps < 10 ? 1 : 0) : '',
    m ? m.latencyMs.p50.toFixed(0) : t ? formatMs(t.median) : '',
    m ? m.latencyMs.p99.toFixed(0) : t ? formatMs(t.p99) : '',
    m ? String(m.errors - m.timeouts + m.non2xx) : '',
    m ? String(m.timeouts) : '',
    m && label === 'page' && scenario.ratio !== undefined ? scenario.ratio.toFixed(3) : '',
    run.memory ? run.memory.peakRssMb.toFixed(0) : '',
  ];
}

export function formatReport(report: BenchReport): string {
  const rows: string[][] = [];
  for (const [name, scenario] of Object.entries(report.scenarios)) {
    for (const [label, run] of Object.entries(scenario.runs)) rows.push(row(name, label, run, scenario));
  }
  const m = report.machine;
  const s = report.settings;
  const out = [
    `Open Experience benchmark, ${report.date}`,
    `${m.cpus} CPU (${m.cpuModel}), ${m.totalMemoryMb} MB, Node ${m.node}, ${m.platform}/${m.arch}; ` +
      `load average ${m.loadAverage.start} at start, ${m.loadAverage.end} at end`,
  ];
  if (report.seed) {
    out.push(
      `${report.seed.pieces} published pieces, ${report.seed.contributors} contributors (seeded in ${report.seed.seconds} s); ` +
        `${s.connections} connections, ${s.warmupSec} s warm-up + ${s.durationSec} s measured per target, requests abandoned after ${s.requestTimeoutSec} s`,
    );
  }
  if (report.ledger) {
    const l = report.ledger;
    const causes = Object.entries(l.byCause).map(([cause, c]) => `${cause} ${c.transactions}/${c.lines}`).join(', ');
    out.push(
      `Ledger: ${l.postings} postings in ${l.transactions} transactions (transactions/lines: ${causes}); ${l.events} events (${l.closedEvents} closed), ` +
        `${l.royaltyAccounts} royalty accounts, ${l.accounts} accounts; written in ${l.generateSeconds} s + ${l.insertSeconds} s, database ${l.databaseMb} MB`,
    );
  }
  const servers = Object.entries(report.servers);
  if (servers.length) out.push(`App servers: ${servers.map(([kind, r]) => `${kind} (PAGE_CACHE_SECONDS ${r.pageCacheSeconds})`).join(', ')}`);
  out.push(
    '',
    'Load tests (autocannon): req/s, p50/p99 of answered requests in ms; in-process and sequential timings: median and p99 in ms.',
    'errors = connection errors + non-2xx, t/o = requests abandoned (not in the latencies), RSS = the server\'s peak during that run.',
    '',
    table(['scenario', 'run', 'target', 'bytes', 'req/s', 'p50 ms', 'p99 ms', 'errors', 't/o', 'ratio', 'RSS MB'], rows, new Set([3, 4, 5, 6, 7, 8, 9, 10])),
  );

  for (const [name, scenario] of Object.entries(report.scenarios)) {
    const b = scenario.breakdown;
    if (!b) continue;
    out.push('', `${name}: ${b.title}`, `  ${b.total.name}: median ${formatMs(b.total.medianMs)} ms, max ${formatMs(b.total.maxMs)} ms`);
    out.push(
      table(
        ['  query function', 'median ms', 'max ms', 'share', 'plan (EXPLAIN QUERY PLAN)'],
        b.rows.map((r) => [`  ${r.name}`, formatMs(r.medianMs), formatMs(r.maxMs), `${Math.round(r.share * 100)} %`, r.plan.map((p) => p.join('; ')).join(' | ')]),
        new Set([1, 2, 3]),
      ),
    );
  }

  for (const [name, scenario] of Object.entries(report.scenarios)) {
    const lines = formatTicketOrders(name, scenario);
    if (lines.length) out.push('', ...lines);
  }

  out.push('');
  for (const [kind, r] of servers) {
    out.push(
      `App server (${kind}): peak RSS (VmHWM) ${r.peakRssMb} MB over its life, RSS ${r.rssMb} MB at the end, ${r.startRssMb} MB once started` +
        (r.restarts ? `; restarted ${r.restarts} time(s) after a run left it busy` : ''),
    );
  }
  out.push('', 'Targets (reported, not enforced):');
  const width = Math.max(22, ...Object.keys(report.scenarios).map((n) => n.length + 1));
  for (const [name, scenario] of Object.entries(report.scenarios)) {
    for (const check of scenario.checks) out.push(`  ${name.padEnd(width)} ${verdict(check)}`);
    for (const note of scenario.notes ?? []) out.push(`  ${name.padEnd(width)} note: ${note}`);
  }
  for (const [kind, r] of servers) for (const check of r.checks) out.push(`  ${`app server (${kind})`.padEnd(width)} ${verdict(check)}`);
  for (const [name, error] of Object.entries(report.failedScenarios ?? {})) out.push(`  ${name.padEnd(width)} FAILED: ${error}`);
  return out.join('\n');
}
