/**
 * Paying by transfer or at the door as a process (issue 11): the payment term, the bank details and
 * the reference on the order page and in the email, the reminder before the term ends, the expiry
 * email with a link to order again, the organisers' search by reference, "payment received" after
 * the term while seats remain (never oversold), and paying at the door where the evening allows it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import { formKey, makeTicketedEvent, seatCounterDrift, T0, type TicketedEvent } from '../../../../tests/helpers/ticketing-fixtures.ts';
import { testConfig } from '../../../config.ts';
import { addTicketType } from '../index.ts';
import { sweepReservations } from './commands/release-reservations.ts';

const DAY = 24 * 3_600_000;
const PRICE = 1500;

describe.each(DIALECTS)('manual payment (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
  });
  afterEach(() => {
    t.clock.now = new Date(T0);
  });
  afterAll(async () => t.close());

  const order = (client: TestClient, ev: TicketedEvent, email: string, extra: Record<string, string> = {}) =>
    client.post(`/events/${ev.slug}/order`, { ticket_type_id: String(ev.typeId), quantity: '1', name: `Acheteur ${email.split('@')[0]}`, email, offered: '', code: '', key: formKey(), ...extra });
  const orderOf = (email: string) => t.db.db.selectFrom('orders').selectAll().where('email', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);
  const sweep = () => sweepReservations({ db: t.db.db, actor: null, now: t.clock.now }, { provider: 'manual', termDays: 7 });

  it('reminds the buyer two days before the term ends, once, and not after payment', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 10, price: PRICE });
    const email = `rappel-${dialect}@example.org`;
    expect((await order(t.client(), ev, email)).statusCode).toBe(303);
    const placed = await orderOf(email);
    expect(placed.reserved_until).toBe(new Date(T0.getTime() + 7 * DAY).toISOString());
    expect(mailsTo(email).map((m) => m.subject)).toEqual([expect.stringMatching(/^Votre réservation/)]);

    // Four days later: nothing yet.
    t.clock.now = new Date(T0.getTime() + 4 * DAY);
    await t.deliver();
    expect(mailsTo(email)).toHaveLength(1);
    // Five days later (two before the end): the reminder, with the account and the reference.
    t.clock.now = new Date(T0.getTime() + 5 * DAY + 1000);
    await t.deliver();
    const reminder = mailsTo(email)[1]!;
    expect(reminder.subject).toMatch(/^Rappel : votre paiement pour/);
    expect(reminder.text).toContain(placed.payment_reference!);
    expect(reminder.text).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189');
    await t.deliver();
    expect(mailsTo(email)).toHaveLength(2);

    // Paid before its reminder is due: no reminder at all.
    const paidEmail = `paye-tot-${dialect}@example.org`;
    t.clock.now = new Date(T0);
    expect((await order(t.client(), ev, paidEmail)).statusCode).toBe(303);
    expect((await editor.post(`/editor/orders/${(await orderOf(paidEmail)).id}/paid`)).statusCode).toBe(303);
    t.clock.now = new Date(T0.getTime() + 6 * DAY);
    await t.deliver();
    expect(mailsTo(paidEmail).map((m) => m.subject.split(' :')[0])).toEqual(['Votre réservation', 'Vos billets']);
  });

  it('never holds seats past the evening’s start, and skips a reminder that could not help', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 10, price: PRICE });
    // 1 July 18:00 is the start: an order on 30 June at noon has a term of 30 hours.
    t.clock.now = new Date('2026-06-30T12:00:00Z');
    const email = `court-${dialect}@example.org`;
    expect((await order(t.client(), ev, email)).statusCode).toBe(303);
    expect((await orderOf(email)).reserved_until).toBe('2026-07-01T18:00:00.000Z');
    const reminders = await t.db.db.selectFrom('outbox').select(['kind', 'available_at']).where('kind', '=', 'ticketing.send_payment_reminder').where('payload', 'like', `%${(await orderOf(email)).id}%`).execute();
    expect(reminders.map((r) => r.available_at)).toEqual(['2026-07-01T03:00:00.000Z']);
  });

  it('tells the buyer when the term has passed, with a link to order again; an organiser still accepts the transfer while seats remain', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 2, price: PRICE });
    const email = `expire-${dialect}@example.org`;
    expect((await order(t.client(), ev, email)).statusCode).toBe(303);
    const placed = await orderOf(email);
    t.clock.now = new Date(Date.parse(placed.reserved_until!) + 1000);
    await sweep();
    await t.deliver();
    expect((await orderOf(email)).status).toBe('expired');
    const expired = mailsTo(email).find((m) => m.subject.startsWith('Réservation expirée'));
    expect(expired?.text).toContain(`${testConfig().baseUrl}/events/${ev.slug}`);
    expect(expired?.text).toContain(placed.payment_reference!);

    // The order page says so and links to the event.
    const link = /https?:\/\/\S+\/orders\/\S+/.exec(mailsTo(email)[0]!.text)![0];
    const page = await t.client().get(new URL(link).pathname + new URL(link).search);
    expect(page.body).toContain('Le délai de paiement est passé');
    expect(page.body).toContain(`<a href="/events/${ev.slug}">Commander à nouveau</a>`);

    // The organisers find it by its reference as a bank statement shows it, and mark it paid after the term.
    const compact = placed.payment_reference!.replace(/-/g, '').toLowerCase();
    const found = await editor.get(`/editor/events/${ev.eventId}/tickets?q=${encodeURIComponent(compact)}`);
    expect(found.body).toContain(placed.payment_reference!);
    expect(found.body).toContain(`Acheteur expire-${dialect}`);
    expect(found.body).toContain('15,00');
    expect(found.body).toContain('Paiement reçu après l’échéance');
    const none = await editor.get(`/editor/events/${ev.eventId}/tickets?q=OE-0000-0000`);
    expect(none.body).not.toContain(placed.payment_reference!);
    expect(none.body).toContain('Aucune commande ne correspond');
    const marked = await editor.post(`/editor/orders/${placed.id}/paid`);
    expect(marked.statusCode).toBe(303);
    expect(await orderOf(email)).toMatchObject({ status: 'paid', refund_due: 0 });
    expect(await t.db.db.selectFrom('tickets').select('id').where('order_id', '=', placed.id).execute()).toHaveLength(1);
    expect(await seatCounterDrift(t.db.db, ev.eventId)).toEqual([]);
  });

  it('never oversells: a transfer for an expired order whose seat was resold is booked for refund, no ticket', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 1, price: PRICE });
    const late = `tard-${dialect}@example.org`;
    expect((await order(t.client(), ev, late)).statusCode).toBe(303);
    const first = await orderOf(late);
    t.clock.now = new Date(Date.parse(first.reserved_until!) + 1000);
    await sweep();
    const other = `autre-${dialect}@example.org`;
    expect((await order(t.client(), ev, other)).statusCode).toBe(303);
    expect((await editor.post(`/editor/orders/${(await orderOf(other)).id}/paid`)).statusCode).toBe(303);

    const marked = await editor.post(`/editor/orders/${first.id}/paid`);
    expect(marked.statusCode).toBe(303);
    const flash = await editor.get(String(marked.headers.location));
    expect(flash.body).toContain('plus de place');
    expect(await orderOf(late)).toMatchObject({ status: 'cancelled', refund_due: PRICE });
    expect(await t.db.db.selectFrom('tickets').select('id').where('order_id', '=', first.id).execute()).toHaveLength(0);
    expect(await seatCounterDrift(t.db.db, ev.eventId)).toEqual([]);
  });

  it('offers paying at the door only where the organisers allow it; such an order holds its seat until the evening ends', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    const refused = await order(t.client(), ev, `porte-non-${dialect}@example.org`, { payment: 'door' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Le paiement à l’entrée n’est pas proposé');
    expect((await t.client().get(`/events/${ev.slug}`)).body).not.toContain('name="payment"');

    await t.db.db.updateTable('events').set({ pay_at_door: 1 }).where('id', '=', ev.eventId).execute();
    const form = (await t.client().get(`/events/${ev.slug}`)).body;
    expect(form).toContain('name="payment" value="online" checked');
    expect(form).toContain('name="payment" value="door"');
    const email = `porte-${dialect}@example.org`;
    const placed = await order(t.client(), ev, email, { payment: 'door' });
    expect(placed.statusCode).toBe(303);
    const row = await orderOf(email);
    expect(row).toMatchObject({ status: 'reserved', provider: 'door', reserved_until: '2026-07-01T21:00:00.000Z' });
    const page = await t.client().get(String(placed.headers.location));
    expect(page.body).toContain('Payer à l’entrée');
    expect(page.body).not.toContain('IBAN');
    await t.deliver();
    expect(mailsTo(email)[0]!.text).toContain('Vous réglerez 15,00');
    // No reminder for the door; the desk marks it paid on arrival.
    expect(await t.db.db.selectFrom('outbox').select('id').where('kind', '=', 'ticketing.send_payment_reminder').where('key', '=', `ticketing.send_payment_reminder:${row.id}`).execute()).toHaveLength(0);
    const desk = (await editor.get(`/editor/events/${ev.eventId}/tickets?q=${encodeURIComponent(`porte-${dialect}`)}`)).body;
    expect(desk).toContain('à l’entrée');
    expect((await editor.post(`/editor/orders/${row.id}/paid`)).statusCode).toBe(303);
    expect((await orderOf(email)).status).toBe('paid');
  });

  it('lets the organisers allow paying at the door on the evening’s form', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    const form = (await editor.get(`/editor/events/${ev.eventId}`)).body;
    expect(form).toContain('name="payment_options" value="door"');
    const event = await t.db.db.selectFrom('events').selectAll().where('id', '=', ev.eventId).executeTakeFirstOrThrow();
    const fields = {
      title: event.title,
      slug: event.slug,
      series_id: '',
      theme_id: '',
      description: event.description_md,
      venue: event.venue,
      address: event.address,
      starts_at: '2026-07-01T20:00',
      ends_at: '2026-07-01T23:00',
      registration_opens_at: '',
      registration_closes_at: '',
      capacity: '5',
      status: 'published',
    };
    expect((await editor.post(`/editor/events/${ev.eventId}`, { ...fields, payment_options: 'door' })).statusCode).toBe(303);
    expect((await t.db.db.selectFrom('events').select('pay_at_door').where('id', '=', ev.eventId).executeTakeFirstOrThrow()).pay_at_door).toBe(1);
    expect((await editor.post(`/editor/events/${ev.eventId}`, fields)).statusCode).toBe(303);
    expect((await t.db.db.selectFrom('events').select('pay_at_door').where('id', '=', ev.eventId).executeTakeFirstOrThrow()).pay_at_door).toBe(0);
  });

  it('sends a contributor from the event’s hint to log in and back; the page then shows their seat', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    await addTicketType({ db: t.db.db, actor: null, now: T0 }, { eventId: ev.eventId, kind: 'contributor', name: 'Contributeur·rice', price: 0, quota: null, maxPerOrder: 1 });
    const anonymous = (await t.client().get(`/events/${ev.slug}`)).body;
    expect(anonymous).toContain(`<a href="/account/login?next=${encodeURIComponent(`/events/${ev.slug}`)}">Connectez-vous : votre place est offerte.</a>`);

    const person = await makeContributor(t.db.db, { name: `Zoé ${dialect}` });
    const editorActor = (await makeUser(t.db.db, 'editor')).actor;
    await makePiece(t.db.db, editorActor, { title: `Texte de Zoé ${dialect}`, credits: [{ contributorId: person.id, kind: 'author' }], publish: true });
    const user = await makeUser(t.db.db, 'contributor', { contributorId: person.id });
    const zoe = t.client();
    const login = await zoe.post(`/account/login?next=${encodeURIComponent(`/events/${ev.slug}`)}`, { email: user.email, password: PASSWORD });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe(`/events/${ev.slug}`);
    // Only a path on this site is followed.
    const away = await t.client().post(`/account/login?next=${encodeURIComponent('//evil.example/x')}`, { email: user.email, password: PASSWORD });
    expect(away.headers.location).toBe('/account');

    const offered = (await zoe.get(`/events/${ev.slug}`)).body;
    expect(offered).toContain('Merci pour votre contribution');
    const contributorType = /<option value="(\d+)"[^>]*>Contributeur·rice/.exec(offered)![1]!;
    const key = /name="key" value="([^"]+)"/.exec(offered)![1]!;
    const placed = await zoe.post(`/events/${ev.slug}/order`, { ticket_type_id: contributorType, quantity: '1', name: `Zoé ${dialect}`, email: user.email, offered: '', code: '', key });
    expect(placed.statusCode).toBe(303);
    const publicId = /^\/orders\/([^?]+)/.exec(String(placed.headers.location))![1]!;
    const after = (await zoe.get(`/events/${ev.slug}`)).body;
    expect(after).toContain('Vous êtes inscrit·e à cette soirée.');
    expect(after).toContain(`href="/orders/${publicId}?token=`);
    expect(after).not.toContain(`action="/events/${ev.slug}/order"`);
  });
});
