import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { requestPasswordReset } from './commands/reset-password.ts';
import { signUp } from './commands/sign-up.ts';

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

    // Opening the link changes nothing by itself: it shows a page whose button confirms.
    const page = await c.get(new URL(link!).pathname);
    expect(page.statusCode).toBe(200);
    expect(c.cookie('oe_session')).toBeUndefined();
    const confirm = await c.post(new URL(link!).pathname);
    expect(confirm.statusCode).toBe(303);
    expect(c.cookie('oe_session')).toBeTruthy();
    const account = await c.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Zoé Nouvelle');
    // A confirmation link works once.
    const again = await t.client().post(new URL(link!).pathname);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('n’est plus valable');
  });

  // Issue 12 (login CSRF): opening /account/confirm/<token> logged the browser into the account
  // owning the token, so an attacker could switch a victim into the attacker's account.
  it('never switches a logged-in person into the account of a confirmation link, and a GET logs nobody in', async () => {
    const victim = await makeUser(t.db.db, 'member');
    const browser = t.client();
    await browser.login(victim.email, PASSWORD);
    const before = browser.cookie('oe_session');
    await t.client().post('/account/signup', { displayName: 'Attacker', email: 'attacker@example.org', password: 'an attacker password' });
    const attackerLink = new URL(t.mailer.linkTo('attacker@example.org')!).pathname;
    // The attacker's page makes the victim's browser open the link: nothing happens.
    expect((await browser.get(attackerLink)).statusCode).toBe(200);
    expect(browser.cookie('oe_session')).toBe(before);
    // Even posted (which a cross-site page cannot do: the CSRF token), the victim stays themselves.
    const posted = await browser.post(attackerLink);
    expect(posted.statusCode).toBe(303);
    expect(browser.cookie('oe_session')).toBe(before);
    expect((await browser.get('/account')).body).toContain(victim.email);
    // A cross-site POST without this browser's token is refused.
    expect((await browser.post(attackerLink, {}, { csrf: false })).statusCode).toBe(403);
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

  it('binds CSRF tokens to the session, and refuses a request another site sent', async () => {
    const victimUser = await makeUser(t.db.db, 'member');
    // The attacker's own browser gets a valid pair (cookie, token)…
    const attacker = t.client();
    const plantedToken = await attacker.csrfToken();
    const plantedCookie = attacker.cookie('oe_csrf')!;
    // …plants the cookie in the victim's logged-in browser (a neighbouring subdomain can), and forges a form.
    const victim = t.client();
    await victim.login(victimUser.email, PASSWORD);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/account/logout',
      payload: `_csrf=${encodeURIComponent(plantedToken)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `oe_csrf=${plantedCookie}; oe_session=${victim.cookie('oe_session')}` },
    });
    expect(forged.statusCode).toBe(403);
    // A token taken before logging in is no longer good once logged in.
    const before = t.client();
    const anonymousToken = await before.csrfToken();
    await before.login(victimUser.email, PASSWORD);
    expect((await before.post('/account/logout', { _csrf: anonymousToken }, { csrf: false })).statusCode).toBe(403);

    // The browser's own word: another site's Origin, or Sec-Fetch-Site, is refused even with a good token.
    const c = t.client();
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
      expect((await c.post('/contact', { name: 'X', email: 'x@example.org', message: 'Bonjour, un message.' }, { headers })).statusCode, JSON.stringify(headers)).toBe(403);
    }
    // This site's own origin (its public address, or the one the request was sent to) passes.
    for (const headers of [{ origin: t.app.site.baseUrl.replace(/\/$/, '') }, { origin: 'http://localhost:80' }, { 'sec-fetch-site': 'same-origin' }] as Record<string, string>[]) {
      const res = await c.post('/account/login', { email: victimUser.email, password: PASSWORD }, { headers: { ...headers, host: 'localhost:80' } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(303);
    }
  });

  it('emits the confirmation email in the sign-up transaction and sends it only on delivery, with a fresh link', async () => {
    const ctx = { db: t.db.db, actor: null, now: t.clock.now };
    const before = t.mailer.sent.length;
    const created = await signUp(ctx, { email: 'outbox.signup@example.org', displayName: 'Olive Outbox', password: 'a long enough password', lang: 'en' });
    const userId = created!.userId;
    const row = await t.db.db.selectFrom('outbox').select(['kind', 'key', 'payload', 'status']).where('kind', '=', 'accounts.send_confirmation').where('key', '=', `accounts.send_confirmation:${userId}`).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    // Ids and the language only: the secret link does not exist yet.
    expect(JSON.parse(row.payload)).toEqual({ userId, lang: 'en' });
    expect(await t.db.db.selectFrom('tokens').select('token_hash').where('user_id', '=', userId).execute()).toEqual([]);
    expect(t.mailer.sent.length).toBe(before);

    expect(await t.deliver()).toBeGreaterThanOrEqual(1);
    const mail = t.mailer.lastTo('outbox.signup@example.org')!;
    expect(mail.subject).toBe('Confirm your address — Open Experience');
    expect(mail.text).toContain('Hello Olive Outbox');
    expect(mail.messageKey).toBe(`accounts.send_confirmation:${userId}`);
    const link = t.mailer.linkTo('outbox.signup@example.org')!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/en\/account\/confirm\/[\w-]+$/);
    // Only the token's hash is stored.
    const token = link.split('/').pop()!;
    const tokens = await t.db.db.selectFrom('tokens').select(['token_hash', 'purpose']).where('user_id', '=', userId).execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.purpose).toBe('confirm_email');
    expect(tokens[0]!.token_hash).not.toBe(token);
    expect((await t.client().post(new URL(link).pathname)).statusCode).toBe(303);
  });

  it('writes nothing, not even the email, when the command’s transaction rolls back', async () => {
    await expect(
      t.db.db.transaction().execute(async (trx) => {
        await signUp({ db: trx, actor: null, now: t.clock.now }, { email: 'rolled.back@example.org', displayName: 'Roll Back', password: 'a long enough password', lang: 'fr' });
        throw new Error('the caller fails after the command');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await t.db.db.selectFrom('users').select('id').where('email', '=', 'rolled.back@example.org').executeTakeFirst()).toBeUndefined();
    await t.deliver();
    expect(t.mailer.lastTo('rolled.back@example.org')).toBeUndefined();
  });

  it('does the same work for a known and an unknown address; only the known one gets a link, each request its own', async () => {
    const { id, email } = await makeUser(t.db.db, 'member');
    const ctx = { db: t.db.db, actor: null, now: t.clock.now };
    const pending = () => t.db.db.selectFrom('outbox').select(['payload']).where('kind', '=', 'accounts.send_password_reset').where('status', '=', 'pending').orderBy('id').execute();
    const audits = () => t.db.db.selectFrom('audit_events').select(['actor_user_id']).where('action', '=', 'account.reset_requested').where('subject_id', '=', id).execute();
    // The request writes one outbox row in both cases, and nothing else: no lookup, no audit yet.
    await requestPasswordReset(ctx, { email: 'nobody.here@example.org', lang: 'fr' });
    await requestPasswordReset(ctx, { email, lang: 'fr' });
    await requestPasswordReset(ctx, { email, lang: 'fr' });
    expect((await pending()).map((r) => JSON.parse(r.payload))).toEqual([
      { email: 'nobody.here@example.org', lang: 'fr' },
      { email, lang: 'fr' },
      { email, lang: 'fr' },
    ]);
    expect(await audits()).toEqual([]);
    const before = t.mailer.sent.length;
    await t.deliver();
    const sent = t.mailer.sent.slice(before);
    expect(sent.map((m) => m.to)).toEqual([email, email]);
    expect(sent[0]!.text).not.toBe(sent[1]!.text);
    expect(await audits()).toEqual([{ actor_user_id: null }, { actor_user_id: null }]);
    expect(await pending()).toEqual([]);
  });

  it('keeps the address on the login form when the password is wrong or the address unconfirmed', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const wrong = await t.client().post('/account/login?next=/editor', { email, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain(`value="${email}"`);
    expect(wrong.body).toContain('action="/account/login?next=%2Feditor"');
    expect(wrong.body).toContain('Adresse ou mot de passe incorrect');
    await t.client().post('/account/signup', { displayName: 'Not Yet', email: 'not.yet@example.org', password: 'a long enough password' });
    const early = await t.client().post('/account/login', { email: 'not.yet@example.org', password: 'a long enough password' });
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('value="not.yet@example.org"');
  });

  it('follows only same-site paths after logging in', async () => {
    const { email } = await makeUser(t.db.db, 'member');
    const inside = await t.client().post('/account/login?next=/pieces', { email, password: PASSWORD });
    expect(inside.headers.location).toBe('/pieces');
    const outside = await t.client().post('/account/login?next=//evil.example', { email, password: PASSWORD });
    expect(outside.headers.location).toBe('/account');
  });

  it('refuses a reset link that is unknown or used, and a new password that is too short', async () => {
    const dead = await t.client().post('/account/reset/not-a-real-token', { password: 'a brand new password' });
    expect(dead.statusCode).toBe(400);
    expect(dead.body).toContain('n’est plus valable');
    const short = await t.client().post('/account/reset/not-a-real-token', { password: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('au moins 10 caractères');
  });

  it('lets an admin change roles, but not take away their own admin role', async () => {
    const admin = await makeUser(t.db.db, 'admin');
    const member = await makeUser(t.db.db, 'member');
    const c = t.client();
    await c.login(admin.email, PASSWORD);
    const role = async (id: number) => (await t.db.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;

    const saved = await c.post(`/editor/users/${member.id}`, { role: 'editor', contributorId: '' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/editor/users');
    expect(await role(member.id)).toBe('editor');
    expect((await c.get('/editor/users')).body).toContain('Le compte est mis à jour.');

    const self = await c.post(`/editor/users/${admin.id}`, { role: 'member', contributorId: '' });
    expect(self.statusCode).toBe(303);
    expect(self.headers.location).toBe('/editor/users');
    expect(await role(admin.id)).toBe('admin');
    expect((await c.get('/editor/users')).body).toContain('Vous ne pouvez pas retirer votre propre rôle d’administration.');

    const invalid = await c.post(`/editor/users/${member.id}`, { role: 'god', contributorId: '' });
    expect(invalid.statusCode).toBe(303);
    expect((await c.get('/editor/users')).body).toContain('Certaines informations sont invalides.');
    expect(await role(member.id)).toBe('editor');

    const audit = await t.db.db.selectFrom('audit_events').select(['actor_user_id', 'subject_id']).where('action', '=', 'account.role_changed').where('subject_id', '=', member.id).execute();
    expect(audit).toEqual([{ actor_user_id: admin.id, subject_id: member.id }]);
  });

  it('keeps the list of accounts and the role form for admins', async () => {
    const editor = await makeUser(t.db.db, 'editor');
    const member = await makeUser(t.db.db, 'member');
    const c = t.client();
    await c.login(editor.email, PASSWORD);
    expect((await c.get('/editor/users')).statusCode).toBe(403);
    expect((await c.post(`/editor/users/${member.id}`, { role: 'admin', contributorId: '' })).statusCode).toBe(403);
    expect((await t.client().post(`/editor/users/${member.id}`, { role: 'admin', contributorId: '' })).statusCode).toBe(401);
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
