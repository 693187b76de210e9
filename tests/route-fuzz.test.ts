/**
 * Every route the modules register (read from the app itself, so a new route is covered the day it
 * is added), driven two ways on both databases, for every role:
 * - with unknown ids and slugs in its path and a plausible form (so a command is reached and must
 *   say "not found", not crash on a foreign key);
 * - with random path segments, query strings and form bodies (fast-check).
 * No answer may be a 5xx, and every answer carries the security headers.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/index.ts';
import type { Role } from '../src/shared/actor.ts';
import { makeUser, PASSWORD } from './factories/index.ts';
import { createTestApp, formBody, type TestApp, type TestClient } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';

/** Routes a fuzzer must not call: they end the session it speaks through. */
const SKIP = new Set(['POST /account/logout']);

/** A form that gets past most schemas, so the command behind them runs with the path's unknown ids. */
const PLAUSIBLE: Record<string, string> = {
  title: 'Titre', name: 'Nom', display_name: 'Nom', displayName: 'Nom', email: 'someone@example.org', password: 'a long enough password',
  slug: '', summary: 'Résumé', body_md: 'Texte.', description: 'Texte.', pitch: 'Une idée assez longue.', draft: '', message: 'Bonjour, un message assez long.',
  kind: 'article', language: 'fr', licence: 'CC-BY-SA-4.0', cover_alt: '', image_alt: '', note: '', feedback: 'Retour.', action: 'submit',
  code: 'CODE-1', price: '10', max_uses: '5', expires_at: '', quantity: '1', ticket_type_id: '999999', offered: '', key: 'fuzz-key-0000000000',
  capacity: '10', starts_at: '2026-09-01T19:00', ends_at: '2026-09-01T22:00', registration_opens_at: '', registration_closes_at: '', status: 'published',
  venue: 'Lieu', address: 'Adresse', series_id: '', theme_id: '', role: 'contributor', contributorId: '999999', contributor_id: '999999',
  amount: '10', category: 'expenses:visuals', payee: 'Quelqu’un', reason: 'Parce que.', token: 'x', website: '', body: 'Un commentaire.',
  url: 'https://example.org/', source: 'https://example.org/a', target: 'https://example.org/b', q: 'communs', lat: '48.85', lng: '2.35', city: 'Paris', country: 'FR',
};

const HOSTILE = ['', ' ', '0', '-1', '999999', '1e309', 'NaN', '%00', '../../etc/passwd', '<script>x</script>', "'; drop table users; --", '\u202e', '😀', 'x'.repeat(300), '/%09/evil.example', '//evil.example', '\\\\evil', '%E2%82%AC', '2026-02-30T25:61', '0001-01-01T00:00'];

const headersProblem = (res: LightMyRequestResponse) =>
  res.headers['x-content-type-options'] !== 'nosniff' || !res.headers['content-security-policy'] || !res.headers['referrer-policy'] ? 'missing security headers' : null;

describe.each(DIALECTS)('every route, unknown ids and random input (%s)', (dialect) => {
  let t: TestApp;
  const clients = new Map<Role | 'anonymous', TestClient>();
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.db.db, t.clock.now);
    clients.set('anonymous', t.client());
    for (const role of ['member', 'contributor', 'editor', 'admin'] as const) {
      const user = await makeUser(t.db.db, role);
      const c = t.client();
      await c.login(user.email, PASSWORD);
      clients.set(role, c);
    }
    for (const r of t.app.routeList) if (!SKIP.has(`${r.method} ${r.url}`) && !r.url.startsWith('/static/')) routes.push(r);
  }, 120_000);
  afterAll(async () => t.close());

  /** Sends one request as a role; returns a description of what is wrong with the answer, if anything. */
  async function send(role: Role | 'anonymous', method: string, url: string, fields: Record<string, string>): Promise<string | null> {
    const c = clients.get(role)!;
    let res: LightMyRequestResponse;
    if (method === 'GET') res = await c.get(url);
    else if (method === 'POST') res = await c.post(url, fields);
    else {
      const token = await c.csrfToken();
      res = await t.app.inject({ method: method as 'PUT', url, payload: formBody({ ...fields, _csrf: token }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `oe_csrf=${c.cookie('oe_csrf')}; oe_session=${c.cookie('oe_session') ?? ''}` } });
    }
    if (res.statusCode >= 500) return `${role} ${method} ${url.slice(0, 120)} → ${res.statusCode}`;
    const headers = headersProblem(res);
    return headers ? `${role} ${method} ${url.slice(0, 120)} → ${headers}` : null;
  }

  const fill = (pattern: string, value: (name: string) => string) => pattern.replace(/:([A-Za-z_]+)/g, (_, name: string) => encodeURIComponent(value(name))).replace(/\*$/, 'x');

  it('answers unknown ids in every path with a 4xx, for every role', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const withParams = routes.filter((r) => r.url.includes(':'));
    expect(withParams.length).toBeGreaterThan(30);
    for (const r of withParams) {
      const url = fill(r.url, (name) => (/id$|Id$/i.test(name) ? '999999' : `no-such-${name}-999`));
      for (const role of clients.keys()) {
        const problem = await send(role, r.method, url, PLAUSIBLE);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers random paths, query strings and forms without a 5xx, always with the security headers', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const segment = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.integer().map(String));
    const query = fc.dictionary(fc.constantFrom('page', 'next', 'q', 'token', 'theme', 'kind', 'from', 'to', 'status', 'event', 'format', 'bbox', 'lang', 'account', 'cause', 'x'), segment, { maxKeys: 4 });
    const form = fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(PLAUSIBLE), '_csrf', 'themes', 'credit_contributor', 'credit_role'), fc.string({ maxLength: 12 })), segment, { maxKeys: 8 });
    const roles = [...clients.keys()];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: routes.length - 1 }), fc.constantFrom(...roles), fc.array(segment, { minLength: 3, maxLength: 3 }), query, form, fc.boolean(), async (index, role, values, q, fields, plausible) => {
        const r = routes[index]!;
        let n = 0;
        const path = fill(r.url, () => values[n++ % values.length]!);
        const search = new URLSearchParams(q).toString();
        const problem = await send(role, r.method, search ? `${path}?${search}` : path, plausible ? { ...PLAUSIBLE, ...fields } : fields);
        if (problem) problems.push(problem);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 600), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect([...new Set(problems)]).toEqual([]);
  });
});
