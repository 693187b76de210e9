/**
 * The journeys of issue 11, end to end in Chromium against the built server (demo database):
 * - a member of the public pays a demo evening by bank transfer: the order page and the email give
 *   the (example) bank details and the transfer reference; the payment term passes unpaid, the
 *   buyer is told with a link to order again; the transfer arrives after all, and the organiser
 *   finds the order by its reference and marks it paid — tickets issued, since seats remain;
 * - a contributor follows the event page's "log in: your seat is free" link, comes back to the
 *   event, takes her free seat, and the event page then shows her ticket instead of the form.
 *
 * The term "passes" the way the server's clock would make it: the order's term is moved to a
 * minute ago in the server's database, and the sweep the server runs every minute is run at once.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { sweepReservations } from '../../src/modules/events/index.ts';
import { formatViolations, logIn, seriousViolations, submitAndWait, visit } from './support/browser.ts';
import { emailsTo } from './support/server.ts';
import { e2eSession } from './support/session.ts';
import { chooseTicketType, orderFacts, squash } from './support/tickets.ts';

const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };
const CONTRIBUTOR = { email: 'contributor@example.org', password: 'open-experience-contributor', name: 'Claire Moreau' };
const EVENING = { slug: 'soiree-science-ouverte', title: 'Soirée science ouverte : publier sans payer pour lire' };
const EXAMPLE_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const REFERENCE = /OE-[0-9A-Z]{4}-[0-9A-Z]{4}/;
const TEST_TIMEOUT_MS = 120_000;

const run = Math.random().toString(36).slice(2, 7);
const BUYER = { name: `Bérénice Virement ${run}`, email: `berenice.virement.${run}@example.net` };

const session = e2eSession();

/** The server's own SQLite database, opened beside it (WAL: it keeps serving while the test writes). */
function serverDatabase(): Database {
  return createDatabase({ sqlitePath: path.join(session.server().dataDir, 'open-experience.sqlite') });
}

/** The emails to `address` once one matches `subject` (the outbox worker delivers within a second or two). */
async function waitForEmail(address: string, subject: RegExp, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await emailsTo(session.server().dataDir, address)).find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email "${subject}" to ${address}; got: ${(await emailsTo(session.server().dataDir, address)).map((m) => m.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function expectAxeClean(page: import('playwright-core').Page, where: string) {
  const violations = await seriousViolations(page);
  expect(violations, formatViolations(violations, where)).toEqual([]);
}

describe('Paying by transfer (fr)', () => {
  const shared: { orderPath?: string; reference?: string } = {};

  it(
    'A buyer who pays by transfer gets the bank details and the reference, on the page and by email',
    async () => {
      const { page } = await session.visitor();
      await visit(page, `/events/${EVENING.slug}`);
      const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
      await chooseTicketType(form, 'Plein tarif');
      await form.getByLabel('Votre nom').fill(BUYER.name);
      await form.getByLabel('Adresse électronique').fill(BUYER.email);
      // The demo evening lets buyers choose the door; the transfer is the default choice.
      const payment = form.getByRole('group', { name: 'Paiement' });
      expect(await payment.getByLabel('Par virement bancaire').isChecked()).toBe(true);
      await submitAndWait(page, 'Réserver');
      expect(new URL(page.url()).pathname).toMatch(/^\/orders\//);
      shared.orderPath = `${new URL(page.url()).pathname}${new URL(page.url()).search}`;

      const box = page.locator('section.payment-box');
      await box.getByRole('heading', { name: 'Payer par virement' }).waitFor();
      const text = squash(await box.textContent());
      expect(text).toContain(EXAMPLE_IBAN);
      expect(text).toContain('15,00 €');
      // The demo's account is made up, and says so.
      expect(text).toContain('coordonnées bancaires fictives');
      shared.reference = REFERENCE.exec(text)?.[0];
      expect(shared.reference, text).toBeDefined();
      expect((await orderFacts(page))['Référence du virement']).toBe(shared.reference);
      // Instructions are information, not an error.
      expect(await page.locator('.notice, .flash-error, [role="alert"]').filter({ hasText: 'IBAN' }).count()).toBe(0);
      await expectAxeClean(page, 'order page awaiting a transfer');

      const mail = await waitForEmail(BUYER.email, /^Votre réservation/);
      expect(mail.text).toContain(`IBAN : ${EXAMPLE_IBAN}`);
      expect(mail.text).toContain(shared.reference!);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The term passes unpaid: the buyer is told, with a link to order again',
    async () => {
      const database = serverDatabase();
      try {
        const db = database.db;
        const order = await db.selectFrom('orders').select(['id', 'status']).where('email', '=', BUYER.email).executeTakeFirstOrThrow();
        expect(order.status).toBe('reserved');
        await db.updateTable('orders').set({ reserved_until: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', order.id).execute();
        await sweepReservations({ db, actor: null, now: new Date() }, { provider: 'manual', termDays: 7 });
        expect((await db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status).toBe('expired');
      } finally {
        await database.close();
      }
      const mail = await waitForEmail(BUYER.email, /^Réservation expirée/);
      expect(mail.text).toContain(shared.reference!);
      expect(mail.text).toContain(`/events/${EVENING.slug}`);

      const { page } = await session.visitor();
      await visit(page, shared.orderPath!);
      expect(squash(await page.locator('main').textContent())).toContain('Le délai de paiement est passé');
      await page.getByRole('link', { name: 'Commander à nouveau' }).waitFor();
      expect(await page.locator('section.payment-box').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The transfer arrives after the term: the organiser finds the order by its reference and marks it paid',
    async () => {
      const { page } = await session.visitor();
      await logIn(page, ADMIN.email, ADMIN.password, '/editor/events');
      const database = serverDatabase();
      let eventId: number;
      try {
        eventId = (await database.db.selectFrom('events').select('id').where('slug', '=', EVENING.slug).executeTakeFirstOrThrow()).id;
      } finally {
        await database.close();
      }
      await visit(page, `/editor/events/${eventId}/tickets`);
      // As a bank statement shows it: no dashes, lower case.
      await page.getByRole('searchbox', { name: 'Chercher une commande' }).fill(shared.reference!.replace(/-/g, '').toLowerCase());
      await submitAndWait(page, 'Chercher');
      const rows = page.locator('table.data-table tbody tr').filter({ hasText: shared.reference! });
      expect(await rows.count()).toBe(1);
      const row = squash(await rows.first().textContent());
      expect(row).toContain(BUYER.name);
      expect(row).toContain('15,00 €');
      expect(row).toContain('Expirée');
      await expectAxeClean(page, 'organisers’ orders, searched by reference');

      await submitAndWait(page, `Paiement reçu après l’échéance — ${BUYER.name}`);
      expect(squash(await page.locator('.flash').first().textContent())).toContain('Le paiement est enregistré');
      const paidRow = page.locator('table.data-table tbody tr').filter({ hasText: shared.reference! });
      expect(squash(await paidRow.first().textContent())).toContain('Payée');

      const tickets = await waitForEmail(BUYER.email, /^Vos billets/);
      expect(tickets.subject).toBe(`Vos billets : ${EVENING.title}`);
      const buyer = await session.visitor();
      await visit(buyer.page, shared.orderPath!);
      expect((await orderFacts(buyer.page))['État']).toBe('Payée');
      expect(await buyer.page.locator('.ticket-qr svg').count()).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('A contributor’s free seat (fr)', () => {
  it(
    'A contributor logs in from the event’s hint, gets her free seat, and the event page then shows it',
    async () => {
      const { page } = await session.visitor();
      await visit(page, `/events/${EVENING.slug}`);
      await Promise.all([page.waitForURL((url) => url.pathname === '/account/login'), page.getByRole('link', { name: 'Connectez-vous : votre place est offerte.' }).click()]);
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/events/${EVENING.slug}`);
      await page.getByLabel('Adresse électronique').fill(CONTRIBUTOR.email);
      await page.getByLabel('Mot de passe', { exact: false }).fill(CONTRIBUTOR.password);
      await Promise.all([page.waitForURL((url) => url.pathname === `/events/${EVENING.slug}`), page.getByRole('button', { name: 'Se connecter' }).click()]);

      const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
      await chooseTicketType(form, 'Contributeur·rice');
      await submitAndWait(page, 'Réserver');
      const orderPath = new URL(page.url()).pathname;
      expect(orderPath).toMatch(/^\/orders\//);

      await visit(page, `/events/${EVENING.slug}`);
      const mine = page.locator('.my-tickets');
      expect(squash(await mine.textContent())).toContain('Vous êtes inscrit·e à cette soirée.');
      expect(await page.getByRole('form', { name: 'Réserver des places', exact: true }).count()).toBe(0);
      await expectAxeClean(page, 'event page of a registered contributor');
      await Promise.all([page.waitForURL((url) => url.pathname === orderPath), mine.getByRole('link', { name: 'voir mes billets' }).click()]);
      expect(await page.locator('.ticket-qr svg').count()).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('The same journeys in English', () => {
  const ENGLISH_BUYER = { name: `Brenda Transfer ${run}`, email: `brenda.transfer.${run}@example.net` };

  it(
    'An English buyer paying by transfer reads the bank details and the reference in English',
    async () => {
      const { page } = await session.visitor();
      await visit(page, `/en/events/${EVENING.slug}`);
      const form = page.getByRole('form', { name: 'Reserve seats', exact: true });
      await chooseTicketType(form, 'Plein tarif', 'Ticket');
      await form.getByLabel('Your name').fill(ENGLISH_BUYER.name);
      await form.getByLabel('Email address').fill(ENGLISH_BUYER.email);
      expect(await form.getByRole('group', { name: 'Payment' }).getByLabel('By bank transfer').isChecked()).toBe(true);
      await submitAndWait(page, 'Reserve');
      expect(new URL(page.url()).pathname).toMatch(/^\/en\/orders\//);
      const box = page.locator('section.payment-box');
      await box.getByRole('heading', { name: 'Pay by bank transfer' }).waitFor();
      const text = squash(await box.textContent());
      expect(text).toContain(EXAMPLE_IBAN);
      expect(text).toContain('made-up bank details');
      const reference = REFERENCE.exec(text)?.[0];
      expect(reference, text).toBeDefined();
      await expectAxeClean(page, 'English order page awaiting a transfer');
      const mail = await waitForEmail(ENGLISH_BUYER.email, /^Your reservation/);
      expect(mail.text).toContain(`IBAN: ${EXAMPLE_IBAN}`);
      expect(mail.text).toContain(`Reference to write on the transfer: ${reference}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The contributor’s hint on an English page brings her back to the English event page',
    async () => {
      const { page } = await session.visitor();
      await visit(page, `/en/events/${EVENING.slug}`);
      // Claire took her seat in the French story: logged out, the page offers the hint again.
      await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/account/login')), page.getByRole('link', { name: 'Log in: your seat is free.' }).click()]);
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/en/events/${EVENING.slug}`);
      await page.getByLabel('Email address').fill(CONTRIBUTOR.email);
      await page.getByLabel('Password', { exact: false }).fill(CONTRIBUTOR.password);
      await Promise.all([page.waitForURL((url) => url.pathname === `/en/events/${EVENING.slug}`), page.locator('form').getByRole('button', { name: /^Log in$/ }).click()]);
      // She already holds her seat: the page says so, with the link to it, and no order form.
      expect(squash(await page.locator('.my-tickets').textContent())).toContain('You are registered for this evening.');
      await page.locator('.my-tickets').getByRole('link', { name: 'see my tickets' }).waitFor();
      expect(await page.getByRole('form', { name: 'Reserve seats', exact: true }).count()).toBe(0);
      await expectAxeClean(page, 'English event page of a registered contributor');
    },
    TEST_TIMEOUT_MS,
  );
});
