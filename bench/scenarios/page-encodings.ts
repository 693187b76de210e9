/**
 * The kept piece page as browsers really ask for it (issue 13): with `Accept-Encoding: gzip` (the
 * cache answers its pre-compressed copy), and revalidated with `If-None-Match` (a 304, no body).
 * Each against a bare node:http server sending the same number of bytes (the compressed size; an
 * empty body for the 304), in the same run. Cached server only: these answers exist only there.
 */
import http from 'node:http';
import { measureAlternating } from '../measure.ts';
import { startBareServer } from '../processes.ts';
import { toMb } from '../report.ts';
import { pageChecks } from './page-vs-bare.ts';
import type { Scenario, ScenarioResult } from './types.ts';

/** One raw GET (no decompression), for the encoded size and the validator. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, bytes: body.length, body, headers: res.headers });
        });
      })
      .on('error', reject);
  });
}

interface Variant {
  name: string;
  description: string;
  headers: (etag: string) => Record<string, string>;
  status: number;
  minRatio: number;
}

const VARIANTS: Variant[] = [
  {
    name: 'piece-page-gzip',
    description: 'The typical piece, kept, asked with Accept-Encoding: gzip (its pre-compressed copy) vs bare node:http sending as many bytes',
    headers: () => ({ 'accept-encoding': 'gzip' }),
    status: 200,
    minRatio: 0.6,
  },
  {
    name: 'piece-page-304',
    description: 'The typical piece, kept, revalidated with If-None-Match (304, no body) vs bare node:http sending an empty 200',
    headers: (etag) => ({ 'accept-encoding': 'gzip', 'if-none-match': etag }),
    status: 304,
    minRatio: 0.8,
  },
];

function encodingScenario(variant: Variant): Scenario {
  return {
    name: variant.name,
    needs: { server: 'cached' },
    async run(ctx): Promise<ScenarioResult> {
      if (!ctx.seed) throw new Error(`${variant.name}: the database was not seeded`);
      const app = ctx.server('cached');
      const path = `/pieces/${ctx.seed.typicalPieceSlug}`;
      const url = `${app.baseUrl}${path}`;
      await rawGet(url, { 'accept-encoding': 'gzip' });
      const first = await rawGet(url, { 'accept-encoding': 'gzip' });
      const etag = String(first.headers.etag ?? '');
      if (first.status !== 200 || first.headers['content-encoding'] !== 'gzip' || !etag) throw new Error(`${variant.name}: the kept page was not answered in gzip with an ETag`);
      const headers = variant.headers(etag);
      const sample = await rawGet(url, headers);
      if (sample.status !== variant.status) throw new Error(`${variant.name}: answered ${sample.status}, not ${variant.status}`);
      const { connections, durationSec, warmupSec, requestTimeoutSec } = ctx.settings;
      ctx.log(`${variant.name}: GET ${path} with ${JSON.stringify(headers)}, alternating with bare node:http sending the same ${sample.bytes} bytes`);
      const bare = await startBareServer(sample.bytes, sample.body);
      let runs;
      try {
        // autocannon counts a 304 as non-2xx: what matters is the rate, with no errors.
        runs = await measureAlternating(
          { url: `${bare.baseUrl}/`, options: { connections, durationSec, warmupSec, timeoutSec: requestTimeoutSec } },
          { url, options: { connections, durationSec, warmupSec, timeoutSec: requestTimeoutSec, headers }, before: () => app.resetPeakMemory() },
        );
      } finally {
        await bare.stop();
      }
      const { page, bare: baseline } = runs;
      const m = app.memory();
      const memory = m ? { peakRssMb: toMb(m.peakRssBytes), rssMb: toMb(m.rssBytes) } : undefined;
      const ratio = baseline.rps > 0 ? Math.round((page.rps / baseline.rps) * 1000) / 1000 : 0;
      const checks = pageChecks(ratio, page, memory, { minRatio: variant.minRatio });
      const notes = page.errors ? [`${page.errors} errors (${page.timeouts} timeouts) under load`] : [];
      return {
        description: variant.description,
        runs: {
          bare: { target: 'bare node:http', bodyBytes: sample.bytes, measurement: baseline },
          page: { target: path, bodyBytes: sample.bytes, measurement: page, ...(memory ? { memory } : {}) },
        },
        ratio,
        checks,
        ...(notes.length ? { notes } : {}),
      };
    },
  };
}

export const encodingScenarios: Scenario[] = VARIANTS.map(encodingScenario);
