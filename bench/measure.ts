/** One load test with autocannon: a discarded warm-up, then the measured run. */
import autocannon from 'autocannon';

export interface MeasureOptions {
  connections: number;
  /** Measured seconds. */
  durationSec: number;
  /** Seconds run first and discarded (0 for none). */
  warmupSec: number;
  /** Paths each connection cycles through (relative to the URL's origin); the URL itself when unset. */
  paths?: string[];
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Measurement {
  /** Mean requests per second over the measured run. */
  rps: number;
  /** Milliseconds. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** Mean bytes per second read. */
  throughputBytesPerSec: number;
  requests: number;
  durationSec: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

function run(options: autocannon.Options): autocannon.Instance {
  return autocannon(options);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Load-tests `url` (or its origin with `paths`) at `connections` for `durationSec` after a warm-up. */
export async function measure(url: string, options: MeasureOptions): Promise<Measurement> {
  const base: autocannon.Options = {
    url,
    connections: options.connections,
    timeout: 10,
    ...(options.method ? { method: options.method } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.paths?.length ? { requests: options.paths.map((path) => ({ path })) } : {}),
  };
  if (options.warmupSec > 0) await run({ ...base, duration: options.warmupSec });
  const result = await run({ ...base, duration: options.durationSec });
  return {
    rps: round(result.requests.average, 1),
    latencyMs: {
      mean: round(result.latency.average),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    throughputBytesPerSec: Math.round(result.throughput.average),
    requests: result.requests.total,
    durationSec: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])),
  };
}

/** Fetches a URL once: its status, body size in bytes and whether it sets cookies (a page cost to know). */
export async function probe(url: string): Promise<{ status: number; bytes: number; setsCookie: boolean }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.length, setsCookie: res.headers.has('set-cookie') };
}
