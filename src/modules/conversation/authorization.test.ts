/**
 * Every route of the moderation desk × every role, as tests/authorization-matrix.test.ts does for
 * the other desks: anonymous visitors are sent to the login page (GET) or refused (POST), members
 * and contributors get 403, editors and admins are let through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import type { Role } from '../../shared/actor.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'member', 'contributor', 'editor', 'admin'];

const ROUTES: { method: 'GET' | 'POST'; url: string; fields?: Record<string, string> }[] = [
  { method: 'GET', url: '/editor/conversation' },
  { method: 'GET', url: '/editor/conversation?status=spam' },
  { method: 'GET', url: '/editor/conversation/settings' },
  { method: 'GET', url: '/editor/conversation/sent' },
  { method: 'GET', url: '/editor/conversation/comment/999/edit' },
  { method: 'POST', url: '/editor/conversation/comment/999/approve' },
  { method: 'POST', url: '/editor/conversation/response/999/spam' },
  { method: 'POST', url: '/editor/conversation/mention/999/delete' },
  { method: 'POST', url: '/editor/conversation/responses/999/feature', fields: { featured: '1' } },
  { method: 'POST', url: '/editor/conversation/pieces/999/closed', fields: { closed: '1' } },
  { method: 'POST', url: '/editor/conversation/comment/999/edit', fields: { name: '', body: '' } },
  { method: 'POST', url: '/editor/conversation/response/999/edit', fields: { name: 'x', title: 'y', body: 'z' } },
  { method: 'POST', url: '/editor/conversation/settings', fields: { blocklist: 'casino' } },
];

describe.each(DIALECTS)('moderation desk authorisation (%s)', (dialect) => {
  let t: TestApp;
  const clients = new Map<Who, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const who of WHO) {
      const c = t.client();
      if (who !== 'anonymous') await c.login((await makeUser(t.db.db, who)).email, PASSWORD);
      clients.set(who, c);
    }
  });
  afterAll(async () => t.close());

  it('lets editors and admins through, and no one else', async () => {
    const problems: string[] = [];
    for (const route of ROUTES) {
      for (const who of WHO) {
        const c = clients.get(who)!;
        const res = route.method === 'GET' ? await c.get(route.url) : await c.post(route.url, route.fields ?? {});
        const allowed = who === 'editor' || who === 'admin';
        const ok = allowed
          ? res.statusCode < 400 || [404, 409, 422].includes(res.statusCode)
          : who === 'anonymous'
            ? route.method === 'GET'
              ? res.statusCode === 303 && String(res.headers.location).startsWith('/account/login')
              : res.statusCode === 401
            : res.statusCode === 403;
        if (!ok) problems.push(`${who} ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
