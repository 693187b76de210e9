/** One load test with autocannon (a discarded warm-up, then the measured run), and timing helpers. */
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
  /** Seconds before a request is abandoned and counted as a timeout (default 10). */
  timeoutSec?: number;
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
  /** Connection errors, timeouts included (autocannon counts a timeout as an error too). */
  errors: number;
  /** Requests abandoned after `timeoutSec`: not in the latency figures, which cover answered requests only. */
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
    timeout: options.timeoutSec ?? 10,
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

/** Measurements of one target taken in several rounds, as one: requests over the summed time, the worst tail. */
export function combine(parts: readonly Measurement[]): Measurement {
  if (parts.length === 1) return parts[0]!;
  const sum = (f: (m: Measurement) => number) => parts.reduce((a, m) => a + f(m), 0);
  const requests = sum((m) => m.requests);
  const durationSec = sum((m) => m.durationSec);
  const sorted = (f: (m: Measurement) => number) => parts.map(f).sort((a, b) => a - b);
  const median = (f: (m: Measurement) => number) => sorted(f)[Math.floor(parts.length / 2)]!;
  const statusCodes: Record<string, number> = {};
  for (const m of parts) for (const [code, count] of Object.entries(m.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: durationSec > 0 ? round(requests / durationSec, 1) : 0,
    latencyMs: {
      mean: round(sum((m) => m.latencyMs.mean * m.requests) / Math.max(1, requests)),
      p50: median((m) => m.latencyMs.p50),
      p90: Math.max(...parts.map((m) => m.latencyMs.p90)),
      p99: Math.max(...parts.map((m) => m.latencyMs.p99)),
      max: Math.max(...parts.map((m) => m.latencyMs.max)),
    },
    throughputBytesPerSec: durationSec > 0 ? Math.round(sum((m) => m.throughputBytesPerSec * m.durationSec) / durationSec) : 0,
    requests,
    durationSec,
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    non2xx: sum((m) => m.non2xx),
    statusCodes,
  };
}

/** BENCH_ROUNDS: how many alternations of baseline and page a measured duration is split into (default 3). */
export function roundsFromEnv(): number {
  const raw = Number(process.env.BENCH_ROUNDS ?? 3);
  return Number.isSafeInteger(raw) && raw >= 1 ? raw : 3;
}

/**
 * A page and its bare baseline measured in alternation — bare, page, bare, page… — `rounds`
 * times, each for its share of the duration (after one warm-up of each). These machines are
 * shared and their speed drifts within a run; alternating exposes both targets to the same drift,
 * so their ratio is steadier than that of two back-to-back runs.
 */
export async function measureAlternating(
  bare: { url: string; options: MeasureOptions },
  page: { url: string; options: MeasureOptions; before?: () => void },
  rounds = roundsFromEnv(),
): Promise<{ bare: Measurement; page: Measurement }> {
  const share = (o: MeasureOptions) => ({ ...o, durationSec: Math.max(2, Math.round(o.durationSec / rounds)) });
  const bareRuns: Measurement[] = [];
  const pageRuns: Measurement[] = [];
  page.before?.();
  for (let i = 0; i < rounds; i++) {
    bareRuns.push(await measure(bare.url, { ...share(bare.options), warmupSec: i === 0 ? bare.options.warmupSec : 0 }));
    pageRuns.push(await measure(page.url, { ...share(page.options), warmupSec: i === 0 ? page.options.warmupSec : 0 }));
  }
  return { bare: combine(bareRuns), page: combine(pageRuns) };
}

export interface ProbeResult {
  status: number;
  bytes: number;
  /** Whether the response sets a cookie (a page cost to know, and it keeps a page out of the cache). */
  setsCookie: boolean;
  /** The x-page-cache header ("hit" when the micro-cache answered), or null. */
  pageCache: string | null;
  /** Milliseconds from sending the request to the end of the body. */
  ms: number;
  body: Buffer;
}

/** Fetches a URL once. */
export async function probe(url: string, timeoutMs = 60_000): Promise<ProbeResult> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    bytes: body.length,
    setsCookie: res.headers.has('set-cookie'),
    pageCache: res.headers.get('x-page-cache'),
    ms: performance.now() - started,
    body,
  };
}

/** Summary of timing samples, in milliseconds (nearest-rank percentiles). */
export interface TimingStats {
  samples: number;
  median: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function timingStats(samplesMs: readonly number[]): TimingStats {
  if (samplesMs.length === 0) throw new Error('no samples');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    samples: sorted.length,
    median: r(rank(0.5)),
    p90: r(rank(0.9)),
    p99: r(rank(0.99)),
    min: r(sorted[0]!),
    max: r(sorted.at(-1)!),
    mean: r(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** `count` requests one after the other (each after the previous answered), after `warmup` discarded ones. */
export async function sequentialLatency(url: string, count: number, warmup = 1): Promise<{ stats: TimingStats; statuses: number[]; pageCache: (string | null)[] }> {
  for (let i = 0; i < warmup; i++) await probe(url);
  const samples: number[] = [];
  const statuses: number[] = [];
  const pageCache: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const result = await probe(url);
    samples.push(result.ms);
    statuses.push(result.status);
    pageCache.push(result.pageCache);
  }
  return { stats: timingStats(samples), statuses, pageCache };
}
