/**
 * One's own account (issue 11): the page gathers one's tickets, contributions and royalties; the
 * address and password change only with the current password (and the address by a link sent to
 * it); deleting the account erases the address from every table while the ledger stays balanced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { formKey, makeTicketedEvent } from '../../../tests/helpers/ticketing-fixtures.ts';
import { findText } from '../../../tests/support/find-text.ts';
import { bookBookSale, ledgerTotal, payRoyalties } from '../ledger/index.ts';

describe.each(DIALECTS)('own account (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A contributor with an account, a free seat at a coming evening, royalties credited and partly paid. */
  async function contributorWithTicketAndRoyalties(email: string) {
    const db = t.db.db;
    const { id: contributorId } = await makeContributor(db, { name: `Inès ${email.split('@')[0]}`, email });
    const user = await makeUser(db, 'contributor', { email, displayName: 'Inès', contributorId });
    const admin = await makeUser(db, 'admin');
    const event = await makeTicketedEvent(db, { capacity: 20, price: 0, title: `Soirée des communs ${email.split('@')[0]}` });
    const c = t.client();
    await c.login(email, PASSWORD);
    const ordered = await c.post(`/events/${event.slug}/order`, { ticket_type_id: String(event.typeId), quantity: '1', name: 'Inès', email, offered: '', code: '', key: formKey() });
    expect(ordered.statusCode).toBe(303);
    const ctx = { db, actor: admin.actor, now: t.clock.now };
    await bookBookSale(ctx, { bookId: 1, title: 'Le livre', quantity: 10, unitPrice: 2000, manufacturingCostPerCopy: 500, fees: 0, contributors: [{ contributorId, weight: 1 }], key: `sale-${contributorId}` });
    await payRoyalties(ctx, { contributorId, amount: 5000, key: `payout-${contributorId}` });
    return { c, user, contributorId, event };
  }

  it('shows one’s tickets with their QR codes, calendar and cancellation, one’s contributions and profile, and one’s royalties', async () => {
    const { c } = await contributorWithTicketAndRoyalties('ines-page@example.org');
    const page = await c.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    const html = page.body;
    expect(html).toContain('Mes billets');
    expect(html).toContain('Soirée des communs');
    expect(html).toMatch(/class="ticket-qr"><svg/);
    expect(html).toMatch(/href="\/orders\/[^"?]+\/calendar\.ics\?token=/);
    expect(html).toMatch(/action="\/orders\/[^"]+\/cancel"/);
    // The profile form, with the "appear by name" choice.
    expect(html).toContain('action="/account/profile"');
    expect(html).toContain('name="public_name"');
    // The royalty statement: 10 × 20 € − 10 × 5 € = 150 € credited, 50 € paid, 100 € owed.
    expect(html).toMatch(/150,00\s€/);
    expect(html).toMatch(/100,00\s€/);
    // The payout, linked to its public transaction.
    expect(html).toMatch(/<a href="\/transparency\/transactions\/\d+">[^<]*50,00\s€<\/a>/);
    // The forms of one's address, password and deletion.
    for (const action of ['/account/email', '/account/password', '/account/delete']) expect(html).toContain(`action="${action}"`);
    // The calendar link works for the holder.
    const ics = /href="(\/orders\/[^"]+\/calendar\.ics\?token=[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect((await c.get(ics)).body).toContain('BEGIN:VCALENDAR');
  });

  it('edits one’s public profile and the choice to appear by name', async () => {
    const { c, contributorId } = await contributorWithTicketAndRoyalties('ines-profile@example.org');
    const saved = await c.post('/account/profile', { name: 'Inès C.', bio: 'Chercheuse.', links: 'Site | https://example.org/ines', public_name: '' });
    expect(saved.statusCode).toBe(303);
    const row = await t.db.db.selectFrom('contributors').select(['name', 'bio', 'links', 'public_name']).where('id', '=', contributorId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Inès C.', bio: 'Chercheuse.', public_name: 0 });
    expect(JSON.parse(row.links)).toEqual([{ label: 'Site', url: 'https://example.org/ines' }]);
    // A refusal comes back on the account page, naming the field.
    const refused = await c.post('/account/profile', { name: '', bio: '', links: '' });
    expect(refused.statusCode).toBe(303);
    expect((await c.get(refused.headers.location!)).body).toMatch(/class="flash flash-error" role="status">Nom : /);
    // A member without a profile may not, and the public is asked to log in.
    const member = await makeUser(t.db.db, 'member');
    const other = t.client();
    await other.login(member.email, PASSWORD);
    expect((await other.post('/account/profile', { name: 'X', bio: '', links: '' })).statusCode).toBe(403);
    expect((await t.client().post('/account/profile', { name: 'X', bio: '', links: '' })).statusCode).toBe(401);
  });

  it('changes the password only with the current one, naming the field that is wrong', async () => {
    const user = await makeUser(t.db.db, 'member');
    const c = t.client();
    await c.login(user.email, PASSWORD);
    const wrong = await c.post('/account/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/<a href="#f-password-currentPassword">Mot de passe actuel : Le mot de passe actuel n’est pas le bon\.<\/a>/);
    const short = await c.post('/account/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('href="#f-newPassword">Nouveau mot de passe : ');
    expect((await c.post('/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new password' })).statusCode).toBe(303);
    expect((await c.get('/account')).statusCode).toBe(200);
    await t.client().login(user.email, 'a brand new password');
    await expect(t.client().login(user.email, PASSWORD)).rejects.toThrow();
  });

  it('changes the address by a link sent to the new one, never to an address another account has', async () => {
    const user = await makeUser(t.db.db, 'member');
    const taken = await makeUser(t.db.db, 'member');
    const c = t.client();
    await c.login(user.email, PASSWORD);
    expect((await c.post('/account/email', { email: 'new-home@example.org', currentPassword: 'wrong password' })).statusCode).toBe(400);
    const refused = await c.post('/account/email', { email: taken.email, currentPassword: PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect((await c.post('/account/email', { email: 'New-Home@example.org', currentPassword: PASSWORD })).statusCode).toBe(303);
    // Until the link is followed, the account keeps its address.
    expect((await c.get('/account')).body).toContain(user.email);
    const link = new URL(t.mailer.linkTo('new-home@example.org')!).pathname;
    expect((await c.get(link)).statusCode).toBe(200);
    expect((await c.post(link)).statusCode).toBe(303);
    const row = await t.db.db.selectFrom('users').select(['email', 'pending_email']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ email: 'new-home@example.org', pending_email: null });
    // The previous address is told, with no link into the account.
    const notice = t.mailer.sent.filter((m) => m.to === user.email).at(-1);
    expect(notice?.subject).toContain('L’adresse de votre compte a changé');
    expect(notice?.text).not.toMatch(/\/account\//);
    expect((await t.client().post(link)).statusCode).toBe(400);
  });

  it('deletes the account: the address is gone from every table, orders and the ledger stay, balanced', async () => {
    const email = 'ines-leaves@example.org';
    const { c, user, contributorId, event } = await contributorWithTicketAndRoyalties(email);
    const db = t.db.db;
    const now = t.clock.now.toISOString();
    // What other modules hold with the same address: a comment, a proposal, a message, a paper order, a map suggestion, an email waiting.
    const { id: commenterId } = await db.insertInto('commenters').values({ email: 'Ines-Leaves@example.org', trusted_at: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('proposals').values({ name: 'Inès', email, title: 'Une idée', pitch: 'Pitch', draft_md: '', language: 'fr', status: 'new', piece_id: null, created_at: now, email_confirmed_at: null, contributor_id: null }).execute();
    await db.insertInto('messages').values({ name: 'Inès', email, subject: 'Bonjour', body: 'Un message', created_at: now, read_at: null }).execute();
    await db.insertInto('outbox').values({ kind: 'test.mail', key: `test.mail:${email}`, payload: JSON.stringify({ email }), available_at: '2099-01-01T00:00:00Z', locked_until: null, last_error: null, created_at: now, done_at: null }).execute();
    expect((await findText(db, email)).length).toBeGreaterThan(3);

    // The password is asked, and the box ticked.
    const unticked = await c.post('/account/delete', { currentPassword: PASSWORD });
    expect(unticked.statusCode).toBe(422);
    expect(unticked.body).toContain('Cochez la case pour confirmer.');
    expect((await c.post('/account/delete', { currentPassword: 'wrong password', confirm: 'on' })).statusCode).toBe(400);
    const deleted = await c.post('/account/delete', { currentPassword: PASSWORD, confirm: 'on' });
    expect(deleted.statusCode).toBe(303);

    expect(await findText(db, email)).toEqual([]);
    expect(await findText(db, 'Inès ines-leaves')).toEqual([]);
    expect(await db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    const after = await c.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/account\/login/);
    await expect(t.client().login(email, PASSWORD)).rejects.toThrow();
    // The order and its ticket stay (the evening's seats and accounts rely on them), anonymised.
    const orders = await db.selectFrom('orders').select(['name', 'status']).where('event_id', '=', event.eventId).execute();
    expect(orders).toEqual([{ name: 'Anonyme', status: 'confirmed' }]);
    // Credits stay, anonymised; the comment stays, unsigned.
    const profile = await db.selectFrom('contributors').select(['name', 'public_name', 'email', 'bio']).where('id', '=', contributorId).executeTakeFirstOrThrow();
    expect(profile).toEqual({ name: 'Anonyme', public_name: 0, email: null, bio: '' });
    expect(await db.selectFrom('commenters').select('id').where('id', '=', commenterId).execute()).toHaveLength(1);
    // The ledger is never rewritten: it still balances, and the royalties owed are still owed.
    expect(await ledgerTotal(db)).toMatchObject({ total: 0, unbalanced: 0 });
  });

  it('keeps the last admin from leaving', async () => {
    const solo = await createTestApp(dialect);
    try {
      const admin = await makeUser(solo.db.db, 'admin');
      const c: TestClient = solo.client();
      await c.login(admin.email, PASSWORD);
      const refused = await c.post('/account/delete', { currentPassword: PASSWORD, confirm: 'on' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('dernière personne à administrer');
    } finally {
      await solo.close();
    }
  });
});
