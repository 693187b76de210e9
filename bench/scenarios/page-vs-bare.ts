/**
 * A public page of the real server against the bare node:http server answering a body of the same
 * size: bare first, then the page, one after the other. Any GET page can be benchmarked this way
 * (a new page is one more entry in scenarios/index.ts).
 */
import { measure, probe } from '../measure.ts';
import { startBareServer } from '../processes.ts';
import { TARGETS, type Scenario, type ScenarioContext, type ScenarioResult } from './types.ts';

export interface PageScenarioOptions {
  name: string;
  description: string;
  /** The path(s) to request; several paths are cycled through by every connection. */
  paths: (ctx: ScenarioContext) => string[];
}

export function pageVsBareScenario(options: PageScenarioOptions): Scenario {
  return {
    name: options.name,
    async run(ctx): Promise<ScenarioResult> {
      const paths = options.paths(ctx);
      if (paths.length === 0) throw new Error(`${options.name}: no path to request`);

      // Every path must answer 200 (a 404 page would be measured otherwise); the bare body gets the mean size.
      const sizes: number[] = [];
      const notes: string[] = [];
      for (const path of paths) {
        const response = await probe(`${ctx.app.baseUrl}${path}`);
        if (response.status !== 200) throw new Error(`${options.name}: GET ${path} answered ${response.status}, not 200`);
        if (response.setsCookie && !notes.includes('sets a cookie')) notes.push('sets a cookie');
        sizes.push(response.bytes);
      }
      const bodyBytes = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
      const target = paths.length === 1 ? paths[0]! : `${paths.length} paths`;
      const { connections, durationSec, warmupSec } = ctx.settings;
      const measureOptions = { connections, durationSec, warmupSec, paths };

      ctx.log(`${options.name}: bare node:http, ${bodyBytes} bytes`);
      const bare = await startBareServer(bodyBytes);
      let bareMeasurement;
      try {
        bareMeasurement = await measure(`${bare.baseUrl}/`, measureOptions);
      } finally {
        await bare.stop();
      }

      ctx.log(`${options.name}: GET ${target}`);
      const page = await measure(`${ctx.app.baseUrl}/`, measureOptions);
      const died = ctx.app.exitInfo();
      if (died) throw new Error(`the app server exited during the run (code ${died.code}, signal ${died.signal}):\n${died.output}`);
      if (page.non2xx || page.errors) notes.push(`${page.non2xx} non-2xx responses and ${page.errors} errors under load`);

      const ratio = bareMeasurement.rps > 0 ? Math.round((page.rps / bareMeasurement.rps) * 1000) / 1000 : 0;
      return {
        description: options.description,
        runs: {
          bare: { target: 'bare node:http', bodyBytes, measurement: bareMeasurement },
          page: { target, bodyBytes, measurement: page },
        },
        ratio,
        checks: [
          { name: 'page/bare req/s', target: `>= ${TARGETS.minRatio}`, value: ratio, pass: ratio >= TARGETS.minRatio },
          { name: 'page p99 ms', target: `< ${TARGETS.maxP99Ms}`, value: page.latencyMs.p99, pass: page.latencyMs.p99 < TARGETS.maxP99Ms },
        ],
        ...(notes.length ? { notes } : {}),
      };
    },
  };
}
