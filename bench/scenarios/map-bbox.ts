/**
 * The collaborative map at 10,000 and 100,000 organisations (issue 9), one scenario per size, each
 * on its own seeded SQLite database (map-seed.ts) and its own app server:
 *  1. the bounding-box API — GET /api/map/organisations?bbox=…&limit=50, rotating over 40 boxes
 *     around the busiest places — load-tested with autocannon against the bare node:http baseline
 *     answering a body of the same mean size, measured in the same run;
 *  2. the full GeoJSON export: its size, gzipped size (zlib level 6, what a server would send) and
 *     the time to produce it; the map's own points file (what the page loads), raw and gzipped;
 *  3. headless Chromium (Debian's, through playwright-core): from navigation to the clustered map
 *     drawn (the map script marks #map with data-ready and the time since navigation: the server's
 *     clusters for the view are drawn first), then to the browser's own Supercluster index drawn
 *     (data-indexed-at, reported too), 5 visits each in a fresh browser context (cold browser
 *     cache; the first visit also finds the server's caches cold).
 * Targets: map rendered in under 1.5 s at 10,000 and under 4 s at 100,000.
 *
 * Environment: BENCH_MAP_SIZES (default "10000,100000"), BENCH_MAP_VISITS (default 5),
 * CHROMIUM_PATH (default /usr/bin/chromium), BENCH_MAP_SCREENSHOT=<dir> (a PNG of the map per size).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { measure, probe } from '../measure.ts';
import { startAppServer, startBareServer } from '../processes.ts';
import { toMb } from '../report.ts';
import { seedMapSqlite } from './map-seed.ts';
import { TARGETS, type Check, type Scenario, type ScenarioResult } from './types.ts';

const RENDER_TARGET_MS: Record<number, number> = { 10_000: 1500, 100_000: 4000 };

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

async function download(url: string): Promise<{ bytes: Buffer; ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, ms: Math.round(performance.now() - started), status: response.status };
}

async function renderTimes(baseUrl: string, visits: number, expectedPoints: number, screenshot: string | undefined): Promise<{ drawn: number[]; indexed: number[] }> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    const indexedTimes: number[] = [];
    for (let i = 0; i < visits; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/map`, { waitUntil: 'commit', timeout: 60_000 });
      const map = page.locator('#map[data-ready="true"]');
      await map.waitFor({ timeout: 60_000 });
      const readyAt = Number(await map.getAttribute('data-ready-at'));
      const points = Number(await map.getAttribute('data-points'));
      const markers = Number(await map.getAttribute('data-markers'));
      if (points !== expectedPoints) throw new Error(`the map drew ${points} points, expected ${expectedPoints}`);
      if (!(markers > 0 && markers < 2000)) throw new Error(`the map drew ${markers} markers: not clustered`);
      times.push(readyAt);
      // Then the browser's own index takes over (every move is answered without the server).
      const indexed = page.locator('#map[data-indexed="true"]');
      await indexed.waitFor({ timeout: 120_000 });
      indexedTimes.push(Number(await indexed.getAttribute('data-indexed-at')));
      if (screenshot && i === visits - 1) {
        await page.waitForTimeout(500);
        await page.screenshot({ path: screenshot, fullPage: false });
      }
      await context.close();
    }
    return { drawn: times, indexed: indexedTimes };
  } finally {
    await browser.close();
  }
}

function mapScenario(size: number): Scenario {
  const name = `map-${size >= 1000 ? `${size / 1000}k` : size}`;
  return {
    name,
    needs: {},
    async run(ctx): Promise<ScenarioResult> {
      const dataDir = path.join(ctx.dataDir, name);
      mkdirSync(dataDir, { recursive: true });
      ctx.log(`${name}: seeding ${size} organisations`);
      const seed = await seedMapSqlite(dataDir, size, new Date());
      ctx.log(`${name}: seeded in ${seed.seedSeconds} s, search index in ${seed.indexSeconds} s (${seed.databaseMb} MB)`);
      const app = await startAppServer({ name: `app (${name})`, dataDir, extraEnv: { RATE_LIMIT_MULTIPLIER: '100000' } });
      const notes: string[] = [];
      try {
        // 1. The bounding-box API against the bare server.
        const paths = seed.boxes.map((box) => `/api/map/organisations?bbox=${box}&limit=50`);
        const sizes: number[] = [];
        for (const p of paths) {
          const r = await probe(`${app.baseUrl}${p}`);
          if (r.status !== 200) throw new Error(`${name}: GET ${p} answered ${r.status}`);
          sizes.push(r.bytes);
        }
        const bodyBytes = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
        const { connections, durationSec, warmupSec, requestTimeoutSec } = ctx.settings;
        const options = { connections, durationSec, warmupSec, paths, timeoutSec: requestTimeoutSec };
        ctx.log(`${name}: bare node:http, ${bodyBytes} bytes`);
        const bare = await startBareServer(bodyBytes);
        let bareRun;
        try {
          bareRun = await measure(`${bare.baseUrl}/`, options);
        } finally {
          await bare.stop();
        }
        ctx.log(`${name}: GET /api/map/organisations?bbox=… (${paths.length} boxes)`);
        app.resetPeakMemory();
        const apiRun = await measure(`${app.baseUrl}/`, options);
        const memory = app.memory();
        if (apiRun.non2xx || apiRun.errors) notes.push(`${apiRun.non2xx} non-2xx and ${apiRun.errors} errors under load`);
        const ratio = bareRun.rps > 0 ? Math.round((apiRun.rps / bareRun.rps) * 1000) / 1000 : 0;

        // 2. The full GeoJSON export and the map's points.
        ctx.log(`${name}: full GeoJSON export`);
        const geojson = await download(`${app.baseUrl}/map/data.geojson`);
        if (geojson.status !== 200) throw new Error(`${name}: the GeoJSON export answered ${geojson.status}`);
        const features = (JSON.parse(geojson.bytes.toString('utf8')) as { features: unknown[] }).features.length;
        if (features !== size) throw new Error(`${name}: the export has ${features} features, expected ${size}`);
        const geojsonGzip = gzipSync(geojson.bytes, { level: 6 }).length;
        const points = await download(`${app.baseUrl}/map/points.json`);
        const pointsGzip = gzipSync(points.bytes, { level: 6 }).length;

        // 3. Navigation to a rendered, clustered map in Chromium.
        const visits = intFromEnv('BENCH_MAP_VISITS', 5);
        ctx.log(`${name}: ${visits} visits of /map in headless Chromium`);
        const shots = process.env.BENCH_MAP_SCREENSHOT;
        if (shots) mkdirSync(shots, { recursive: true });
        const { drawn: times, indexed } = await renderTimes(app.baseUrl, visits, size, shots ? path.join(shots, `${name}.png`) : undefined);
        const sorted = [...times].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)]!;
        const target = RENDER_TARGET_MS[size];
        const peakRssMb = toMb(app.memory()?.lifetimePeakRssBytes ?? memory?.peakRssBytes ?? 0);

        const checks: Check[] = [
          { name: 'bbox API/bare req/s', target: `>= ${TARGETS.minRatio}`, value: ratio, pass: ratio >= TARGETS.minRatio },
          { name: 'bbox API p99 ms', target: `< ${TARGETS.maxP99Ms}, no timeouts`, value: apiRun.latencyMs.p99, pass: apiRun.requests > 0 && apiRun.latencyMs.p99 < TARGETS.maxP99Ms && apiRun.timeouts === 0 },
          ...(target ? [{ name: 'map rendered ms (median of visits)', target: `< ${target}`, value: median, pass: median < target }, { name: 'map rendered ms (slowest visit)', target: `< ${target}`, value: sorted.at(-1)!, pass: sorted.at(-1)! < target }] : []),
          { name: 'server peak RSS MB', target: `< ${TARGETS.maxRssMb}`, value: peakRssMb, pass: peakRssMb < TARGETS.maxRssMb },
        ];
        return {
          description: `The map with ${size.toLocaleString('en')} organisations: bounding-box API vs bare node:http, full GeoJSON export, navigation to a clustered map in Chromium`,
          runs: {
            bare: { target: 'bare node:http', bodyBytes, measurement: bareRun },
            bbox: { target: `${paths.length} bbox paths (limit=50)`, bodyBytes, measurement: apiRun, ...(memory ? { memory: { peakRssMb: toMb(memory.peakRssBytes), rssMb: toMb(memory.rssBytes) } } : {}) },
          },
          ratio,
          checks,
          ...(notes.length ? { notes } : {}),
          details: {
            seed,
            geojson: { features, bytes: geojson.bytes.length, gzipBytes: geojsonGzip, mb: toMb(geojson.bytes.length), gzipMb: toMb(geojsonGzip), ms: geojson.ms },
            points: { bytes: points.bytes.length, gzipBytes: pointsGzip, ms: points.ms },
            renderMs: times,
            renderMedianMs: median,
            // From navigation to the browser's own Supercluster index drawn (full interactivity).
            indexedMs: indexed,
            indexedMedianMs: [...indexed].sort((a, b) => a - b)[Math.floor(indexed.length / 2)],
          },
        };
      } finally {
        await app.stop();
      }
    },
  };
}

const sizes = (process.env.BENCH_MAP_SIZES ?? '10000,100000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isSafeInteger(n) && n > 0);

export const mapScenarios: Scenario[] = sizes.map(mapScenario);
