/**
 * Every editor/admin route × every role. Anonymous visitors are sent to the login page (GET) or
 * refused (POST); members and contributors get 403 on the editors' desk; editors everything but
 * account administration; admins everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/schema.ts';
import { saveEvent } from '../src/modules/events/index.ts';
import { makePiece, makeUser, PASSWORD } from './factories/index.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'member', 'contributor', 'editor', 'admin'];

interface RouteCase {
  method: 'GET' | 'POST';
  url: string;
  /** The least role that may use it. */
  least: 'contributor' | 'editor' | 'admin';
  fields?: Record<string, string>;
}

const rank: Record<Who, number> = { anonymous: 0, member: 1, contributor: 2, editor: 3, admin: 4 };

describe.each(DIALECTS)('authorisation matrix (%s)', (dialect) => {
  let t: TestApp;
  const clients = new Map<Who, TestClient>();
  let routes: RouteCase[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const who of WHO) {
      const c = t.client();
      if (who !== 'anonymous') {
        const u = await makeUser(t.db.db, who);
        await c.login(u.email, PASSWORD);
      }
      clients.set(who, c);
    }
    const { actor } = await makeUser(t.db.db, 'admin');
    const piece = await makePiece(t.db.db, actor, { title: 'Matrice' });
    const target = await makeUser(t.db.db, 'member');
    await t.client().post('/propose', { name: 'P', email: 'p@example.org', title: 'T', pitch: 'A pitch that is long enough.', language: 'fr' });
    const proposal = await t.db.db.selectFrom('proposals').select('id').executeTakeFirstOrThrow();
    const contributor = await t.db.db.insertInto('contributors').values({ slug: 'matrix-c', name: 'M', bio: '', links: '[]', email: null, public_name: 1, photo_media_id: null, created_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    const event = await saveEvent(
      { db: t.db.db, actor, now: new Date('2026-05-01T00:00:00Z') },
      { id: null, title: 'Matrice', slug: 'matrice', themeId: null, description: '', venue: '', address: '', startsAt: new Date('2026-09-01T18:00:00Z'), endsAt: new Date('2026-09-01T21:00:00Z'), capacity: 10, opensAt: null, closesAt: null, status: 'published' },
    );
    routes = [
      { method: 'GET', url: '/editor', least: 'editor' },
      { method: 'GET', url: '/editor/pieces', least: 'editor' },
      { method: 'GET', url: '/editor/proposals', least: 'editor' },
      { method: 'GET', url: `/editor/proposals/${proposal.id}`, least: 'editor' },
      { method: 'GET', url: '/editor/contributors', least: 'editor' },
      { method: 'GET', url: '/editor/contributors/new', least: 'editor' },
      { method: 'GET', url: `/editor/contributors/${contributor.id}`, least: 'editor' },
      { method: 'GET', url: '/editor/themes', least: 'editor' },
      { method: 'GET', url: '/editor/pages/about', least: 'editor' },
      { method: 'GET', url: '/editor/inbox', least: 'editor' },
      { method: 'GET', url: '/editor/users', least: 'admin' },
      { method: 'GET', url: `/studio/pieces/${piece.id}`, least: 'editor' },
      { method: 'GET', url: `/studio/pieces/${piece.id}/revisions`, least: 'editor' },
      { method: 'GET', url: `/studio/pieces/${piece.id}/preview`, least: 'editor' },
      { method: 'GET', url: '/studio', least: 'contributor' },
      { method: 'GET', url: '/studio/pieces/new', least: 'contributor' },
      { method: 'POST', url: `/studio/pieces/${piece.id}/transition`, least: 'editor', fields: { action: 'withdraw' } },
      { method: 'POST', url: `/studio/pieces/${piece.id}/revisions/1/restore`, least: 'editor' },
      { method: 'POST', url: `/editor/proposals/${proposal.id}/decline`, least: 'editor', fields: { message: '' } },
      { method: 'POST', url: `/editor/contributors/${contributor.id}`, least: 'editor', fields: { name: 'M', slug: 'matrix-c', bio: '', links: '', email: '' } },
      { method: 'POST', url: '/editor/themes/new', least: 'editor', fields: { slug: '', name_fr: '', name_en: '' } },
      { method: 'POST', url: '/editor/pages/about', least: 'editor', fields: { title_fr: '' } },
      { method: 'POST', url: '/editor/inbox/999/read', least: 'editor' },
      { method: 'POST', url: `/editor/users/${target.id}`, least: 'admin', fields: { role: 'member', contributorId: '' } },
      { method: 'GET', url: '/editor/events', least: 'editor' },
      { method: 'POST', url: '/editor/series', least: 'editor', fields: { title: '' } },
      { method: 'GET', url: `/editor/events/${event.id}/tickets`, least: 'editor' },
      { method: 'POST', url: `/editor/events/${event.id}/ticket-types`, least: 'editor', fields: { kind: 'standard', name: '' } },
      { method: 'POST', url: `/editor/events/${event.id}/codes`, least: 'editor', fields: { max_uses: '' } },
      { method: 'GET', url: `/editor/events/${event.id}/attendees.csv`, least: 'editor' },
      { method: 'GET', url: `/editor/events/${event.id}/checkin`, least: 'editor' },
      { method: 'GET', url: `/editor/events/${event.id}/counts`, least: 'editor' },
      { method: 'POST', url: `/editor/events/${event.id}/checkin`, least: 'editor', fields: { code: 'ZZZZ-ZZZZ' } },
      { method: 'POST', url: `/editor/events/${event.id}/cancel`, least: 'editor', fields: { confirm: 'no' } },
      { method: 'POST', url: '/editor/orders/999/paid', least: 'editor' },
      { method: 'POST', url: '/editor/orders/999/refunded', least: 'editor' },
      { method: 'GET', url: '/editor/events/new', least: 'editor' },
      { method: 'POST', url: '/editor/events', least: 'editor', fields: { title: '' } },
      { method: 'GET', url: '/editor/ledger', least: 'editor' },
      { method: 'GET', url: '/editor/ledger/events', least: 'editor' },
      { method: 'POST', url: '/editor/ledger/expenses', least: 'editor', fields: { amount: '' } },
      { method: 'POST', url: '/editor/ledger/income', least: 'admin', fields: { amount: '' } },
      { method: 'POST', url: '/editor/ledger/expenses/999/approve', least: 'admin' },
      { method: 'POST', url: '/editor/ledger/expenses/999/reject', least: 'admin', fields: { reason: '' } },
      { method: 'POST', url: '/editor/ledger/expenses/999/pay', least: 'admin' },
      { method: 'POST', url: '/editor/ledger/events/999/close', least: 'admin' },
      { method: 'POST', url: '/editor/ledger/split', least: 'admin', fields: { visuals_percent: '' } },
      { method: 'GET', url: '/editor/ledger/books', least: 'admin' },
      { method: 'POST', url: '/editor/ledger/books', least: 'admin', fields: { title: '' } },
      { method: 'POST', url: '/editor/ledger/sales', least: 'admin', fields: { book_id: '' } },
      { method: 'POST', url: '/editor/ledger/payouts', least: 'admin', fields: { amount: '' } },
      { method: 'GET', url: `/editor/ledger/royalties/${contributor.id}`, least: 'admin' },
      { method: 'GET', url: '/editor/ledger/corrections', least: 'admin' },
      { method: 'POST', url: '/editor/ledger/reversals', least: 'admin', fields: { transaction_id: '' } },
      { method: 'GET', url: '/editor/ledger/fec?year=2026', least: 'admin' },
      { method: 'GET', url: '/editor/ledger/payouts', least: 'admin' },
      { method: 'GET', url: '/editor/outbox', least: 'admin' },
      { method: 'POST', url: '/editor/outbox/999/retry', least: 'admin' },
      { method: 'POST', url: '/editor/outbox/999/dismiss', least: 'admin' },
    ];
  });
  afterAll(async () => t.close());

  it('lets each role through exactly the routes its role allows', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      for (const who of WHO) {
        const c = clients.get(who)!;
        const res = route.method === 'GET' ? await c.get(route.url) : await c.post(route.url, route.fields ?? {});
        const allowed = rank[who] >= rank[route.least];
        let ok: boolean;
        // Allowed: the request is handled (a missing target is a 404, a refused input a 409 or 422).
        if (allowed) ok = res.statusCode < 400 || [404, 409, 422].includes(res.statusCode);
        else if (who === 'anonymous') ok = route.method === 'GET' ? res.statusCode === 303 && String(res.headers.location).startsWith('/account/login') : res.statusCode === 401;
        else ok = res.statusCode === 403;
        if (!ok) problems.push(`${who} ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
