/**
 * The figures the ticket-orders scenario keeps per dialect (results.json: scenarios["ticket-orders"]
 * .details.ticketOrders) and their printed table. Kept apart from the scenario so report.ts can
 * print them without importing the scenario (and its database code).
 */
import type { ScenarioResult } from './types.ts';

/** One side of a load (the app instances, or the bare baseline) measured by the scenario itself. */
export interface OrderLoadFigures {
  /** Responses received (every status). */
  responses: number;
  /** Responses by HTTP status. */
  byStatus: Record<string, number>;
  /** From the first connection opened to the last response, seconds. */
  elapsedSec: number;
  /** responses / elapsedSec. */
  responsesPerSec: number;
  /** From the start to the last 303 response, seconds; null without any 303. */
  lastConfirmedSec: number | null;
  /**
   * From the start to the first 409 response, seconds (null without any): the event was sold out by
   * then. Earlier than lastConfirmedSec when 303s still finish (ticket email) after the last seat went.
   */
  firstRefusedSec: number | null;
  /** Latency of every response, ms (nearest rank). */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** p99 of the 303s and of the 409s alone, ms (null when none). */
  p99ByStatusMs: { '303': number | null; '409': number | null };
  /** Connection errors (timeouts included) and timeouts, summed over the autocannon runs. */
  errors: number;
  timeouts: number;
  /** True when the time cap stopped the load before every request was sent. */
  stoppedByTimeCap: boolean;
}

export interface TicketOrdersDialectResult {
  dialect: 'sqlite' | 'postgres';
  /** App instances (each with its own autocannon run of connections / instances connections). */
  instances: number;
  connections: number;
  capacity: number;
  /** Requests planned (autocannon `amount`, split evenly between instances). */
  requests: number;
  /** Seconds before autocannon abandoned a request (abandoned requests are missing from the latencies). */
  requestTimeoutSec: number;
  app: OrderLoadFigures;
  bare: OrderLoadFigures;
  /** 303s: orders confirmed at once. */
  confirmed303: number;
  /** 409s: refused, sold out. */
  refused409: number;
  /** Responses that are neither 303 nor 409, by status (5xx included). */
  unexpected: Record<string, number>;
  status5xx: number;
  /** Successful orders per second: 303s ÷ time to the last 303. */
  ordersPerSec: number;
  /** All responses per second (app.responsesPerSec). */
  responsesPerSec: number;
  /** app responses/s ÷ bare responses/s. */
  ratio: number;
  /** Counted in the database after the servers stopped: seats of the event's orders with status confirmed. */
  seatsConfirmed: number;
  confirmedOrders: number;
  ticketsIssued: number;
  /** The event's orders by status, from the database. */
  ordersByStatus: Record<string, number>;
  /** seatsConfirmed === capacity. */
  seatsMatch: boolean;
  /** Body sizes the app answered (probed) and the bare server mimicked, bytes. */
  bodyBytes: { '303': number; '409': number };
  /** Peak RSS (VmHWM) of each app instance during the measured run, and over its life, MB. */
  peakRssMb: number[];
  lifetimePeakRssMb: number[];
  /** The scratch database (PostgreSQL) or the file (SQLite). */
  database: string;
  /**
   * The outbox after the load: every confirmed order's tickets email (QR codes, .ics) delivered by
   * the instances' workers to a local SMTP server. `pendingAtEnd`: effects still waiting when the
   * last response came; `drainSec`: from then until the outbox was empty; `perSec`: effects
   * delivered per second over that drain; `accepted`: messages the SMTP server accepted in all.
   */
  outbox: { pendingAtEnd: number; drainSec: number; perSec: number; accepted: number; left: number };
}

export interface TicketOrdersDialectFailure {
  dialect: 'sqlite' | 'postgres';
  error: string;
}

export type TicketOrdersDetail = TicketOrdersDialectResult | TicketOrdersDialectFailure;

export const isFailure = (d: TicketOrdersDetail): d is TicketOrdersDialectFailure => 'error' in d;

/** The loud line for a dialect whose confirmed seats differ from its capacity; undefined when they match. */
export function mismatchBanner(d: TicketOrdersDialectResult): string | undefined {
  if (d.seatsMatch) return undefined;
  const diff = d.seatsConfirmed - d.capacity;
  const what = diff > 0 ? `OVERSOLD BY ${diff}` : `UNDERSOLD BY ${-diff}`;
  return `!!! ${d.dialect.toUpperCase()}: ${d.seatsConfirmed} SEATS CONFIRMED FOR A CAPACITY OF ${d.capacity} — ${what} !!!`;
}

function pad(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The scenario's own table (empty when the result holds no ticket-orders details). */
export function formatTicketOrders(name: string, scenario: ScenarioResult): string[] {
  const details = scenario.details?.ticketOrders;
  if (!Array.isArray(details) || details.length === 0) return [];
  const rows = details as TicketOrdersDetail[];
  const out: string[] = [`${name}: orders under contention (seats confirmed counted in the database after the run)`];
  const banners: string[] = [];
  const table: string[][] = [];
  for (const d of rows) {
    if (isFailure(d)) {
      banners.push(`!!! ${d.dialect.toUpperCase()}: NOT MEASURED — ${d.error.split('\n')[0]} !!!`);
      continue;
    }
    const banner = mismatchBanner(d);
    if (banner) banners.push(banner);
    table.push([
      `  ${d.dialect}`,
      `${d.instances} × ${d.connections / d.instances} conn`,
      fixed(d.ordersPerSec),
      fixed(d.responsesPerSec),
      fixed(d.bare.responsesPerSec),
      d.ratio.toFixed(3),
      fixed(d.app.latencyMs.p99),
      fixed(d.bare.latencyMs.p99),
      `${d.confirmed303}/${d.refused409}`,
      String(d.status5xx),
      `${d.app.errors}/${d.app.timeouts}`,
      d.app.firstRefusedSec !== null ? d.app.firstRefusedSec.toFixed(1) : '–',
      `${d.seatsConfirmed}/${d.capacity}${d.seatsMatch ? '' : ' MISMATCH'}`,
      d.peakRssMb.map((mb) => mb.toFixed(0)).join(' + '),
    ]);
  }
  if (table.length) {
    out.push(
      ...pad(
        ['  dialect', 'servers', 'orders/s', 'resp/s', 'bare/s', 'ratio', 'p99 ms', 'bare p99', '303/409', '5xx', 'err/t-o', 'sold out s', 'seats/capacity', 'peak RSS MB'],
        table,
      ),
    );
    out.push(
      '  orders/s = 303s ÷ time to the last 303; resp/s = every response (303 + 409 + others) ÷ time to the last response;',
      '  ratio = app resp/s ÷ bare resp/s (the bare server answers the same POSTs with the same statuses and body sizes);',
      '  sold out s = first 409 received (the last seat was gone by then); p99 = every answered request, 303s and 409s.',
    );
    for (const d of rows) {
      if (isFailure(d)) continue;
      out.push(
        `  ${d.dialect}: ${d.app.responses} responses in ${d.app.elapsedSec} s (first 409 at ${d.app.firstRefusedSec ?? '–'} s, last 303 at ${d.app.lastConfirmedSec ?? '–'} s); ` +
          `p50 ${fixed(d.app.latencyMs.p50)} ms, p99 303 ${d.app.p99ByStatusMs['303'] ?? '–'} ms, p99 409 ${d.app.p99ByStatusMs['409'] ?? '–'} ms; ` +
          `orders by status ${JSON.stringify(d.ordersByStatus)}, tickets ${d.ticketsIssued}; bodies 303 ${d.bodyBytes['303']} B, 409 ${d.bodyBytes['409']} B` +
          (d.app.timeouts ? `; ${d.app.timeouts} requests abandoned after ${d.requestTimeoutSec} s (not in the latencies)` : '') +
          (Object.keys(d.unexpected).length ? `; UNEXPECTED statuses ${JSON.stringify(d.unexpected)}` : ''),
      );
      out.push(
        `  ${d.dialect} outbox: ${d.outbox.pendingAtEnd} emails waiting at the end of the load, drained in ${d.outbox.drainSec} s (${fixed(d.outbox.perSec)} emails/s to a local SMTP server); ` +
          `${d.outbox.accepted} accepted in all, ${d.outbox.left} left undelivered`,
      );
    }
  }
  if (banners.length) out.push('', ...banners.map((b) => `  ${b}`));
  else out.push(`  seats confirmed = capacity on every dialect measured`);
  return out;
}
