/**
 * The public transparency page (GET /transparency) on a ledger of a million postings
 * (seed-ledger.ts), cached and uncached against the same bare baseline like every page. Besides
 * the load test, each variant times ~20 single requests one after the other (with the cache:
 * hits; without: one full render each, the page's own cost with no queueing), and the uncached
 * one breaks a render down: every query function of getTransparencyData timed alone, in this
 * process, on the same database file, with SQLite's plan for each statement.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Executor } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { bookSalesReport as bookSalesSummary } from '../../src/modules/book/index.ts';
import { accountBalances, countAllTransactions, flowTotals, ledgerTotal } from '../../src/modules/ledger/queries/balances.ts';
import { listEventFinancials } from '../../src/modules/ledger/queries/events.ts';
import { committedExpenses } from '../../src/modules/ledger/queries/expenses.ts';
import { listRoyalties } from '../../src/modules/ledger/queries/royalties.ts';
import { getTransparencyData } from '../../src/modules/ledger/queries/transparency.ts';
import { sequentialLatency, timingStats } from '../measure.ts';
import { toMb } from '../report.ts';
import { pageScenarios } from './page-vs-bare.ts';
import type { Breakdown, ScenarioContext, ScenarioResult, ServerKind } from './types.ts';

/** getTransparencyData's reads, as it calls them. */
const QUERY_FUNCTIONS: [string, (db: Executor) => Promise<unknown>][] = [
  ['accountBalances', (db) => accountBalances(db)],
  ['flowTotals', flowTotals],
  ['listEventFinancials', listEventFinancials],
  ['listRoyalties', listRoyalties],
  ['bookSalesSummary', bookSalesSummary],
  ['ledgerTotal', ledgerTotal],
  ['countAllTransactions', countAllTransactions],
  ['committedExpenses(visuals)', (db) => committedExpenses(db, 'expenses:visuals', null)],
  ['committedExpenses(book_editing)', (db) => committedExpenses(db, 'expenses:book_editing', null)],
];

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Times each query function `runs` times on a read-only connection to the benchmark database. */
export async function queryBreakdown(dataDir: string, runs: number): Promise<Breakdown> {
  const sqlite = new SQLite(path.join(dataDir, 'open-experience.sqlite'), { readonly: true });
  let captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      captured = [];
      const started = performance.now();
      await fn();
      samples.push(performance.now() - started);
    }
    return timingStats(samples);
  };
  try {
    const total = await time(() => getTransparencyData(db, { counterparts: [], bookReports: [bookSalesSummary] }));
    const rows = [];
    for (const [name, fn] of QUERY_FUNCTIONS) {
      const stats = await time(() => fn(db));
      const statements = [...captured];
      rows.push({
        name,
        medianMs: stats.median,
        maxMs: stats.max,
        share: 0,
        sql: statements.map((s) => s.sql),
        plan: statements.map((s) =>
          (sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail),
        ),
      });
    }
    const sum = rows.reduce((a, r) => a + r.medianMs, 0);
    for (const row of rows) row.share = sum > 0 ? Math.round((row.medianMs / sum) * 1000) / 1000 : 0;
    rows.sort((a, b) => b.medianMs - a.medianMs);
    return {
      title: `getTransparencyData and each of its query functions alone, in-process, median of ${runs}`,
      total: { name: 'getTransparencyData', medianMs: total.median, maxMs: total.max },
      rows,
    };
  } finally {
    await db.destroy();
  }
}

async function transparencyExtra(ctx: ScenarioContext, kind: ServerKind, result: ScenarioResult): Promise<void> {
  const app = ctx.server(kind);
  const count = intFromEnv('BENCH_SEQUENTIAL_REQUESTS', 20);
  ctx.log(`transparency: ${count} sequential requests (${kind})`);
  app.resetPeakMemory();
  const sequential = await sequentialLatency(`${app.baseUrl}/transparency`, count);
  const memory = app.memory();
  if (sequential.statuses.some((s) => s !== 200)) throw new Error(`GET /transparency answered ${[...new Set(sequential.statuses)].join(', ')} in sequence`);
  const hits = sequential.pageCache.filter((h) => h === 'hit').length;
  result.runs.sequential = {
    target: `/transparency, ${count} one at a time`,
    timing: sequential.stats,
    ...(memory ? { memory: { peakRssMb: toMb(memory.peakRssBytes), rssMb: toMb(memory.rssBytes) } } : {}),
  };
  const notes = (result.notes ??= []);
  notes.push(
    kind === 'cached'
      ? `sequential: ${hits}/${count} answered from the page cache (a miss, once the entry expired, renders in full)`
      : `sequential: ${count - hits}/${count} rendered in full (median ${sequential.stats.median.toFixed(0)} ms each)`,
  );
  if (kind === 'uncached') {
    const runs = intFromEnv('BENCH_QUERY_RUNS', 3);
    ctx.log(`transparency: timing each query function (${runs} runs each, in-process)`);
    result.breakdown = await queryBreakdown(ctx.dataDir, runs);
    const top = result.breakdown.rows[0];
    if (top) notes.push(`slowest query function: ${top.name}, median ${top.medianMs.toFixed(0)} ms (${Math.round(top.share * 100)} % of the queries)`);
  }
  const settled = await ctx.settle(kind);
  if (settled) notes.push(settled);
  if (ctx.ledger) result.details = { ledger: ctx.ledger };
}

export const transparencyScenarios = pageScenarios({
  name: 'transparency-page',
  description: 'GET /transparency on 1M ledger postings (60 events, 500 royalty accounts) vs bare node:http of the same size',
  paths: () => ['/transparency'],
  ledger: true,
  // Issue 13: kept at 0.5 of bare; rendered afresh, p99 under 100 ms at 50 connections.
  targets: { uncached: { maxP99Ms: 100 } },
  extra: transparencyExtra,
});
