/** No malformed request gets a 5xx: each is a 4xx with a page (or JSON) a person can read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from './factories/index.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe.each(DIALECTS)('malformed requests (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('answers 4xx, never 5xx', async () => {
    const editor = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(editor.email, PASSWORD);
    const token = await c.csrfToken();
    const cookie = `oe_csrf=${c.cookie('oe_csrf')}; oe_session=${c.cookie('oe_session')}`;
    const cases: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: string; headers?: Record<string, string> }[] = [
      { method: 'GET', url: `/pieces/${'x'.repeat(500)}` },
      { method: 'GET', url: '/pieces/%E0%A4%A' },
      { method: 'GET', url: '/themes/open-data?page=-3' },
      { method: 'GET', url: '/themes/open-data?page=abc&page=2' },
      { method: 'GET', url: '/lang/de' },
      { method: 'GET', url: '/lang/en?next=https://evil.example' },
      { method: 'POST', url: '/contact', payload: '{"not":"json', headers: { 'content-type': 'application/json' } },
      { method: 'POST', url: '/contact', payload: 'a=b', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', url: '/contact', payload: '--x\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      { method: 'POST', url: '/studio/pieces', payload: `_csrf=${token}&themes=abc&credit_contributor=-1`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url: '/studio/pieces/99999/transition', payload: `_csrf=${token}&action=explode`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url: '/editor/proposals/abc/accept', payload: `_csrf=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url: '/editor/users/1', payload: `_csrf=${token}&role=god`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url: '/account/login', payload: `_csrf=${token}&email[]=a&password[]=b`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', url: '/contact', payload: `_csrf=${token}&${'x'.repeat(2 * 1024 * 1024)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'PUT', url: '/pieces/x' },
      { method: 'DELETE', url: '/studio/pieces/1' },
      { method: 'GET', url: '/account/confirm/not-a-real-token' },
      { method: 'GET', url: '/account/reset/whatever' },
    ];
    const problems: string[] = [];
    for (const k of cases) {
      const res = await t.app.inject({ method: k.method, url: k.url, payload: k.payload, headers: { cookie, ...k.headers } });
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !/text\/html|application\/json/.test(String(res.headers['content-type'])))) {
        problems.push(`${k.method} ${k.url.slice(0, 60)} → ${res.statusCode} ${res.headers['content-type']}`);
      }
    }
    expect(problems).toEqual([]);
    // An open redirect is not possible through the language switch.
    const lang = await t.client().get('/lang/en?next=//evil.example');
    expect(lang.headers.location).toBe('/en/');
  });

  // Issue 12, findings 1 and 2: every `next` goes through one guard; none leads off the site or to a 5xx.
  const HOSTILE_NEXT = ['/%09/evil.example/phish', '/%0a/x', '/%0d/x', '/%E2%82%AC', '/\u20ac/caf\u00e9', '/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/%5Cevil.example', '/./%2F/evil.example'];

  it('keeps every language-switch redirect on this site, with the site headers', async () => {
    for (const next of HOSTILE_NEXT) {
      const raw = next.startsWith('/%') ? next : encodeURIComponent(next);
      const res = await t.app.inject({ url: `/lang/en?next=${raw}` });
      expect(res.statusCode, next).toBe(303);
      expect(res.headers['x-content-type-options'], next).toBe('nosniff');
      const location = new URL(String(res.headers.location), 'https://site.example');
      expect(location.origin, next).toBe('https://site.example');
    }
  });

  it('keeps the redirect after logging in on this site', async () => {
    const member = await makeUser(t.db.db, 'member');
    for (const next of HOSTILE_NEXT) {
      const c = t.client();
      const raw = next.startsWith('/%') ? next : encodeURIComponent(next);
      const res = await c.post(`/account/login?next=${raw}`, { email: member.email, password: PASSWORD });
      expect(res.statusCode, next).toBe(303);
      const location = new URL(String(res.headers.location), 'https://site.example');
      expect(location.origin, next).toBe('https://site.example');
    }
  });
});
