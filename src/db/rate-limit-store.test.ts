import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../tests/helpers/test-database.ts';
import { RecordingMailer } from '../../tests/helpers/recording-mailer.ts';
import { createDatabase, type Database } from './database.ts';

/** Paying for a book order allows 10 requests a minute per address (with the multiplier at 1); counted before anything else is checked. */
const LIMITED = '/book/orders/00000000-0000-0000-0000-000000000000/pay?token=nope';

describe.each(DIALECTS)('rate limits across instances (%s)', (dialect) => {
  let a: TestApp;
  let b: FastifyInstance;
  let bDatabase: Database;
  let dir: string | undefined;

  beforeAll(async () => {
    if (dialect === 'sqlite') dir = mkdtempSync(path.join(tmpdir(), 'oe-limits-'));
    const file = dir ? path.join(dir, 'shared.sqlite') : undefined;
    a = await createTestApp(dialect, { rateLimitMultiplier: 1 }, file ? { sqlitePath: file } : {});
    bDatabase = dialect === 'postgres' ? createDatabase({ databaseUrl: a.db.url, sqlitePath: '', poolSize: 3 }) : createDatabase({ sqlitePath: file! });
    b = await buildApp({ config: testConfig({ rateLimitMultiplier: 1 }), database: bDatabase, mailer: new RecordingMailer(), now: () => a.clock.now });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    await bDatabase.close();
    await a.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(dialect === 'postgres' ? 'counts one limit for every instance' : 'counts per instance (one process, in memory)', async () => {
    const statuses = async (app: FastifyInstance, n: number) => {
      const codes: number[] = [];
      for (let i = 0; i < n; i += 1) codes.push((await app.inject({ method: 'POST', url: LIMITED })).statusCode);
      return codes;
    };
    const onA = await statuses(a.app, 6);
    expect(onA).not.toContain(429);
    const onB = await statuses(b, 6);
    if (dialect === 'postgres') {
      // 6 on A, then B's 5th request is the 11th in the window.
      expect(onB.slice(0, 4)).not.toContain(429);
      expect(onB.slice(4)).toEqual([429, 429]);
      expect((await a.app.inject({ method: 'POST', url: LIMITED })).statusCode).toBe(429);
      const row = await a.db.db.selectFrom('rate_limits').select(['key', 'hits']).executeTakeFirstOrThrow();
      expect(row.hits).toBe(13);
      expect(row.key).not.toContain('nope');
    } else {
      expect(onB).not.toContain(429);
      // A's own count goes on: its 11th request is refused.
      expect(await statuses(a.app, 5)).toEqual([onA[0], onA[0], onA[0], onA[0], 429]);
    }
  });
});
