/**
 * Ticketing end to end over HTTP (and the sweeper command): contributors' free seats, paid
 * reservations marked paid, refusals, the waiting list, cancellations and refunds, check-in,
 * cancelling an event, calendars and the transparency page. Concurrency and the Stripe webhook
 * are tested elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import { seatCounterDrift } from '../../../../tests/helpers/ticketing-fixtures.ts';
import { testConfig } from '../../../config.ts';
import type { Actor } from '../../../shared/actor.ts';
import { accountBalances, ledgerTotal } from '../../ledger/index.ts';
import { addInvitationCode, addTicketType, saveEvent } from '../index.ts';
import { sweepReservations } from './commands/release-reservations.ts';
import type { TicketKind } from './domain/order.ts';
import { ticketSigner } from './tickets/index.ts';

const CLOCK = '2026-06-01T10:00:00.000Z';
const START = new Date('2026-06-20T18:00:00.000Z');
const APP_SECRET = testConfig().appSecret;
const BASE_URL = testConfig().baseUrl;
const MINUTE = 60_000;

const formKey = () => randomBytes(12).toString('base64url');

interface TypeSpec {
  kind: TicketKind;
  name: string;
  price: number;
  quota?: number | null;
  maxPerOrder?: number;
}

interface MadeEvent {
  id: number;
  slug: string;
  title: string;
  /** Ticket type id by name. */
  type: (name: string) => number;
}

let eventCounter = 0;

async function makeEvent(
  t: TestApp,
  actor: Actor,
  options: {
    title?: string;
    capacity?: number;
    startsAt?: Date;
    opensAt?: Date | null;
    closesAt?: Date | null;
    status?: 'draft' | 'published';
    defaults?: boolean;
    types?: TypeSpec[];
    refundPolicy?: 'full' | 'none';
    deadlineHours?: number;
  } = {},
): Promise<MadeEvent> {
  const n = ++eventCounter;
  const title = options.title ?? `Soirée numéro ${n}`;
  const startsAt = options.startsAt ?? START;
  const { id, slug } = await t.db.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, actor, now: new Date('2026-05-01T00:00:00Z') };
    const saved = await saveEvent(
      ctx,
      {
        id: null,
        defaultTicketTypes: options.defaults !== false,
        title,
        slug: `soiree-${n}-${randomBytes(3).toString('hex')}`,
        themeId: null,
        description: 'Une **belle** soirée.',
        venue: 'La Maison',
        address: '1 rue de la Paix, Paris',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        capacity: options.capacity ?? 50,
        opensAt: options.opensAt ?? null,
        closesAt: options.closesAt ?? null,
        status: options.status ?? 'published',
      },
    );
    for (const spec of options.types ?? []) {
      await addTicketType(ctx, { eventId: saved.id, kind: spec.kind, name: spec.name, price: spec.price, quota: spec.quota ?? null, maxPerOrder: spec.maxPerOrder ?? 1 });
    }
    return saved;
  });
  if (options.refundPolicy || options.deadlineHours !== undefined) {
    await t.db.db
      .updateTable('events')
      .set({ ...(options.refundPolicy ? { refund_policy: options.refundPolicy } : {}), ...(options.deadlineHours !== undefined ? { cancellation_deadline_hours: options.deadlineHours } : {}) })
      .where('id', '=', id)
      .execute();
  }
  const types = await t.db.db.selectFrom('ticket_types').select(['id', 'name']).where('event_id', '=', id).execute();
  return {
    id,
    slug,
    title,
    type: (name: string) => {
      const found = types.find((x) => x.name === name);
      if (!found) throw new Error(`no ticket type ${name}`);
      return found.id;
    },
  };
}

/** Posts the public order form. */
function order(client: TestClient, event: MadeEvent, fields: { type: number | string; name: string; email: string; quantity?: string; offered?: string; code?: string; key?: string }) {
  return client.post(`/events/${event.slug}/order`, {
    ticket_type_id: String(fields.type),
    quantity: fields.quantity ?? '1',
    name: fields.name,
    email: fields.email,
    offered: fields.offered ?? '',
    code: fields.code ?? '',
    key: fields.key ?? formKey(),
  });
}

/** The public id and secret token of an order link (absolute or relative). */
function parseLink(link: string): { path: string; publicId: string; token: string } {
  const url = new URL(link, BASE_URL);
  const match = /^\/orders\/([^/]+)$/.exec(url.pathname);
  if (!match) throw new Error(`not an order link: ${link}`);
  return { path: `${url.pathname}${url.search}`, publicId: match[1]!, token: url.searchParams.get('token') ?? '' };
}

function location(res: LightMyRequestResponse): string {
  return String(res.headers.location ?? '');
}

describe.each(DIALECTS)('ticketing (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  /**
   * The order a public form placed: a paid one's page is where the buyer lands; free seats for
   * someone not logged in are only in their inbox (the page never tells who holds seats).
   */
  const linkOf = (res: LightMyRequestResponse, email: string) => {
    if (location(res).startsWith('/orders/')) return parseLink(location(res));
    const mailed = t.mailer.lastTo(email)?.text.match(/https?:\/\/\S+\/orders\/\S+/)?.[0];
    if (!mailed) throw new Error(`no order for ${email}: ${res.statusCode} ${location(res)}`);
    return parseLink(mailed);
  };
  let editorActor: Actor;
  let member: TestClient;
  let memberEmail: string;
  let contributor: TestClient;
  let contributorEmail: string;
  let contributorUserId: number;
  let contributorProfileId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    editorActor = e.actor;
    const m = await makeUser(t.db.db, 'member', { displayName: 'Marie Membre' });
    memberEmail = m.email;
    const person = await makeContributor(t.db.db, { name: 'Claire Contributrice' });
    contributorProfileId = person.id;
    const c = await makeUser(t.db.db, 'contributor', { contributorId: person.id, displayName: 'Claire Contributrice' });
    contributorEmail = c.email;
    contributorUserId = c.id;
    await makePiece(t.db.db, e.actor, { title: 'Un texte de Claire', credits: [{ contributorId: person.id, kind: 'author' }], publish: true });
    editor = t.client();
    member = t.client();
    contributor = t.client();
    await editor.login(e.email, PASSWORD);
    await member.login(m.email, PASSWORD);
    await contributor.login(c.email, PASSWORD);
  });
  afterEach(() => {
    t.clock.now = new Date(CLOCK);
  });
  afterAll(async () => t.close());

  const db = () => t.db.db;
  const orderRow = (where: { publicId?: string; email?: string; eventId?: number }) => {
    let q = db().selectFrom('orders').selectAll();
    if (where.publicId) q = q.where('public_id', '=', where.publicId);
    if (where.email) q = q.where('email', '=', where.email);
    if (where.eventId) q = q.where('event_id', '=', where.eventId);
    return q.orderBy('id').execute();
  };
  const ticketsOf = (orderId: number) => db().selectFrom('tickets').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  const markPaid = (orderId: number) => editor.post(`/editor/orders/${orderId}/paid`);
  const checkin = (client: TestClient, eventId: number, code: string) => client.post(`/editor/events/${eventId}/checkin`, { code }, { headers: { accept: 'application/json' } });

  describe('contributors', () => {
    it('gives a contributor a free seat: confirmed at 0 €, tickets by email with QR and calendar, QR on the order page', async () => {
      const event = await makeEvent(t, editorActor, { title: 'Soirée des contributeur·rices' });
      const contributorType = event.type('Contributeur·rice');

      const page = await contributor.get(`/events/${event.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<option value="${contributorType}"`);
      expect(page.body).toContain('Merci pour votre contribution au programme : votre place est offerte.');
      const option = new RegExp(`<option value="${contributorType}"[^>]*>([^<]*)</option>`).exec(page.body)?.[1] ?? '';
      expect(option).toContain('Contributeur·rice');
      expect(option.toLowerCase()).toContain('gratuit');
      // The form is filled from the account and carries a one-time key.
      expect(page.body).toContain(`value="${contributorEmail}"`);
      const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1];
      expect(key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

      const res = await order(contributor, event, { type: contributorType, name: 'Claire Contributrice', email: contributorEmail, key: key! });
      expect(res.statusCode).toBe(303);
      const link = parseLink(location(res));

      const [placed] = await orderRow({ publicId: link.publicId });
      expect(placed).toMatchObject({ status: 'confirmed', provider: 'free', user_id: contributorUserId, contributor_id: contributorProfileId, quantity: 1, reserved_until: null });
      expect(Number(placed!.total)).toBe(0);
      const tickets = await ticketsOf(placed!.id);
      expect(tickets).toHaveLength(1);

      const mail = t.mailer.lastTo(contributorEmail)!;
      expect(mail.subject).toBe('Vos billets : Soirée des contributeur·rices');
      expect(mail.text).toContain(tickets[0]!.short_code);
      expect(parseLink(t.mailer.linkTo(contributorEmail)!).publicId).toBe(link.publicId);
      const png = mail.attachments?.filter((a) => a.contentType === 'image/png') ?? [];
      expect(png).toHaveLength(1);
      expect(png[0]!.filename).toMatch(/\.png$/);
      expect(Buffer.from(png[0]!.content).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      const ics = mail.attachments?.find((a) => a.filename.endsWith('.ics'));
      expect(ics?.contentType).toMatch(/^text\/calendar/);
      const icsText = String(ics!.content);
      expect(icsText).toContain('BEGIN:VEVENT');
      expect(icsText).toContain(`UID:event-${event.id}@open-experience`);

      const orderPage = await contributor.get(link.path);
      expect(orderPage.statusCode).toBe(200);
      expect(orderPage.body).toContain('C’est confirmé');
      expect(orderPage.body).toContain('<svg');
      expect(orderPage.body).toContain(tickets[0]!.short_code);
      expect(orderPage.body).toContain('Gratuit');

      // The event page now shows her ticket instead of the form.
      const after = await contributor.get(`/events/${event.slug}`);
      expect(after.body).toContain('Vous êtes inscrit·e à cette soirée.');
      expect(after.body).toContain(`href="/orders/${link.publicId}?token=`);
      expect(after.body).not.toContain(`action="/events/${event.slug}/order"`);
      // One seat per person: a second contributor ticket is refused, with one clear message and the link to her order.
      const again = await order(contributor, event, { type: contributorType, name: 'Claire Contributrice', email: contributorEmail });
      expect(again.statusCode).toBe(409);
      expect(again.body.split('Vous êtes inscrit·e à cette soirée.')).toHaveLength(2);
      expect(again.body).not.toContain('Vous êtes déjà inscrit·e');
      expect(again.body).toContain(`href="/orders/${link.publicId}?token=`);
    });

    it('refuses the contributor ticket to a member who is not a contributor (403), and hides it from anonymous visitors', async () => {
      const event = await makeEvent(t, editorActor);
      const contributorType = event.type('Contributeur·rice');

      const memberPage = await member.get(`/events/${event.slug}`);
      expect(memberPage.body).not.toContain(`<option value="${contributorType}"`);
      const refused = await order(member, event, { type: contributorType, name: 'Marie Membre', email: memberEmail });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('réservé aux contributeur·rices');
      expect(await orderRow({ eventId: event.id })).toHaveLength(0);

      const anonymous = await t.client().get(`/events/${event.slug}`);
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.body).not.toContain(`<option value="${contributorType}"`);
      expect(anonymous.body).toContain(`<option value="${event.type('Plein tarif')}"`);
      expect(anonymous.body).toContain('Connectez-vous : votre place est offerte.');
      expect(anonymous.body).not.toContain('Merci pour votre contribution');
      // Posting the contributor type anyway changes nothing.
      const forged = await order(t.client(), event, { type: contributorType, name: 'Anne Onyme', email: 'anne.onyme@example.org' });
      expect(forged.statusCode).toBe(403);
      expect(await orderRow({ eventId: event.id })).toHaveLength(0);
    });
  });

  describe('paid tickets', () => {
    it('holds a paid seat for the payment term with the bank details and reference, and the organiser marks it paid: tickets, ledger entry, balanced books', async () => {
      const event = await makeEvent(t, editorActor, { title: 'Soirée payante' });
      const standard = event.type('Plein tarif');
      const visitor = t.client();
      const email = 'paul.public@example.org';

      const res = await order(visitor, event, { type: standard, name: 'Paul Public', email });
      expect(res.statusCode).toBe(303);
      const link = parseLink(location(res));
      const [reserved] = await orderRow({ publicId: link.publicId });
      expect(reserved).toMatchObject({ status: 'reserved', provider: 'manual', user_id: null, contributor_id: null });
      expect(Number(reserved!.total)).toBe(1500);
      // A transfer takes days: the seats are held for the payment term (7 days by default).
      expect(reserved!.reserved_until).toBe(new Date(t.clock.now.getTime() + 7 * 24 * 60 * MINUTE).toISOString());
      expect(reserved!.payment_reference).toMatch(/^OE-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await ticketsOf(reserved!.id)).toHaveLength(0);

      const mail = t.mailer.lastTo(email)!;
      expect(mail.subject).toBe('Votre réservation : Soirée payante');
      expect(mail.text).toContain('15,00');
      expect(mail.text).toContain(reserved!.payment_reference!);
      expect(mail.text).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189');
      expect(mail.text).toContain('coordonnées bancaires fictives');
      const mailed = parseLink(t.mailer.linkTo(email)!);
      expect(mailed.publicId).toBe(link.publicId);
      const orderPage = await t.client().get(mailed.path);
      expect(orderPage.statusCode).toBe(200);
      expect(orderPage.body).toContain('Places réservées jusqu’au');
      expect(orderPage.body).toContain('Payer par virement');
      expect(orderPage.body).toContain('FR76 3000 6000 0112 3456 7890 189');
      expect(orderPage.body).toContain(reserved!.payment_reference!);
      // Instructions, not an error.
      expect(orderPage.body).not.toMatch(/class="notice"[^>]*>[^<]*<p>[^<]*virement/);

      // Only the team marks orders paid.
      expect((await member.post(`/editor/orders/${reserved!.id}/paid`)).statusCode).toBe(403);
      const before = t.mailer.sent.length;
      const paid = await markPaid(reserved!.id);
      expect(paid.statusCode).toBe(303);
      expect(location(paid)).toBe(`/editor/events/${event.id}/tickets#order-${reserved!.id}`);
      const [after] = await orderRow({ publicId: link.publicId });
      expect(after).toMatchObject({ status: 'paid', reserved_until: null });
      const tickets = await ticketsOf(after!.id);
      expect(tickets).toHaveLength(1);
      const ticketsMail = t.mailer.sent.slice(before).find((m) => m.to === email);
      expect(ticketsMail?.subject).toBe('Vos billets : Soirée payante');
      expect(ticketsMail?.text).toContain(tickets[0]!.short_code);
      expect(ticketsMail?.attachments?.some((a) => a.contentType === 'image/png')).toBe(true);

      const transactions = await db().selectFrom('ledger_transactions').selectAll().where('cause_type', '=', 'order').where('cause_id', '=', String(after!.id)).execute();
      expect(transactions).toHaveLength(1);
      const lines = await db().selectFrom('ledger_lines').select(['account', 'amount', 'event_id']).where('transaction_id', '=', transactions[0]!.id).orderBy('account').execute();
      expect(lines.map((l) => ({ account: l.account, amount: Number(l.amount), event_id: l.event_id }))).toEqual([
        { account: 'assets:bank', amount: 1500, event_id: event.id },
        { account: 'income:tickets', amount: -1500, event_id: event.id },
      ]);
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });

      // Clicking "paid" twice books nothing more.
      expect((await markPaid(reserved!.id)).statusCode).toBe(303);
      expect(await db().selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'order').where('cause_id', '=', String(after!.id)).execute()).toHaveLength(1);

      // An anonymous paid order is a purchase, limited per order only: a second one by the same
      // address is placed like any other, so the form tells no stranger who holds a ticket.
      const more = await order(t.client(), event, { type: standard, name: 'Paul encore', email: 'Paul.Public@Example.org', quantity: '4' });
      expect(more.statusCode).toBe(303);
      expect(more.body).not.toContain('déjà inscrit·e');
      expect(await orderRow({ eventId: event.id })).toHaveLength(2);
      // A logged-in buyer's share is counted on their account: "Unique" allows one per person, so
      // a second order is refused — whatever address they type — and says so (it is their own business).
      const single = await makeEvent(t, editorActor, { defaults: false, types: [{ kind: 'standard', name: 'Unique', price: 1500, maxPerOrder: 1 }] });
      const buyer = await makeUser(db(), 'member', { email: `paul-${dialect}@example.org` });
      const paul = t.client();
      await paul.login(buyer.email, PASSWORD);
      expect((await order(paul, single, { type: single.type('Unique'), name: 'Paul Public', email: buyer.email })).statusCode).toBe(303);
      for (const typed of [buyer.email, 'someone.else@example.org']) {
        const twice = await order(paul, single, { type: single.type('Unique'), name: 'Paul Public', email: typed });
        expect(twice.statusCode, typed).toBe(409);
        expect(twice.body).toContain('Vous êtes inscrit·e à cette soirée.');
        expect(twice.body).toContain('voir ma commande et comment la payer');
      }
      expect(await orderRow({ eventId: single.id })).toHaveLength(1);

      const desk = await editor.get(`/editor/events/${event.id}/tickets`);
      expect(desk.statusCode).toBe(200);
      expect(desk.body).toContain('Paul Public');
      expect(desk.body).toContain(email);
    });

    // sendTickets is called with token null after a manual (or Stripe) payment, so the mail's
    // "Retrouver vos billets ou annuler" link has no token and opens a 404.
    it('sends tickets after payment with a link that opens the order page', async () => {
      const event = await makeEvent(t, editorActor);
      const email = 'lien.billets@example.org';
      const res = await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Lou Lien', email });
      const { publicId } = parseLink(location(res));
      const [placed] = await orderRow({ publicId });
      await markPaid(placed!.id);
      const mail = t.mailer.lastTo(email)!;
      expect(mail.subject).toContain('Vos billets');
      const link = t.mailer.linkTo(email)!;
      expect(link).toContain(`/orders/${publicId}`);
      const page = await t.client().get(new URL(link).pathname + new URL(link).search);
      expect(page.statusCode).toBe(200);
    });
  });

  describe('refusals', () => {
    it('says "complet" when the event is full, and keeps what the person typed', async () => {
      const event = await makeEvent(t, editorActor, { capacity: 2 });
      const standard = event.type('Plein tarif');
      for (const who of ['un', 'deux']) expect((await order(t.client(), event, { type: standard, name: `Personne ${who}`, email: `complet-${who}@example.org` })).statusCode).toBe(303);

      const full = await order(t.client(), event, { type: standard, name: 'Zoé Tardive', email: 'zoe.tardive@example.org' });
      expect(full.statusCode).toBe(409);
      expect(full.body).toContain('complet');
      expect(full.body).toContain('0 place libre sur 2');
      // The waiting list is offered instead, and the person does not have to type again.
      expect(full.body).toContain(`/events/${event.slug}/waitlist`);
      expect(full.body).toContain('value="Zoé Tardive"');
      expect(full.body).toContain('value="zoe.tardive@example.org"');
      expect(await orderRow({ eventId: event.id })).toHaveLength(2);
    });

    it('answers an anonymous order the same whether or not the address holds seats; its owner is told by email', async () => {
      /** What a stranger sees of an answer: status, where it leads, the message it carries, the page. */
      const seen = async (res: LightMyRequestResponse) => {
        const flash = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'oe_flash')?.value ?? null;
        return { status: res.statusCode, location: location(res), flash, body: res.statusCode === 303 ? '' : res.body.replace(/name="(key|_csrf)" value="[^"]*"/g, '').replace(/value="[^"]*@example\.org"/g, '') };
      };
      const holder = `holder-${dialect}@example.org`;
      // A free evening with seats left: the holder's address, and one nobody used.
      const open = await makeEvent(t, editorActor, { capacity: 5, defaults: false, types: [{ kind: 'solidarity', name: 'Libre', price: 0, maxPerOrder: 1 }] });
      expect((await order(t.client(), open, { type: open.type('Libre'), name: 'Hélène Holder', email: holder })).statusCode).toBe(303);
      const before = t.mailer.sent.length;
      const probeHolder = await seen(await order(t.client(), open, { type: open.type('Libre'), name: 'Probe', email: holder }));
      const probeFresh = await seen(await order(t.client(), open, { type: open.type('Libre'), name: 'Probe', email: `fresh-${dialect}@example.org` }));
      expect(probeHolder).toEqual(probeFresh);
      expect(probeHolder.status).toBe(303);
      // The holder got no second order, and learns of the attempt by email, with the link to their tickets.
      expect(await orderRow({ eventId: open.id })).toHaveLength(2);
      const told = t.mailer.sent.slice(before).find((m) => m.to === holder);
      expect(told?.subject).toBe(`Vous êtes déjà inscrit·e : ${open.title}`);
      expect(told?.text).toMatch(/\/orders\/[A-Za-z0-9_-]+\?token=/);

      // A sold-out evening: "complet" for everyone, holder or not.
      const full = await makeEvent(t, editorActor, { capacity: 1, defaults: false, types: [{ kind: 'solidarity', name: 'Libre', price: 0, maxPerOrder: 1 }] });
      expect((await order(t.client(), full, { type: full.type('Libre'), name: 'Hélène Holder', email: holder })).statusCode).toBe(303);
      const fullHolder = await seen(await order(t.client(), full, { type: full.type('Libre'), name: 'Probe', email: holder }));
      const fullFresh = await seen(await order(t.client(), full, { type: full.type('Libre'), name: 'Probe', email: `fresh2-${dialect}@example.org` }));
      expect(fullHolder).toEqual(fullFresh);
      expect(fullHolder.status).toBe(409);

      // The waiting list: joining again is answered like the first time, and adds no one.
      const join = (email: string) => t.client().post(`/events/${full.slug}/waitlist`, { ticket_type_id: String(full.type('Libre')), name: 'Wait', email });
      expect(await seen(await join(`waiter-${dialect}@example.org`))).toEqual(await seen(await join(`waiter-${dialect}@example.org`)));
      expect(await db().selectFrom('waitlist').select('id').where('event_id', '=', full.id).execute()).toHaveLength(1);
    });

    it('says "complet" for a type whose quota is used up while other seats remain, with the form kept', async () => {
      const event = await makeEvent(t, editorActor, { capacity: 10, types: [{ kind: 'solidarity', name: 'Solidaire', price: 500, quota: 1 }] });
      const solidarity = event.type('Solidaire');
      expect((await order(t.client(), event, { type: solidarity, name: 'Sam Solidaire', email: 'sam@example.org' })).statusCode).toBe(303);
      const res = await order(t.client(), event, { type: solidarity, name: 'Sacha Second', email: 'sacha@example.org' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('complet');
      expect(res.body).toContain('class="order-form"');
      expect(res.body).toContain('value="Sacha Second"');
      expect(res.body).toContain('value="sacha@example.org"');
      expect(await orderRow({ eventId: event.id })).toHaveLength(1);
    });

    it('refuses orders outside the registration window (409)', async () => {
      const event = await makeEvent(t, editorActor);
      t.clock.now = new Date(START.getTime() + MINUTE);
      const late = await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Léo Retard', email: 'leo.retard@example.org' });
      expect(late.statusCode).toBe(409);
      expect(late.body).toContain('Les inscriptions sont closes.');

      t.clock.now = new Date(CLOCK);
      const early = await makeEvent(t, editorActor, { opensAt: new Date('2026-06-10T08:00:00Z') });
      const notYet = await order(t.client(), early, { type: early.type('Plein tarif'), name: 'Éva Avance', email: 'eva.avance@example.org' });
      expect(notYet.statusCode).toBe(409);
      expect(notYet.body).toContain('pas encore ouvertes');

      const closedEarly = await makeEvent(t, editorActor, { closesAt: new Date('2026-05-31T08:00:00Z') });
      const closed = await order(t.client(), closedEarly, { type: closedEarly.type('Plein tarif'), name: 'Max Clos', email: 'max.clos@example.org' });
      expect(closed.statusCode).toBe(409);
      expect(await orderRow({ eventId: event.id })).toHaveLength(0);
      expect(await orderRow({ eventId: early.id })).toHaveLength(0);
    });

    it('checks invitation codes: unknown, expired, used up, another event’s; a good one takes its price', async () => {
      const event = await makeEvent(t, editorActor, { types: [{ kind: 'invitation', name: 'Invité·e', price: 0 }] });
      const other = await makeEvent(t, editorActor);
      const invitation = event.type('Invité·e');
      // Through the organisers' form, and through the command.
      const added = await editor.post(`/editor/events/${event.id}/codes`, { code: 'bienvenue-1', price: '0', max_uses: '1', expires_at: '', note: 'Intervenant' });
      expect(added.statusCode).toBe(303);
      const meta = { actorUserId: editorActor.id, now: t.clock.now };
      await db().transaction().execute(async (trx) => {
        await addInvitationCode({ db: trx, actor: null, now: meta.now }, { eventId: event.id, code: 'TROP-TARD', price: 0, maxUses: 5, expiresAt: new Date('2026-05-31T00:00:00Z'), note: '' });
        await addInvitationCode({ db: trx, actor: null, now: meta.now }, { eventId: event.id, code: 'DEMI-TARIF', price: 700, maxUses: 5, expiresAt: null, note: '' });
        await addInvitationCode({ db: trx, actor: null, now: meta.now }, { eventId: other.id, code: 'AILLEURS', price: 0, maxUses: 5, expiresAt: null, note: '' });
      });

      const statuses: number[] = [];
      const attempt = async (code: string, email: string, type = invitation) => {
        const res = await order(t.client(), event, { type, name: 'Invitée', email, code });
        statuses.push(res.statusCode);
        return res;
      };
      const missing = await attempt('', 'sans.code@example.org');
      expect(missing.statusCode).toBe(422);
      expect(missing.body).toContain('pas valable pour cette soirée');
      const unknown = await attempt('NIMPORTE', 'mauvais.code@example.org');
      expect(unknown.statusCode).toBe(422);
      expect(unknown.body).toContain('pas valable pour cette soirée');
      expect(unknown.body).toContain('value="NIMPORTE"');
      expect((await attempt('AILLEURS', 'autre.soiree@example.org')).statusCode).toBe(422);
      const expired = await attempt('TROP-TARD', 'trop.tard@example.org');
      expect(expired.statusCode).toBe(409);
      expect(expired.body).toContain('a expiré');

      const good = await attempt(' bienvenue-1 ', 'invitee@example.org');
      expect(good.statusCode).toBe(303);
      const [invited] = await orderRow({ email: 'invitee@example.org' });
      expect(invited).toMatchObject({ status: 'confirmed' });
      expect(Number(invited!.total)).toBe(0);
      const usedUp = await attempt('BIENVENUE-1', 'deuxieme@example.org');
      expect(usedUp.statusCode).toBe(409);
      expect(usedUp.body).toContain('déjà servi');
      const code = await db().selectFrom('invitation_codes').select(['uses', 'max_uses']).where('code', '=', 'BIENVENUE-1').executeTakeFirstOrThrow();
      expect([code.uses, code.max_uses]).toEqual([1, 1]);

      // A code on the standard ticket sets its price.
      expect((await attempt('DEMI-TARIF', 'demi@example.org', event.type('Plein tarif'))).statusCode).toBe(303);
      const [half] = await orderRow({ email: 'demi@example.org' });
      expect(Number(half!.total)).toBe(700);
      expect(half!.status).toBe('reserved');
      expect(statuses.every((s) => s < 500)).toBe(true);
    });

    it('refuses a pay-what-you-want amount below the minimum (422), and too many seats (422)', async () => {
      const event = await makeEvent(t, editorActor, { types: [{ kind: 'pay_what_you_want', name: 'Prix libre', price: 500, maxPerOrder: 2 }] });
      const pwyw = event.type('Prix libre');
      const low = await order(t.client(), event, { type: pwyw, name: 'Pia Petit', email: 'pia@example.org', offered: '4,99' });
      expect(low.statusCode).toBe(422);
      expect(low.body).toContain('ne peut pas être inférieur au minimum');
      expect(low.body).toContain('value="4,99"');
      const ok = await order(t.client(), event, { type: pwyw, name: 'Pia Petit', email: 'pia@example.org', offered: '8,50' });
      expect(ok.statusCode).toBe(303);
      const [placed] = await orderRow({ email: 'pia@example.org' });
      expect([Number(placed!.unit_price), Number(placed!.total), placed!.status]).toEqual([850, 850, 'reserved']);

      const tooMany = await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Grand Groupe', email: 'groupe@example.org', quantity: '5' });
      expect(tooMany.statusCode).toBe(422);
      expect(tooMany.body).toContain('Ce nombre de places n’est pas possible pour ce billet.');
      const contributorTwo = await order(contributor, event, { type: event.type('Contributeur·rice'), name: 'Claire', email: contributorEmail, quantity: '2' });
      expect(contributorTwo.statusCode).toBe(422);
      for (const quantity of ['0', '-1', '21', '1.5', 'deux']) {
        expect((await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Q', email: 'q@example.org', quantity })).statusCode, quantity).toBe(422);
      }
      expect(await orderRow({ email: 'groupe@example.org' })).toHaveLength(0);
    });

    // registrationState closes at registration_closes_at when it is set, even if that is after the
    // start; saveEvent accepts such a date, so tickets are sold for an evening already over.
    it('refuses orders once the event has started, even with a registration closing date after the start', async () => {
      const event = await makeEvent(t, editorActor, { closesAt: new Date(START.getTime() + 7 * 24 * 3600_000) });
      t.clock.now = new Date(START.getTime() + 4 * 3600_000);
      const res = await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Après Coup', email: 'apres.coup@example.org' });
      expect(res.statusCode).toBe(409);
      expect(await orderRow({ eventId: event.id })).toHaveLength(0);
    });

    // The code's use is counted when the order is placed and never given back, so a reservation
    // that runs out unpaid (or is cancelled) burns the invitation.
    it('gives an invitation code back when the order holding it runs out unpaid', async () => {
      const event = await makeEvent(t, editorActor, { types: [{ kind: 'invitation', name: 'Invité·e', price: 0 }] });
      await addInvitationCode({ db: db(), actor: editorActor, now: t.clock.now }, { eventId: event.id, code: 'PARTENAIRE', price: 700, maxUses: 1, expiresAt: null, note: '' });
      const first = await order(t.client(), event, { type: event.type('Invité·e'), name: 'Paula Partenaire', email: 'paula@example.org', code: 'PARTENAIRE' });
      expect(first.statusCode).toBe(303);
      const [held] = await orderRow({ email: 'paula@example.org' });
      expect(held!.status).toBe('reserved');
      t.clock.now = new Date(Date.parse(held!.reserved_until!) + MINUTE);
      const retry = await order(t.client(), event, { type: event.type('Invité·e'), name: 'Paula Partenaire', email: 'paula@example.org', code: 'PARTENAIRE' });
      expect(retry.body, 'the expired order still counts as a use of the code').not.toContain('déjà servi');
      expect(retry.statusCode).toBe(303);
    });

    it('keeps order totals within what the ledger can book (pay-what-you-want has no upper bound)', async () => {
      const event = await makeEvent(t, editorActor, { types: [{ kind: 'pay_what_you_want', name: 'Prix libre', price: 500, maxPerOrder: 2 }] });
      const res = await order(t.client(), event, { type: event.type('Prix libre'), name: 'Crésus', email: 'cresus@example.org', offered: '90071992547409,91', quantity: '2' });
      expect(res.statusCode).toBeLessThan(500);
      const [placed] = await orderRow({ email: 'cresus@example.org' });
      if (placed) expect(Number.isSafeInteger(Number(placed.total))).toBe(true);
    });

    it('does not cancel a confirmed free order when an organiser marks it paid', async () => {
      const event = await makeEvent(t, editorActor);
      const link = parseLink(location(await order(contributor, event, { type: event.type('Contributeur·rice'), name: 'Claire', email: contributorEmail })));
      const [free] = await orderRow({ publicId: link.publicId });
      const res = await markPaid(free!.id);
      expect(res.statusCode).toBeLessThan(500);
      const [after] = await orderRow({ publicId: link.publicId });
      expect(after!.status).toBe('confirmed');
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });
    });

    it('creates one order for a double-submitted form', async () => {
      const event = await makeEvent(t, editorActor);
      const visitor = t.client();
      const key = formKey();
      const fields = { type: event.type('Plein tarif'), name: 'Dora Double', email: 'dora.double@example.org', key };
      const first = await order(visitor, event, fields);
      const second = await order(visitor, event, fields);
      expect(first.statusCode).toBe(303);
      expect(location(first)).toMatch(/^\/orders\//);
      expect(second.statusCode).toBe(303);
      expect(location(second)).toBe(`/events/${event.slug}`);
      const follow = await visitor.get(location(second));
      expect(follow.body).toContain('Cette commande a déjà été enregistrée');
      expect(await orderRow({ eventId: event.id })).toHaveLength(1);
      expect(t.mailer.sent.filter((m) => m.to === 'dora.double@example.org')).toHaveLength(1);
    });

    it('answers malformed or mismatched orders with 4xx, never 5xx', async () => {
      const event = await makeEvent(t, editorActor);
      const other = await makeEvent(t, editorActor);
      const draft = await makeEvent(t, editorActor, { status: 'draft' });
      const standard = event.type('Plein tarif');
      const base = { ticket_type_id: String(standard), quantity: '1', name: 'Malo Formé', email: 'malo@example.org', offered: '', code: '', key: formKey() };
      const cases: [string, string, Record<string, string>, number][] = [
        ['no key', event.slug, { ...base, key: '' }, 422],
        ['short key', event.slug, { ...base, key: 'abc' }, 422],
        ['bad email', event.slug, { ...base, email: 'pas-un-courriel' }, 422],
        ['no name', event.slug, { ...base, name: '   ' }, 422],
        ['type not a number', event.slug, { ...base, ticket_type_id: 'abc' }, 422],
        ['type of another event', event.slug, { ...base, ticket_type_id: String(other.type('Plein tarif')) }, 422],
        ['type that does not exist', event.slug, { ...base, ticket_type_id: '999999' }, 422],
        ['offered not an amount', event.slug, { ...base, offered: 'beaucoup' }, 422],
        ['code too long', event.slug, { ...base, code: 'X'.repeat(41) }, 422],
        ['unknown event', 'pas-de-soiree', base, 404],
        ['draft event', draft.slug, { ...base, ticket_type_id: String(draft.type('Plein tarif')) }, 404],
      ];
      for (const [label, slug, fields, expected] of cases) {
        const res = await t.client().post(`/events/${slug}/order`, { ...fields, key: fields.key === base.key ? formKey() : fields.key! });
        expect(res.statusCode, label).toBe(expected);
      }
      const unknownType = await t.client().post(`/events/${event.slug}/order`, { ...base, ticket_type_id: String(other.type('Plein tarif')), key: formKey() });
      expect(unknownType.body).toContain('n’existe pas pour cette soirée');
      expect(await orderRow({ email: 'malo@example.org' })).toHaveLength(0);
      // The waiting list and the order links refuse garbage the same way.
      expect((await t.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: 'x', name: '', email: '' })).statusCode).toBe(422);
      expect((await t.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(standard), name: 'Wes', email: 'wes@example.org' })).statusCode).toBe(409);
      expect((await t.client().get('/orders/nope?token=x')).statusCode).toBe(404);
      expect((await t.client().post('/orders/nope/cancel', { token: 'x' })).statusCode).toBe(404);
      expect((await t.client().get(`/events/${draft.slug}`)).statusCode).toBe(404);
    });
  });

  describe('expiry and the waiting list', () => {
    // A dedicated app: the clock moves by hours here, and the app's own one-minute sweeper must not
    // run in between.
    let w: TestApp;
    let wEditor: Actor;
    beforeAll(async () => {
      w = await createTestApp(dialect);
      wEditor = (await makeUser(w.db.db, 'editor')).actor;
    });
    afterEach(() => {
      w.clock.now = new Date(CLOCK);
    });
    afterAll(async () => w.close());

    it('offers a seat freed by an expired reservation to the first in line; an unclaimed offer passes to the next', async () => {
      const event = await makeEvent(w, wEditor, { capacity: 1, defaults: false, types: [{ kind: 'standard', name: 'Payante', price: 1000 }, { kind: 'solidarity', name: 'Solidaire gratuite', price: 0 }] });
      const paidType = event.type('Payante');
      const freeType = event.type('Solidaire gratuite');
      const sweep = async () => (await sweepReservations({ db: w.db.db, actor: null, now: w.clock.now }, { provider: 'manual' })).filter((o) => o.eventId === event.id);
      const wOrders = (email: string) => w.db.db.selectFrom('orders').selectAll().where('event_id', '=', event.id).where('email', '=', email).orderBy('id').execute();
      const entry = (email: string) => w.db.db.selectFrom('waitlist').selectAll().where('event_id', '=', event.id).where('email', '=', email).executeTakeFirstOrThrow();

      // Joining while seats remain is refused.
      const tooSoon = await w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(freeType), name: 'Trop Tôt', email: 'trop.tot@example.org' });
      expect(tooSoon.statusCode).toBe(409);

      const payer = await order(w.client(), event, { type: paidType, name: 'Pierre Payeur', email: 'pierre@example.org' });
      expect(payer.statusCode).toBe(303);
      const [reservation] = await wOrders('pierre@example.org');
      const page = await w.client().get(`/events/${event.slug}`);
      expect(page.body).toContain('Liste d’attente');
      expect(page.body).not.toContain('class="order-form"');

      const join = async (email: string, name: string, type: number) => w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(type), name, email });
      const joined = await join('premiere@example.org', 'Prune Première', freeType);
      expect(joined.statusCode).toBe(303);
      expect(location(joined)).toBe(`/events/${event.slug}`);
      // Joining again is answered the same way, and adds no one (the form tells no stranger who waits).
      expect((await join('premiere@example.org', 'Prune Première', freeType)).statusCode).toBe(303);
      expect(await w.db.db.selectFrom('waitlist').select('id').where('event_id', '=', event.id).where('email', '=', 'premiere@example.org').execute()).toHaveLength(1);
      w.clock.now = new Date(w.clock.now.getTime() + MINUTE);
      expect((await join('seconde@example.org', 'Sid Second', freeType)).statusCode).toBe(303);
      w.clock.now = new Date(w.clock.now.getTime() + MINUTE);
      expect((await join('troisieme@example.org', 'Tom Troisième', freeType)).statusCode).toBe(303);

      // Nothing to offer while the reservation holds.
      expect(await sweep()).toEqual([]);

      // The reservation runs out: the seat goes to the first in line, held for two hours.
      w.clock.now = new Date(Date.parse(reservation!.reserved_until!) + 1000);
      const offers = await sweep();
      expect(offers.map((o) => o.email)).toEqual(['premiere@example.org']);
      expect((await wOrders('pierre@example.org'))[0]!.status).toBe('expired');
      const [offered] = await wOrders('premiere@example.org');
      expect(offered).toMatchObject({ status: 'reserved', ticket_type_id: freeType, quantity: 1, reserved_until: new Date(w.clock.now.getTime() + 120 * MINUTE).toISOString() });
      expect(Number(offered!.total)).toBe(0);
      expect(await entry('premiere@example.org')).toMatchObject({ status: 'offered', order_id: offered!.id });
      expect((await entry('seconde@example.org')).status).toBe('waiting');
      // Sweeping again changes nothing: the seat is held by the offer.
      expect(await sweep()).toEqual([]);

      await w.deliver();
      const offerMail = w.mailer.lastTo('premiere@example.org')!;
      expect(offerMail.subject).toContain('Une place s’est libérée');
      const firstLink = parseLink(w.mailer.linkTo('premiere@example.org')!);
      expect(firstLink.publicId).toBe(offered!.public_id);
      const offerPage = await w.client().get(firstLink.path);
      expect(offerPage.statusCode).toBe(200);
      expect(offerPage.body).toContain('Confirmer ma place');

      // Not claimed in time: the offer passes to the next person.
      w.clock.now = new Date(Date.parse(offered!.reserved_until!) + 1000);
      const next = await sweep();
      expect(next.map((o) => o.email)).toEqual(['seconde@example.org']);
      expect((await wOrders('premiere@example.org'))[0]!.status).toBe('expired');
      expect((await entry('premiere@example.org')).status).toBe('expired');
      await w.deliver();
      const secondLink = parseLink(w.mailer.linkTo('seconde@example.org')!);

      // A wrong token cannot claim it.
      expect((await w.client().post(`/orders/${secondLink.publicId}/claim`, { token: 'faux' })).statusCode).toBe(404);
      const claimer = w.client();
      const claim = await claimer.post(`/orders/${secondLink.publicId}/claim`, { token: secondLink.token });
      expect(claim.statusCode).toBe(303);
      const [claimed] = await wOrders('seconde@example.org');
      expect(claimed).toMatchObject({ status: 'confirmed', reserved_until: null });
      expect(await w.db.db.selectFrom('tickets').select('id').where('order_id', '=', claimed!.id).execute()).toHaveLength(1);
      expect((await entry('seconde@example.org')).status).toBe('claimed');
      expect(w.mailer.lastTo('seconde@example.org')?.subject).toContain('Vos billets');
      expect((await claimer.get(location(claim))).body).toContain('C’est confirmé');

      // The first person's late claim is refused, and the third keeps waiting.
      const lateClient = w.client();
      const late = await lateClient.post(`/orders/${firstLink.publicId}/claim`, { token: firstLink.token });
      expect(late.statusCode).toBe(303);
      expect((await lateClient.get(location(late))).body).toContain('Le délai de réservation est dépassé');
      expect((await wOrders('premiere@example.org'))[0]!.status).toBe('expired');
      expect((await entry('troisieme@example.org')).status).toBe('waiting');
      expect(await sweep()).toEqual([]);

      // The first payer's transfer arrives now: no seat left, so it is booked and listed for refund.
      const editorClient = w.client();
      const editorUser = await makeUser(w.db.db, 'editor');
      await editorClient.login(editorUser.email, PASSWORD);
      const latePaid = await editorClient.post(`/editor/orders/${reservation!.id}/paid`);
      expect(latePaid.statusCode).toBe(303);
      const [refundable] = await wOrders('pierre@example.org');
      expect(refundable!.status).toBe('cancelled');
      expect(Number(refundable!.refund_due)).toBe(1000);
      const seats = await w.db.db
        .selectFrom('orders')
        .select((eb) => eb.fn.sum<number>('quantity').as('n'))
        .where('event_id', '=', event.id)
        .where('status', 'in', ['confirmed', 'paid'])
        .executeTakeFirstOrThrow();
      expect(Number(seats.n)).toBe(1);
      expect(await ledgerTotal(w.db.db)).toEqual({ total: 0, unbalanced: 0 });
      expect((await editorClient.post(`/editor/orders/${reservation!.id}/refunded`)).statusCode).toBe(303);
      const balances = await accountBalances(w.db.db, { eventId: event.id });
      expect([balances.get('assets:bank') ?? 0, balances.get('income:tickets') ?? 0]).toEqual([0, 0]);
    });

    // joinWaitlist checks neither the event's status nor its date: after the start (when
    // releaseAndOffer will never offer anything) a person is still told they are on the list.
    it('refuses to put people on the waiting list once the event has started', async () => {
      const event = await makeEvent(w, wEditor, { capacity: 1 });
      expect((await order(w.client(), event, { type: event.type('Plein tarif'), name: 'Seule Place', email: 'seule@example.org' })).statusCode).toBe(303);
      const [held] = await w.db.db.selectFrom('orders').select('id').where('event_id', '=', event.id).execute();
      const editorUser = await makeUser(w.db.db, 'editor');
      const desk = w.client();
      await desk.login(editorUser.email, PASSWORD);
      expect((await desk.post(`/editor/orders/${held!.id}/paid`)).statusCode).toBe(303);
      w.clock.now = new Date(START.getTime() + MINUTE);
      const res = await w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(event.type('Plein tarif')), name: 'Trop Tard', email: 'trop.tard@example.org' });
      expect(res.statusCode).toBe(409);
    });

    // The refusal is set on the waiting-list form, which is only rendered when a type is sold out:
    // with seats left, the 409 page shows no message at all.
    it('explains why joining the waiting list is refused while seats remain', async () => {
      const event = await makeEvent(w, wEditor, { capacity: 5 });
      const res = await w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(event.type('Plein tarif')), name: 'Trop Tôt', email: 'trop.tot@example.org' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Il reste des places : inscrivez-vous directement.');
    });

    // The waiting list checks neither contributor standing nor invitation codes, so anyone who
    // joins it for the contributor (or invitation) type is later offered that seat for free.
    it('does not let a non-contributor queue for the contributor ticket, nor anyone for an invitation without a code', async () => {
      const event = await makeEvent(w, wEditor, { capacity: 1, types: [{ kind: 'invitation', name: 'Invitation', price: 0 }] });
      expect((await order(w.client(), event, { type: event.type('Plein tarif'), name: 'Rita Réservée', email: 'rita@example.org' })).statusCode).toBe(303);
      const contributorQueue = await w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(event.type('Contributeur·rice')), name: 'Nina Noncontrib', email: 'nina@example.org' });
      const invitationQueue = await w.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(event.type('Invitation')), name: 'Ivan Sanscode', email: 'ivan@example.org' });
      expect.soft(contributorQueue.statusCode, 'contributor type').toBeGreaterThanOrEqual(400);
      expect.soft(contributorQueue.statusCode, 'contributor type').toBeLessThan(500);
      expect.soft(invitationQueue.statusCode, 'invitation type').toBeGreaterThanOrEqual(400);
      expect.soft(invitationQueue.statusCode, 'invitation type').toBeLessThan(500);

      // Whatever happened above, no free seat may end up with them.
      w.clock.now = new Date(w.clock.now.getTime() + 16 * MINUTE);
      const offers = (await sweepReservations({ db: w.db.db, actor: null, now: w.clock.now }, { provider: 'manual' })).filter((o) => o.eventId === event.id);
      expect(offers.map((o) => o.email)).toEqual([]);
    });
  });

  describe('self-service cancellation', () => {
    it('cancels a paid order before the deadline: refund listed, then marked refunded with a balanced ledger entry', async () => {
      const event = await makeEvent(t, editorActor, { capacity: 5 });
      const email = 'annie.annule@example.org';
      const placed = await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Annie Annule', email });
      const link = parseLink(location(placed));
      const [row] = await orderRow({ publicId: link.publicId });
      await markPaid(row!.id);

      const attendee = t.client();
      const page = await attendee.get(link.path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Annuler ma venue');
      expect(page.body).toContain('Vous serez remboursé·e de 15,00');

      const cancel = await attendee.post(`/orders/${link.publicId}/cancel`, { token: link.token });
      expect(cancel.statusCode).toBe(303);
      expect(location(cancel)).toBe(link.path.replace(/token=[^&]+/, `token=${encodeURIComponent(link.token)}`));
      const after = await attendee.get(location(cancel));
      expect(after.body).toContain('Votre commande est annulée.');
      expect(after.body).toContain('Remboursement de 15,00');
      expect(after.body).not.toContain('Annuler ma venue');
      const [cancelled] = await orderRow({ publicId: link.publicId });
      expect(cancelled!.status).toBe('cancelled');
      expect(Number(cancelled!.refund_due)).toBe(1500);
      // The seat is back.
      expect((await t.client().get(`/events/${event.slug}`)).body).toContain('5 places libres sur 5');

      const desk = await editor.get(`/editor/events/${event.id}/tickets`);
      expect(desk.body).toContain(`/editor/orders/${row!.id}/refunded`);
      expect((await member.post(`/editor/orders/${row!.id}/refunded`)).statusCode).toBe(403);
      const refunded = await editor.post(`/editor/orders/${row!.id}/refunded`);
      expect(refunded.statusCode).toBe(303);
      const [done] = await orderRow({ publicId: link.publicId });
      expect(done!.status).toBe('refunded');
      expect(Number(done!.refund_due)).toBe(0);
      const refundTx = await db().selectFrom('ledger_transactions').selectAll().where('cause_type', '=', 'refund').where('cause_id', '=', String(row!.id)).execute();
      expect(refundTx).toHaveLength(1);
      const lines = await db().selectFrom('ledger_lines').select(['account', 'amount', 'event_id']).where('transaction_id', '=', refundTx[0]!.id).orderBy('account').execute();
      expect(lines.map((l) => [l.account, Number(l.amount), l.event_id])).toEqual([
        ['assets:bank', -1500, event.id],
        ['income:tickets', 1500, event.id],
      ]);
      const balances = await accountBalances(db(), { eventId: event.id });
      expect([balances.get('assets:bank'), balances.get('income:tickets')]).toEqual([0, 0]);
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });

      // Twice is refused with a message, and books nothing.
      const twice = await editor.post(`/editor/orders/${row!.id}/refunded`);
      expect(twice.statusCode).toBe(303);
      expect(await db().selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'refund').where('cause_id', '=', String(row!.id)).execute()).toHaveLength(1);
      // And the attendee cannot cancel again.
      const again = await attendee.post(`/orders/${link.publicId}/cancel`, { token: link.token });
      expect(again.statusCode).toBe(303);
      expect((await attendee.get(location(again))).body).toContain('ne peut plus être annulée');
    });

    it('follows the event’s policy: no refund when the policy says none; an unpaid reservation simply ends', async () => {
      const event = await makeEvent(t, editorActor, { refundPolicy: 'none' });
      const paidLink = linkOf(await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Nora Norefund', email: 'nora@example.org' }), 'nora@example.org');
      const [paidRow] = await orderRow({ publicId: paidLink.publicId });
      await markPaid(paidRow!.id);
      const page = await t.client().get(paidLink.path);
      expect(page.body).toContain('Annuler ma venue');
      expect(page.body).not.toContain('Vous serez remboursé·e');
      expect((await t.client().post(`/orders/${paidLink.publicId}/cancel`, { token: paidLink.token })).statusCode).toBe(303);
      const [nora] = await orderRow({ publicId: paidLink.publicId });
      expect([nora!.status, Number(nora!.refund_due)]).toEqual(['cancelled', 0]);

      const unpaid = linkOf(await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Ulla Unpaid', email: 'ulla@example.org' }), 'ulla@example.org');
      expect((await t.client().post(`/orders/${unpaid.publicId}/cancel`, { token: unpaid.token })).statusCode).toBe(303);
      const [ulla] = await orderRow({ publicId: unpaid.publicId });
      expect([ulla!.status, Number(ulla!.refund_due)]).toEqual(['cancelled', 0]);
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });
    });

    it('offers a seat given back by an attendee to the waiting list at once, free or paid', async () => {
      const event = await makeEvent(t, editorActor, { capacity: 2, defaults: false, types: [{ kind: 'solidarity', name: 'Libre', price: 0 }, { kind: 'standard', name: 'Payant', price: 1200 }] });
      const freeLink = linkOf(await order(t.client(), event, { type: event.type('Libre'), name: 'Alice Libre', email: 'alice.libre@example.org' }), 'alice.libre@example.org');
      const paidLink = linkOf(await order(t.client(), event, { type: event.type('Payant'), name: 'Bob Payant', email: 'bob.payant@example.org' }), 'bob.payant@example.org');
      const join = (type: string, name: string, email: string) => t.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(event.type(type)), name, email });
      expect((await join('Payant', 'Paula Attente', 'paula.attente@example.org')).statusCode).toBe(303);
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      expect((await join('Libre', 'Louis Attente', 'louis.attente@example.org')).statusCode).toBe(303);

      // Alice gives her seat back: the first in line (Paula, paid type) is offered it by email.
      expect((await t.client().post(`/orders/${freeLink.publicId}/cancel`, { token: freeLink.token })).statusCode).toBe(303);
      const offerMail = t.mailer.lastTo('paula.attente@example.org');
      expect(offerMail?.subject).toContain('Une place s’est libérée');
      expect(t.mailer.lastTo('louis.attente@example.org')).toBeUndefined();
      const paulaLink = parseLink(t.mailer.linkTo('paula.attente@example.org')!);
      const [paula] = await orderRow({ publicId: paulaLink.publicId });
      expect(paula).toMatchObject({ status: 'reserved', provider: 'manual', ticket_type_id: event.type('Payant') });
      expect(Number(paula!.total)).toBe(1200);
      const paulaPage = await t.client().get(paulaLink.path);
      expect(paulaPage.statusCode).toBe(200);
      expect(paulaPage.body).toContain('virement');
      expect(paulaPage.body).not.toContain('Confirmer ma place');
      expect((await markPaid(paula!.id)).statusCode).toBe(303);
      expect((await orderRow({ publicId: paulaLink.publicId }))[0]!.status).toBe('paid');
      expect((await db().selectFrom('waitlist').select('status').where('email', '=', 'paula.attente@example.org').executeTakeFirstOrThrow()).status).toBe('claimed');

      // Bob gives his back: Louis is offered the free seat and confirms it.
      expect((await t.client().post(`/orders/${paidLink.publicId}/cancel`, { token: paidLink.token })).statusCode).toBe(303);
      const louisLink = parseLink(t.mailer.linkTo('louis.attente@example.org')!);
      expect((await t.client().post(`/orders/${louisLink.publicId}/claim`, { token: louisLink.token })).statusCode).toBe(303);
      expect((await orderRow({ publicId: louisLink.publicId }))[0]!.status).toBe('confirmed');
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });
    });

    it('refuses cancellation after the deadline with a clear message; a wrong token is a 404', async () => {
      const event = await makeEvent(t, editorActor, { deadlineHours: 48 });
      const link = linkOf(await order(t.client(), event, { type: event.type('Plein tarif'), name: 'Téo Tard', email: 'teo.tard@example.org' }), 'teo.tard@example.org');
      const [row] = await orderRow({ publicId: link.publicId });
      await markPaid(row!.id);

      t.clock.now = new Date(START.getTime() - 47 * 3600_000);
      const attendee = t.client();
      const page = await attendee.get(link.path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Le délai d’annulation est passé.');
      expect(page.body).not.toContain('Annuler ma venue');
      const refused = await attendee.post(`/orders/${link.publicId}/cancel`, { token: link.token });
      expect(refused.statusCode).toBe(303);
      const shown = await attendee.get(location(refused));
      expect(shown.body).toMatch(/class="flash[^"]*error[^"]*"[^>]*>[^<]*Le délai d’annulation est passé\./);
      const [still] = await orderRow({ publicId: link.publicId });
      expect([still!.status, Number(still!.refund_due)]).toEqual(['paid', 0]);

      const wrong = `${link.token.slice(0, -1)}${link.token.endsWith('A') ? 'B' : 'A'}`;
      for (const res of [
        await t.client().get(`/orders/${link.publicId}?token=${encodeURIComponent(wrong)}`),
        await t.client().get(`/orders/${link.publicId}`),
        await t.client().get(`/orders/${link.publicId}/calendar.ics?token=${encodeURIComponent(wrong)}`),
        await t.client().post(`/orders/${link.publicId}/cancel`, { token: wrong }),
        await t.client().post(`/orders/${link.publicId}/cancel`, {}),
      ]) {
        expect(res.statusCode).toBe(404);
      }
      expect((await orderRow({ publicId: link.publicId }))[0]!.status).toBe('paid');
      // The right token still opens the order's calendar file.
      const ics = await t.client().get(`/orders/${link.publicId}/calendar.ics?token=${encodeURIComponent(link.token)}`);
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    });
  });

  describe('check-in', () => {
    it('checks tickets in by signed code or short code, once; refuses tampered, cancelled and other events’ tickets; counts and exports', async () => {
      const event = await makeEvent(t, editorActor, { types: [{ kind: 'solidarity', name: 'Entrée libre', price: 0, maxPerOrder: 2 }] });
      const otherEvent = await makeEvent(t, editorActor, { types: [{ kind: 'solidarity', name: 'Entrée libre', price: 0 }] });
      const signer = ticketSigner(APP_SECRET);

      await order(contributor, event, { type: event.type('Contributeur·rice'), name: 'Claire Contributrice', email: contributorEmail });
      const pair = linkOf(await order(t.client(), event, { type: event.type('Entrée libre'), name: '=HYPERLINK("http://x")', email: 'duo@example.org', quantity: '2' }), 'duo@example.org');
      const gone = linkOf(await order(t.client(), event, { type: event.type('Entrée libre'), name: 'Gaston Parti', email: 'gaston@example.org' }), 'gaston@example.org');
      await order(t.client(), otherEvent, { type: otherEvent.type('Entrée libre'), name: 'Odile Ailleurs', email: 'odile@example.org' });
      expect((await t.client().post(`/orders/${gone.publicId}/cancel`, { token: gone.token })).statusCode).toBe(303);

      const ticketOf = async (email: string, eventId: number) =>
        db().selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id').select(['tickets.id', 'tickets.event_id', 'tickets.short_code']).where('orders.email', '=', email).where('orders.event_id', '=', eventId).orderBy('tickets.id').execute();
      const [claireTicket] = await ticketOf(contributorEmail, event.id);
      const duoTickets = await ticketOf('duo@example.org', event.id);
      const [gastonTicket] = await ticketOf('gaston@example.org', event.id);
      const [odileTicket] = await ticketOf('odile@example.org', otherEvent.id);
      expect(duoTickets).toHaveLength(2);

      const first = await checkin(editor, event.id, signer.sign({ ticketId: claireTicket!.id, eventId: event.id }));
      expect(first.statusCode).toBe(200);
      const valid = first.json();
      expect(valid).toMatchObject({ status: 'valid', name: 'Claire Contributrice', typeName: 'Contributeur·rice', contributor: true, checkedInAt: CLOCK });
      expect(valid.message).toContain('Billet valide');

      t.clock.now = new Date(Date.parse(CLOCK) + 5 * MINUTE);
      const again = (await checkin(editor, event.id, signer.sign({ ticketId: claireTicket!.id, eventId: event.id }))).json();
      expect(again).toMatchObject({ status: 'already', checkedInAt: CLOCK });
      // The HTML form says when.
      const html = await editor.post(`/editor/events/${event.id}/checkin`, { code: signer.sign({ ticketId: claireTicket!.id, eventId: event.id }) });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('Déjà entré·e à');

      const typed = duoTickets[0]!.short_code.toLowerCase().replace('-', ' ');
      const byShort = (await checkin(editor, event.id, `  ${typed} `)).json();
      expect(byShort).toMatchObject({ status: 'valid', name: '=HYPERLINK("http://x")', contributor: false });

      const genuine = signer.sign({ ticketId: duoTickets[1]!.id, eventId: event.id });
      const sig = genuine.split('.')[3]!;
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      const tampered = [
        genuine.replace(`.${sig}`, `.${flipped}`),
        genuine.replace(`OE1.${duoTickets[1]!.id.toString(36)}.`, `OE1.${claireTicket!.id.toString(36)}.`),
        signer.sign({ ticketId: 987654, eventId: event.id }),
        ticketSigner('another-secret-another-secret-0123456789').sign({ ticketId: duoTickets[1]!.id, eventId: event.id }),
        'ZZZZ-ZZZZ',
        'OOOO-0000',
        '',
        'x'.repeat(500),
      ];
      for (const code of tampered) expect((await checkin(editor, event.id, code)).json().status, code).toBe('unknown');
      expect((await checkin(editor, event.id, signer.sign({ ticketId: gastonTicket!.id, eventId: event.id }))).json()).toMatchObject({ status: 'cancelled', name: 'Gaston Parti' });
      expect((await checkin(editor, event.id, gastonTicket!.short_code)).json().status).toBe('cancelled');
      // Another event's ticket, signed for its own event or presented as if it were this one.
      expect((await checkin(editor, event.id, signer.sign({ ticketId: odileTicket!.id, eventId: otherEvent.id }))).json().status).toBe('unknown');
      expect((await checkin(editor, event.id, signer.sign({ ticketId: odileTicket!.id, eventId: event.id }))).json().status).toBe('unknown');
      expect((await checkin(editor, event.id, odileTicket!.short_code)).json().status).toBe('unknown');
      // The untouched ticket is still valid after all that.
      expect((await checkin(editor, event.id, genuine)).json().status).toBe('valid');
      // Without JavaScript, an unknown code answers a 404 page with the verdict.
      const unknownHtml = await editor.post(`/editor/events/${event.id}/checkin`, { code: 'ZZZZ-ZZZZ' });
      expect(unknownHtml.statusCode).toBe(404);
      expect(unknownHtml.body).toContain('Billet inconnu');

      const counts = await editor.get(`/editor/events/${event.id}/counts`);
      expect(counts.statusCode).toBe(200);
      expect(counts.json()).toEqual({ registered: 3, checkedIn: 3, contributors: 1, contributorsIn: 1 });
      expect((await member.get(`/editor/events/${event.id}/counts`)).statusCode).toBe(403);
      expect((await member.post(`/editor/events/${event.id}/checkin`, { code: genuine }, { headers: { accept: 'application/json' } })).statusCode).toBe(403);
      expect((await editor.get(`/editor/events/${event.id}/checkin`)).statusCode).toBe(200);

      const csv = await editor.get(`/editor/events/${event.id}/attendees.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(rows[0]).toBe('name,email,ticket_type,contributor,order_status,ticket_code,checked_in_at');
      const allTickets = await db().selectFrom('tickets').select('id').where('event_id', '=', event.id).execute();
      expect(rows).toHaveLength(1 + allTickets.length);
      expect(allTickets).toHaveLength(4);
      const claireRow = rows.find((r) => r.startsWith('Claire Contributrice,'));
      expect(claireRow).toBe(`Claire Contributrice,${contributorEmail},Contributeur·rice,yes,confirmed,${claireTicket!.short_code},${CLOCK}`);
      expect(rows.find((r) => r.includes('gaston@example.org'))).toContain(',cancelled,');
      // A name that looks like a formula is neutralised for spreadsheets.
      expect(rows.filter((r) => r.includes('duo@example.org')).every((r) => r.startsWith(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
      expect(csv.body).not.toContain('odile@example.org');

      expect((await member.get(`/editor/events/${event.id}/attendees.csv`)).statusCode).toBe(403);
      const anonymous = await t.client().get(`/editor/events/${event.id}/attendees.csv`);
      expect(anonymous.statusCode).toBe(303);
      expect(location(anonymous)).toMatch(/^\/account\/login\?next=/);
    });
  });

  describe('cancelling an event', () => {
    it('cancels in one action: everyone emailed, paid orders listed for refund, page says cancelled, orders refused, books balanced', async () => {
      const event = await makeEvent(t, editorActor, { title: 'Soirée annulée', capacity: 3 });
      const standard = event.type('Plein tarif');
      await order(contributor, event, { type: event.type('Contributeur·rice'), name: 'Claire Contributrice', email: contributorEmail });
      const paidLink = linkOf(await order(t.client(), event, { type: standard, name: 'Patrice Payé', email: 'patrice@example.org' }), 'patrice@example.org');
      const [paidRow] = await orderRow({ publicId: paidLink.publicId });
      await markPaid(paidRow!.id);
      await order(t.client(), event, { type: standard, name: 'Rémi Réservé', email: 'remi@example.org' });
      expect((await t.client().post(`/events/${event.slug}/waitlist`, { ticket_type_id: String(standard), name: 'Wanda Attente', email: 'wanda@example.org' })).statusCode).toBe(303);

      // Without the confirmation box, nothing happens.
      const unconfirmed = await editor.post(`/editor/events/${event.id}/cancel`, {});
      expect(unconfirmed.statusCode).toBe(303);
      expect((await db().selectFrom('events').select('status').where('id', '=', event.id).executeTakeFirstOrThrow()).status).toBe('published');
      expect((await member.post(`/editor/events/${event.id}/cancel`, { confirm: 'yes' })).statusCode).toBe(403);

      const before = t.mailer.sent.length;
      const cancelled = await editor.post(`/editor/events/${event.id}/cancel`, { confirm: 'yes' });
      expect(cancelled.statusCode).toBe(303);
      expect((await db().selectFrom('events').select('status').where('id', '=', event.id).executeTakeFirstOrThrow()).status).toBe('cancelled');

      const orders = await orderRow({ eventId: event.id });
      expect(orders.map((o) => [o.email, o.status, Number(o.refund_due)]).sort()).toEqual(
        [
          [contributorEmail, 'cancelled', 0],
          ['patrice@example.org', 'cancelled', 1500],
          ['remi@example.org', 'cancelled', 0],
        ].sort(),
      );
      expect((await db().selectFrom('waitlist').select('status').where('event_id', '=', event.id).executeTakeFirstOrThrow()).status).toBe('removed');

      const mails = t.mailer.sent.slice(before);
      for (const to of [contributorEmail, 'patrice@example.org', 'remi@example.org']) {
        const mail = mails.find((m) => m.to === to);
        expect(mail?.subject, to).toBe('Annulation : Soirée annulée');
      }
      expect(mails.find((m) => m.to === 'patrice@example.org')?.text).toMatch(/15,00.*virement/);
      expect(mails.find((m) => m.to === 'remi@example.org')?.text).not.toContain('rembours');

      const desk = await editor.get(`/editor/events/${event.id}/tickets`);
      expect(desk.body).toContain(`/editor/orders/${paidRow!.id}/refunded`);
      expect(desk.body).not.toContain(`/editor/events/${event.id}/cancel`);

      const page = await t.client().get(`/events/${event.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('annulée');
      expect(page.body).toContain('Cette soirée est annulée.');
      expect(page.body).not.toContain('class="order-form"');
      expect(page.body).toContain('EventCancelled');
      const refused = await order(t.client(), event, { type: standard, name: 'Tardif', email: 'tardif@example.org' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('Cette soirée est annulée.');
      const orderPage = await t.client().get(paidLink.path);
      expect(orderPage.body).toContain('Cette soirée est annulée.');
      expect(orderPage.body).not.toContain('Annuler ma venue');

      const [claireTicket] = await db().selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id').select('tickets.id').where('orders.email', '=', contributorEmail).where('orders.event_id', '=', event.id).execute();
      expect((await checkin(editor, event.id, ticketSigner(APP_SECRET).sign({ ticketId: claireTicket!.id, eventId: event.id }))).json().status).toBe('cancelled');

      const ics = await t.client().get(`/events/${event.slug}/calendar.ics`);
      expect(ics.body).toContain('STATUS:CANCELLED');

      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });
      expect((await editor.post(`/editor/orders/${paidRow!.id}/refunded`)).statusCode).toBe(303);
      const balances = await accountBalances(db(), { eventId: event.id });
      expect([balances.get('assets:bank'), balances.get('income:tickets')]).toEqual([0, 0]);
      expect(await ledgerTotal(db())).toEqual({ total: 0, unbalanced: 0 });
    });
  });

  describe('calendars and transparency', () => {
    it('serves the event and the whole programme as text/calendar, drafts left out', async () => {
      const event = await makeEvent(t, editorActor, { title: 'Soirée agenda' });
      const draft = await makeEvent(t, editorActor, { title: 'Soirée secrète', status: 'draft' });

      const one = await t.client().get(`/events/${event.slug}/calendar.ics`);
      expect(one.statusCode).toBe(200);
      expect(one.headers['content-type']).toMatch(/^text\/calendar/);
      const unfolded = one.body.replace(/\r\n[ \t]/g, '');
      expect(unfolded).toContain('BEGIN:VCALENDAR');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(unfolded).toContain(`UID:event-${event.id}@open-experience`);
      expect(unfolded).toContain('SUMMARY:Soirée agenda');
      expect(unfolded).toContain('DTSTART:20260620T180000Z');
      expect(unfolded).toContain('LOCATION:La Maison\\, 1 rue de la Paix\\, Paris');

      const all = await t.client().get('/events/calendar.ics');
      expect(all.statusCode).toBe(200);
      expect(all.headers['content-type']).toMatch(/^text\/calendar/);
      const allUnfolded = all.body.replace(/\r\n[ \t]/g, '');
      expect(allUnfolded).toContain(`UID:event-${event.id}@open-experience`);
      expect(allUnfolded).not.toContain(`UID:event-${draft.id}@open-experience`);
      expect(allUnfolded).not.toContain('Soirée secrète');
      expect((await t.client().get(`/events/${draft.slug}/calendar.ics`)).statusCode).toBe(404);
    });

    it('refuses dates outside 2000–2100 at the form, and keeps every calendar up when a stored date cannot be written', async () => {
      const fields = (startsAt: string) => ({ title: 'Soirée datée', slug: '', series_id: '', theme_id: '', description: '', venue: '', address: '', starts_at: startsAt, ends_at: '2026-09-01T22:00', capacity: '30', registration_opens_at: '', registration_closes_at: '', status: 'published' });
      for (const typo of ['1969-07-20T20:00', '0026-09-01T19:00', '2126-09-01T19:00']) {
        const res = await editor.post('/editor/events', fields(typo));
        expect(res.statusCode, typo).toBe(422);
        expect(res.body, typo).toContain('Choisissez une date entre 2000 et 2100.');
      }
      // A date from before this rule (an import, an old row): the feeds leave that evening out, the others stay.
      const good = await makeEvent(t, editorActor, { title: 'Soirée sans souci' });
      const old = await makeEvent(t, editorActor, { title: 'Soirée d’autrefois' });
      await db().updateTable('events').set({ starts_at: '1969-07-20T19:00:00.000Z', ends_at: '1969-07-20T22:00:00.000Z' }).where('id', '=', old.id).execute();
      const all = await t.client().get('/events/calendar.ics');
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain(`UID:event-${good.id}@open-experience`);
      expect(all.body).not.toContain(`UID:event-${old.id}@open-experience`);
      expect((await t.client().get(`/events/${old.slug}/calendar.ics`)).statusCode).toBe(404);
      expect((await t.client().get(`/events/${old.slug}`)).statusCode).toBe(200);
      expect((await t.client().get(`/events/${good.slug}/calendar.ics`)).statusCode).toBe(200);
    });

    it('counts the free contributor tickets of the event on the transparency page', async () => {
      // The latest evening of the file, so it is on the transparency page's first page of evenings (newest first).
      const event = await makeEvent(t, editorActor, { title: 'Soirée transparente', startsAt: new Date(START.getTime() + 30 * 24 * 60 * MINUTE), types: [{ kind: 'solidarity', name: 'Entrée libre', price: 0 }] });
      const second = await makeContributor(t.db.db, { name: 'Bruno Bis' });
      const secondUser = await makeUser(t.db.db, 'contributor', { contributorId: second.id });
      await makePiece(t.db.db, editorActor, { title: 'Un texte de Bruno', credits: [{ contributorId: second.id, kind: 'author' }], publish: true });
      const bruno = t.client();
      await bruno.login(secondUser.email, PASSWORD);

      expect((await order(contributor, event, { type: event.type('Contributeur·rice'), name: 'Claire', email: contributorEmail })).statusCode).toBe(303);
      expect((await order(bruno, event, { type: event.type('Contributeur·rice'), name: 'Bruno', email: secondUser.email })).statusCode).toBe(303);
      expect((await order(t.client(), event, { type: event.type('Entrée libre'), name: 'Gratuit Pasconttrib', email: 'libre@example.org' })).statusCode).toBe(303);
      // A cancelled contributor seat does not count.
      const third = await makeContributor(t.db.db, { name: 'Cora Ter' });
      const thirdUser = await makeUser(t.db.db, 'contributor', { contributorId: third.id });
      await makePiece(t.db.db, editorActor, { title: 'Un texte de Cora', credits: [{ contributorId: third.id, kind: 'author' }], publish: true });
      const cora = t.client();
      await cora.login(thirdUser.email, PASSWORD);
      const coraLink = parseLink(location(await order(cora, event, { type: event.type('Contributeur·rice'), name: 'Cora', email: thirdUser.email })));
      expect((await cora.post(`/orders/${coraLink.publicId}/cancel`, { token: coraLink.token })).statusCode).toBe(303);

      const page = await t.client().get('/transparency');
      expect(page.statusCode).toBe(200);
      const start = page.body.indexOf(`<a href="/events/${event.slug}">`);
      expect(start).toBeGreaterThan(-1);
      const row = page.body.slice(start, page.body.indexOf('</tr>', start));
      const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
      expect(cells.at(-1)).toBe('2');
    });
  });
});
