/**
 * An app around a test database, a recording mailer and a clock the test controls, plus a small
 * browser-like client (cookie jar, CSRF token taken from a rendered form like a browser would).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { testConfig, type Config } from '../../src/config.ts';
import type { Dialect } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { RecordingMailer } from './recording-mailer.ts';

export interface TestApp {
  app: FastifyInstance;
  /** Delivers every effect that is due (emails, refunds…), as the worker would: the client does it after each request. */
  deliver(): Promise<number>;
  db: TestDatabase;
  mailer: RecordingMailer;
  clock: { now: Date };
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(dialect: Dialect, overrides: Partial<Config> = {}, database: { sqlitePath?: string } = {}): Promise<TestApp> {
  const db = await createTestDatabase(dialect, database);
  const mailer = new RecordingMailer();
  const clock = { now: new Date('2026-06-01T10:00:00Z') };
  const app = await buildApp({ config: testConfig(overrides), database: db, mailer, now: () => clock.now }, { outbox: { backoffMs: 1000, maxBackoffMs: 60_000, maxAttempts: 5 } });
  await app.ready();
  return {
    app,
    deliver: () => app.outbox.drain(),
    db,
    mailer,
    clock,
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export type Fields = Record<string, string | string[]>;

export function formBody(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  return params.toString();
}

export class TestClient {
  private readonly cookies = new Map<string, string>();
  private token: string | undefined;
  private tokenBinding = '';

  constructor(private readonly app: FastifyInstance) {}

  /** Like a browser talking to a live site: what a request emitted is delivered before the next step of the test. */
  private async inject(options: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.inject(options);
    await this.app.outbox.drain();
    return res;
  }

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    const res = await this.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    this.remember(res);
    return res;
  }

  /** The CSRF token a browser would find in a form (taken from the contact page). */
  async csrfToken(): Promise<string> {
    // A token belongs to the CSRF cookie and to the session: a new session (logging in or out) needs a new one.
    const binding = `${this.cookies.get('oe_csrf')}|${this.cookies.get('oe_session') ?? ''}`;
    if (this.token && this.cookies.has('oe_csrf') && this.tokenBinding === binding) return this.token;
    const res = await this.get('/contact');
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!match) throw new Error('no CSRF field on /contact');
    this.token = match[1]!;
    this.tokenBinding = `${this.cookies.get('oe_csrf')}|${this.cookies.get('oe_session') ?? ''}`;
    return this.token;
  }

  async post(url: string, fields: Fields = {}, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const body = { ...fields };
    if (options.csrf !== false) body._csrf = await this.csrfToken();
    const cookie = this.cookieHeader();
    const res = await this.inject({
      method: 'POST',
      url,
      payload: formBody(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...options.headers },
    });
    this.remember(res);
    return res;
  }

  /** A multipart POST (file uploads), with the CSRF field. */
  async postMultipart(url: string, fields: Fields, files: Record<string, { filename: string; contentType: string; data: Buffer }>): Promise<LightMyRequestResponse> {
    const boundary = `----oe${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const all: Fields = { _csrf: await this.csrfToken(), ...fields };
    for (const [name, v] of Object.entries(all)) {
      for (const item of Array.isArray(v) ? v : [v]) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`));
      }
    }
    for (const [name, f] of Object.entries(files)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`));
      parts.push(f.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const cookie = this.cookieHeader();
    const res = await this.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
    });
    this.remember(res);
    return res;
  }

  async login(email: string, password: string): Promise<void> {
    const res = await this.post('/account/login', { email, password });
    if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`);
  }
}
