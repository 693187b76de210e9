import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';

describe.each(DIALECTS)('accounts (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('signs up, confirms the address by the emailed link, and is then logged in', async () => {
    const c = t.client();
    const res = await c.post('/account/signup', { displayName: 'Zoé Nouvelle', email: 'Zoe@Example.org', password: 'a long enough password' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vérifiez votre messagerie');
    const link = t.mailer.linkTo('zoe@example.org');
    expect(link).toMatch(/\/account\/confirm\/[\w-]+$/);
    // Not confirmed yet: logging in is refused with a clear message.
    const early = await t.client().post('/account/login', { email: 'zoe@example.org', password: 'a long enough password' });
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Confirmez d’abord votre adresse');

    const confirm = await c.get(new URL(link!).pathname);
    expect(confirm.statusCode).toBe(303);
    expect(c.cookie('oe_session')).toBeTruthy();
    const account = await c.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Zoé Nouvelle');
    // A confirmation link works once.
    const again = await t.client().get(new URL(link!).pathname);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('n’est plus valable');
  });

  it('does not reveal whether an address already has an account', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const before = t.mailer.sent.length;
    const res = await t.client().post('/account/signup', { displayName: 'Someone', email, password: 'another long password' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vérifiez votre messagerie');
    expect(t.mailer.sent.length).toBe(before + 1);
    expect(t.mailer.lastTo(email)?.subject).toContain('déjà un compte');
  });

  it('shows the form again with messages and the input kept, never the password', async () => {
    const res = await t.client().post('/account/signup', { displayName: 'Keep Me', email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Keep Me"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('Saisissez une adresse électronique valide');
    expect(res.body).toContain('au moins 10 caractères');
    expect(res.body).not.toContain('value="short"');
  });

  it('logs in with the right password only, and logs out', async () => {
    const { email } = await makeUser(t.db.db, 'member', { displayName: 'Marie Membre' });
    const wrong = await t.client().post('/account/login', { email, password: 'wrong password here' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Adresse ou mot de passe incorrect');
    const unknown = await t.client().post('/account/login', { email: 'nobody@example.org', password: 'whatever12345' });
    expect(unknown.statusCode).toBe(401);

    const c = t.client();
    await c.login(email, PASSWORD);
    expect((await c.get('/account')).body).toContain('Marie Membre');
    const out = await c.post('/account/logout');
    expect(out.statusCode).toBe(303);
    expect((await c.get('/account')).statusCode).toBe(303);
  });

  it('resets a forgotten password through the emailed link and closes other sessions', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const other = t.client();
    await other.login(email, PASSWORD);

    const res = await t.client().post('/account/reset', { email });
    expect(res.statusCode).toBe(200);
    const link = t.mailer.linkTo(email)!;
    expect(link).toMatch(/\/account\/reset\/[\w-]+$/);
    const c = t.client();
    const page = await c.get(new URL(link).pathname);
    expect(page.statusCode).toBe(200);
    const done = await c.post(new URL(link).pathname, { password: 'a brand new password' });
    expect(done.statusCode).toBe(303);
    expect((await other.get('/account')).statusCode).toBe(303);
    await t.client().login(email, 'a brand new password');
    // Unknown addresses get the same answer and no email.
    const before = t.mailer.sent.length;
    const unknown = await t.client().post('/account/reset', { email: 'ghost@example.org' });
    expect(unknown.statusCode).toBe(200);
    expect(t.mailer.sent.length).toBe(before);
  });

  it('refuses a state-changing request without a valid CSRF token', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const missing = await t.client().post('/account/login', { email, password: PASSWORD }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Le formulaire a expiré');
    const forged = await t.client().post('/account/login', { email, password: PASSWORD, _csrf: 'forged-token' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    // A token from another browser does not match this browser's cookie.
    const a = t.client();
    const b = t.client();
    const tokenOfA = await a.csrfToken();
    await b.csrfToken();
    const crossed = await b.post('/account/login', { email, password: PASSWORD, _csrf: tokenOfA }, { csrf: false });
    expect(crossed.statusCode).toBe(403);
  });

  it('sets session cookies HttpOnly and SameSite=Lax', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const c = t.client();
    await c.csrfToken();
    const res = await c.post('/account/login', { email, password: PASSWORD });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('oe_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });
});

describe('login rate limit', () => {
  it('answers 429 with a readable message after too many attempts', async () => {
    const t = await createTestApp('sqlite', { rateLimitMultiplier: 1 });
    try {
      const c = t.client();
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await c.post('/account/login', { email: 'x@example.org', password: 'wrong-password' })).statusCode);
      expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(codes[11]).toBe(429);
      const res = await c.post('/account/login', { email: 'x@example.org', password: 'wrong-password' });
      expect(res.body).toContain('Trop de tentatives');
    } finally {
      await t.close();
    }
  });
});
