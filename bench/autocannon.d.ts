/**
 * The part of autocannon's programmatic API the benchmark uses (the package ships no types and
 * @types/autocannon is not installed). Field names follow autocannon 9's result object.
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      amount?: number;
      pipelining?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      workers?: number;
      title?: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Each connection cycles through these requests in order. */
      requests?: Request[];
      /** Which status codes count as success; 2xx when unset. */
      expectBody?: string;
    }

    /** Percentiles as autocannon names them (p97_5 is the 97.5th). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p0_001: number;
      p0_01: number;
      p0_1: number;
      p1: number;
      p2_5: number;
      p10: number;
      p25: number;
      p50: number;
      p75: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      p99_99: number;
      p99_999: number;
    }

    interface Result {
      title?: string;
      url: string;
      connections: number;
      pipelining: number;
      /** Seconds actually run. */
      duration: number;
      start: Date;
      finish: Date;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      '1xx': number;
      '2xx': number;
      '3xx': number;
      '4xx': number;
      '5xx': number;
      statusCodeStats: Record<string, { count: number }>;
      /** Milliseconds. */
      latency: Histogram & { totalCount: number };
      /** Requests per second (sampled each second); `total` is the number completed. */
      requests: Histogram & { sent: number };
      /** Bytes per second; `total` is the number of bytes read. */
      throughput: Histogram;
    }

    /** An EventEmitter that is also a thenable (not a full Promise: no `finally`). */
    interface Instance extends PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
