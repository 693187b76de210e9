/** The printed table and the shape of bench/results.json. */
import os from 'node:os';
import type { ProcessMemory } from './processes.ts';
import type { SeedSummary } from './seed-database.ts';
import { TARGETS, type BenchSettings, type Check, type ScenarioResult } from './scenarios/types.ts';

export interface MemoryReport {
  peakRssMb: number;
  rssMb: number;
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
  seed: SeedSummary;
  /** The app server's memory after every run (VmHWM is the peak over its whole life), and once it answered /healthz. */
  server: MemoryReport & { startRssMb: number; checks: Check[] };
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

export function formatReport(report: BenchReport): string {
  const rows: string[][] = [];
  for (const [name, scenario] of Object.entries(report.scenarios)) {
    for (const [label, run] of Object.entries(scenario.runs)) {
      const m = run.measurement;
      rows.push([
        name,
        label,
        shorten(run.target),
        run.bodyBytes !== undefined ? String(run.bodyBytes) : '',
        m.rps.toFixed(0),
        m.latencyMs.p50.toFixed(0),
        m.latencyMs.p99.toFixed(0),
        String(m.errors + m.non2xx + m.timeouts),
        label !== 'bare' && scenario.ratio !== undefined ? scenario.ratio.toFixed(2) : '',
      ]);
    }
  }
  const m = report.machine;
  const s = report.settings;
  const out = [
    `Open Experience benchmark, ${report.date}`,
    `${m.cpus} CPU (${m.cpuModel}), ${m.totalMemoryMb} MB, Node ${m.node}, ${m.platform}/${m.arch}; ` +
      `load average ${m.loadAverage.start} at start, ${m.loadAverage.end} at end`,
    `${report.seed.pieces} published pieces, ${report.seed.contributors} contributors (seeded in ${report.seed.seconds} s); ` +
      `${s.connections} connections, ${s.warmupSec} s warm-up + ${s.durationSec} s measured per target`,
    '',
    table(['scenario', 'run', 'target', 'bytes', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio'], rows, new Set([3, 4, 5, 6, 7, 8])),
    '',
    `App server memory after the runs: peak RSS (VmHWM) ${report.server.peakRssMb} MB, RSS (VmRSS) ${report.server.rssMb} MB ` +
      `(RSS ${report.server.startRssMb} MB once started)`,
    '',
    'Targets (reported, not enforced):',
  ];
  for (const [name, scenario] of Object.entries(report.scenarios)) {
    for (const check of scenario.checks) out.push(`  ${name.padEnd(22)} ${verdict(check)}`);
    for (const note of scenario.notes ?? []) out.push(`  ${name.padEnd(22)} note: ${note}`);
  }
  for (const check of report.server.checks) out.push(`  ${'app server'.padEnd(22)} ${verdict(check)}`);
  for (const [name, error] of Object.entries(report.failedScenarios ?? {})) out.push(`  ${name.padEnd(22)} FAILED: ${error}`);
  return out.join('\n');
}
