/**
 * End to end, in real Chromium against the built server: the ticketing of a demo evening.
 * A contributor (Claire Moreau, credited on published pieces) gets a free ticket without paying;
 * a member of the public reserves a full-price seat, pays at the desk and gets their QR code; the
 * organiser checks both in at the door by typing their short codes, with checkin.js and without any
 * JavaScript; every page involved passes axe-core; nothing leaves localhost; the transparency page
 * counts the free contributor ticket.
 *
 * The stories run in order and share what they create (the order links and the short codes).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { emailsTo, startServer, type RunningServer } from './support/server.ts';
import {
  checkinCounts,
  checkinResultText,
  chooseTicketType,
  eventIdFromEditorList,
  multipartEmailsTo,
  newVisitorWithoutJavaScript,
  orderFacts,
  PNG_SIGNATURE,
  shortCodesOnOrderPage,
  squash,
  ticketTypeOptions,
  typeCheckinCode,
  unfoldIcs,
} from './support/tickets.ts';

const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };
const CONTRIBUTOR = { email: 'contributor@example.org', password: 'open-experience-contributor', name: 'Claire Moreau' };
const EVENING = { slug: 'soiree-science-ouverte', title: 'Soirée science ouverte : publier sans payer pour lire' };
const EVENT_PATH = `/events/${EVENING.slug}`;
const SHORT_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const VERDICT = {
  valid: /Billet valide : bienvenue !/,
  already: /Déjà enregistré/,
  unknown: /Billet inconnu/,
};
const TEST_TIMEOUT_MS = 120_000;

const run = Math.random().toString(36).slice(2, 7);
const PUBLIC = { name: `Camille Public ${run}`, email: `camille.public.${run}@example.net` };
const LATE = { name: `Dominique Solidaire ${run}`, email: `dominique.solidaire.${run}@example.net` };

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

/** What the stories hand on to the next ones. */
const shared: {
  contributorOrder?: string;
  contributorCode?: string;
  publicOrder?: string;
  publicCode?: string;
  eventId?: number;
} = {};

async function visitor(): Promise<Visitor> {
  const v = await newVisitor(browser, server.baseUrl);
  visitors.push(v);
  return v;
}

async function visitorWithoutJavaScript(): Promise<Visitor> {
  const v = await newVisitorWithoutJavaScript(browser, server.baseUrl);
  visitors.push(v);
  return v;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: an earlier story failed`);
  return value;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const v of visitors) await v.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** The path and query of the current page (the order link carries its secret token in the query). */
function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** The flash message the layout shows after a redirect (the ticket box's contributor welcome also uses .flash, without role="status"). */
async function flash(page: Page): Promise<string> {
  return squash(await page.locator('p.flash[role="status"]').first().textContent());
}

/** Places an order through the ticket box of the evening page and returns the order page's path and query. */
async function order(page: Page, typeName: string, person?: { name: string; email: string }): Promise<string> {
  const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
  await chooseTicketType(form, typeName);
  if (person) {
    await form.getByLabel('Votre nom').fill(person.name);
    await form.getByLabel('Adresse électronique').fill(person.email);
  }
  await submitAndWait(page, 'Réserver');
  const path = new URL(page.url()).pathname;
  if (!/^\/orders\/[^/]+$/.test(path)) {
    const errors = squash(await page.locator('.error-summary, [role="alert"]').allTextContents().then((t) => t.join(' | ')));
    throw new Error(`ordering "${typeName}" did not lead to an order page (now at ${page.url()}): ${errors}`);
  }
  return pathAndQuery(page);
}

/** Logs the admin in and reads the evening's id from /editor/events. */
async function adminDesk(): Promise<{ admin: Visitor; eventId: number }> {
  const admin = await visitor();
  await logIn(admin.page, ADMIN.email, ADMIN.password, '/editor/events');
  expect(new URL(admin.page.url()).pathname).toBe('/editor/events');
  const eventId = await eventIdFromEditorList(admin.page, EVENING.title);
  shared.eventId = eventId;
  return { admin, eventId };
}

/** Runs axe-core on the page; a violation is reported without stopping the other pages' checks. */
async function audit(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect.soft(violations, formatViolations(violations, where)).toEqual([]);
}

/** The admin marks a manual order paid from the desk. */
async function markPaid(page: Page, eventId: number, name: string): Promise<void> {
  await visit(page, `/editor/events/${eventId}/tickets`);
  const row = page.locator('tr[id^="order-"]').filter({ hasText: name });
  expect(await row.count(), `one order of ${name} on the desk`).toBe(1);
  expect(squash(await row.locator('.status').textContent())).toBe('Réservée');
  await submitAndWait(page, `Paiement reçu — ${name}`);
  expect(new URL(page.url()).pathname).toBe(`/editor/events/${eventId}/tickets`);
  expect(await flash(page)).toBe('Le paiement est enregistré ; les billets sont envoyés.');
  expect(squash(await row.locator('.status').textContent())).toBe('Payée');
  expect(await row.getByRole('button').count(), 'nothing left to do on a paid order').toBe(0);
}

describe('Ticketing of a demo evening, from the ticket box to the door', () => {
  it(
    'A contributor gets a free ticket without paying',
    async () => {
      const claire = await visitor();
      const page = claire.page;
      await logIn(page, CONTRIBUTOR.email, CONTRIBUTOR.password, EVENT_PATH);
      expect(new URL(page.url()).pathname).toBe(EVENT_PATH);
      await page.getByRole('heading', { level: 1, name: EVENING.title }).waitFor();

      // The registry knows her: the ticket box welcomes her and offers the contributor ticket.
      const box = page.locator('section.ticket-box');
      await box.getByText('Merci pour votre contribution au programme : votre place est offerte.', { exact: true }).waitFor();
      expect(await box.getByText('Vous avez contribué au programme ? Connectez-vous : votre place est offerte.').count()).toBe(0);
      const listed = (await box.locator('ul.ticket-types li').allTextContents()).map(squash);
      expect(listed.some((x) => x.startsWith('Contributeur·rice — Gratuit')), `listed types: ${listed.join(' | ')}`).toBe(true);
      const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
      expect(await ticketTypeOptions(form)).toContain('Contributeur·rice — Gratuit');

      // Name and email come from her account.
      expect(await form.getByLabel('Votre nom').inputValue()).toBe(CONTRIBUTOR.name);
      expect(await form.getByLabel('Adresse électronique').inputValue()).toBe(CONTRIBUTOR.email);
      expect(await form.getByLabel('Nombre de places').inputValue()).toBe('1');

      const orderPath = await order(page, 'Contributeur·rice');
      shared.contributorOrder = orderPath;
      expect(await flash(page)).toBe('C’est confirmé : vos billets vous ont été envoyés par courriel.');
      await page.getByRole('heading', { level: 1, name: 'Votre commande' }).waitFor();
      const facts = await orderFacts(page);
      expect(facts['Votre nom']).toBe(CONTRIBUTOR.name);
      expect(facts['Billet']).toBe('Contributeur·rice × 1');
      expect(facts['Total']).toBe('Gratuit');
      expect(squash(await page.locator('dl.facts .status').textContent())).toBe('Confirmée');
      // Nothing to pay: no payment instructions.
      expect(await page.getByText('Réglez par virement', { exact: false }).count()).toBe(0);

      // One QR code (an SVG image with a name) and its short code.
      const qr = page.locator('li.ticket svg[role="img"]');
      expect(await qr.count()).toBe(1);
      expect(await qr.getAttribute('aria-label')).toBe('QR code du billet n° 1');
      await page.getByRole('img', { name: 'QR code du billet n° 1', exact: true }).waitFor();
      const codes = await shortCodesOnOrderPage(page);
      expect(codes).toHaveLength(1);
      expect(codes[0]).toMatch(SHORT_CODE);
      shared.contributorCode = codes[0]!;
      expect(squash(await page.locator('li.ticket p').first().textContent())).toBe(`Billet n° 1 — ${codes[0]}`);

      // The email: the short code in the text, the QR code as a PNG, the evening as an .ics file.
      const mails = await multipartEmailsTo(server.dataDir, CONTRIBUTOR.email);
      const tickets = mails.filter((m) => m.subject === `Vos billets : ${EVENING.title}`);
      expect(tickets, `emails to ${CONTRIBUTOR.email}: ${mails.map((m) => m.subject).join(' | ')}`).toHaveLength(1);
      const mail = tickets[0]!;
      expect(mail.text).toContain(`Bonjour ${CONTRIBUTOR.name},`);
      expect(mail.text).toContain(codes[0]!);
      const pngs = mail.attachments.filter((a) => a.contentType === 'image/png');
      expect(pngs.map((a) => a.filename)).toEqual([`billet-1-${codes[0]}.png`]);
      expect(pngs[0]!.content.subarray(0, 8).equals(PNG_SIGNATURE), 'the QR attachment is a PNG').toBe(true);
      expect(pngs[0]!.content.length).toBeGreaterThan(200);
      const ics = mail.attachments.filter((a) => a.filename.endsWith('.ics'));
      expect(ics).toHaveLength(1);
      expect(ics[0]!.contentType).toBe('text/calendar');
      const calendar = unfoldIcs(ics[0]!.content.toString('utf8'));
      expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
      expect(calendar).toContain('BEGIN:VEVENT');
      expect(calendar).toContain(`SUMMARY:${EVENING.title.replace(/([,;])/g, '\\$1')}`);
      // The link in the email opens the same order page.
      expect(mail.text).toContain(`${server.baseUrl}${orderPath}`);

      claire.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'A member of the public reserves and is marked paid by the organiser',
    async () => {
      const guest = await visitor();
      const page = guest.page;
      await visit(page, EVENT_PATH);
      const box = page.locator('section.ticket-box');
      // Not logged in: a hint to log in, and no contributor ticket on offer in the form.
      await box.getByText('Vous avez contribué au programme ? Connectez-vous : votre place est offerte.', { exact: true }).waitFor();
      const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
      const options = await ticketTypeOptions(form);
      expect(options.some((o) => o.startsWith('Contributeur·rice')), `options: ${options.join(' | ')}`).toBe(false);
      expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^Plein tarif — 15,00 €$/), expect.stringMatching(/^Tarif solidaire — 5,00 €$/)]));
      expect(await form.getByLabel('Votre nom').inputValue()).toBe('');

      const orderPath = await order(page, 'Plein tarif', PUBLIC);
      shared.publicOrder = orderPath;
      expect(await flash(page)).toBe('Vos places sont réservées le temps du paiement.');
      let facts = await orderFacts(page);
      expect(facts['Votre nom']).toBe(PUBLIC.name);
      expect(facts['Billet']).toBe('Plein tarif × 1');
      expect(facts['Total']).toBe('15,00 €');
      expect(squash(await page.locator('dl.facts .status').textContent())).toBe('Réservée');
      expect(squash(await page.locator('article.order > p[role="status"]').textContent())).toMatch(/^Places réservées jusqu’au .+\.$/);
      // How to pay by transfer (issue 11): the account, the reference; information, not an error box.
      expect(facts['Référence du virement']).toMatch(/^OE-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const instructions = squash(await page.locator('section.payment-box').textContent());
      expect(instructions).toContain('Payer par virement');
      expect(instructions).toContain(facts['Référence du virement']!);
      expect(await page.locator('div.notice').count()).toBe(0);
      // No ticket before the payment.
      expect(await page.locator('li.ticket').count()).toBe(0);
      expect(await page.locator('svg[role="img"]').count()).toBe(0);

      // The reservation email links to this page.
      const reserved = (await emailsTo(server.dataDir, PUBLIC.email)).filter((m) => m.subject === `Votre réservation : ${EVENING.title}`);
      expect(reserved).toHaveLength(1);
      expect(reserved[0]!.text).toContain(`${server.baseUrl}${orderPath}`);

      // The organiser records the payment at the desk.
      const { admin, eventId } = await adminDesk();
      await markPaid(admin.page, eventId, PUBLIC.name);

      // The same link now shows the paid order with its QR code and short code.
      await visit(page, orderPath);
      facts = await orderFacts(page);
      expect(facts['Total']).toBe('15,00 €');
      expect(squash(await page.locator('dl.facts .status').textContent())).toBe('Payée');
      expect(await page.locator('div.notice[role="status"]').count(), 'no payment instructions once paid').toBe(0);
      await page.getByRole('img', { name: 'QR code du billet n° 1', exact: true }).waitFor();
      expect(await page.locator('li.ticket svg[role="img"]').count()).toBe(1);
      const codes = await shortCodesOnOrderPage(page);
      expect(codes).toHaveLength(1);
      expect(codes[0]).toMatch(SHORT_CODE);
      expect(codes[0]).not.toBe(shared.contributorCode);
      shared.publicCode = codes[0]!;

      // The tickets email: the code in the text and the QR code as a PNG.
      const mails = (await multipartEmailsTo(server.dataDir, PUBLIC.email)).filter((m) => m.subject === `Vos billets : ${EVENING.title}`);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.text).toContain(codes[0]!);
      const png = mail.attachments.find((a) => a.contentType === 'image/png');
      expect(png?.filename).toBe(`billet-1-${codes[0]}.png`);
      expect(png!.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(mail.attachments.some((a) => a.filename.endsWith('.ics') && a.contentType === 'text/calendar')).toBe(true);
      // "Retrouver vos billets ou annuler : <link>": the link must open the order.
      const link = /Retrouver vos billets ou annuler :\s*(\S+)/.exec(mail.text)?.[1] ?? '';
      expect(link.startsWith(`${server.baseUrl}/orders/`), `link in the tickets email: ${JSON.stringify(link)}`).toBe(true);
      const opened = await fetch(link, { redirect: 'manual' });
      expect
        .soft(opened.status, `the "Retrouver vos billets ou annuler" link of the tickets email sent after a desk payment (${link}) answers HTTP ${opened.status}`)
        .toBe(200);

      guest.assertClean();
      admin.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The organiser checks both in by typed code (with JavaScript: checkin.js or the plain form)',
    async () => {
      const contributorCode = need(shared.contributorCode, 'the contributor’s short code');
      const publicCode = need(shared.publicCode, 'the paid ticket’s short code');
      const eventId = need(shared.eventId, 'the evening’s id');
      const admin = await visitor();
      const page = admin.page;
      await logIn(page, ADMIN.email, ADMIN.password, `/editor/events/${eventId}/checkin`);
      expect(new URL(page.url()).pathname).toBe(`/editor/events/${eventId}/checkin`);
      expect(await checkinCounts(page)).toEqual({ checkedIn: 0, registered: 2, contributorsIn: 0, contributors: 1 });
      expect(await checkinResultText(page)).toBe('');

      // Consecutive expected verdicts always differ, so a verdict left from the previous code never passes for the next.
      const first = await typeCheckinCode(page, contributorCode, VERDICT.valid);
      expect(first.text).toContain(CONTRIBUTOR.name);
      expect(first.text).toMatch(/contributeur·rice/i);

      const again = await typeCheckinCode(page, contributorCode.toLowerCase(), VERDICT.already);
      expect(again.text).toContain(CONTRIBUTOR.name);
      expect(again.text).toMatch(/Déjà entré·e à /);

      const paid = await typeCheckinCode(page, publicCode, VERDICT.valid);
      expect(paid.text).toContain(PUBLIC.name);
      expect(paid.text).toContain('Plein tarif');
      expect(paid.text).not.toMatch(/contributeur·rice/i);

      const unknown = await typeCheckinCode(page, 'ZZZZ-ZZZZ', VERDICT.unknown);
      expect(unknown.text).not.toContain(CONTRIBUTOR.name);
      const modes = [first, again, paid, unknown].map((a) => a.mode);
      console.info(`check-in with JavaScript: the verdicts came ${modes.join(', ')} (in-place = checkin.js, posted = the plain form)`);

      // The counters follow (updated in place by checkin.js, or re-rendered with the posted page)…
      await expect.poll(() => checkinCounts(page), { timeout: 10_000 }).toEqual({ checkedIn: 2, registered: 2, contributorsIn: 1, contributors: 1 });
      // …and say the same once the page is loaded afresh.
      await visit(page, `/editor/events/${eventId}/checkin`);
      expect(squash(await page.locator('.checkin-counts').textContent())).toBe('2 / 2 présent·es · 1 / 1 contributeur·rices');
      // The desk shows who came in.
      await visit(page, `/editor/events/${eventId}/tickets`);
      const stats = (await page.getByRole('list', { name: 'Chiffres en direct' }).locator('li').allTextContents()).map(squash);
      expect(stats).toEqual(expect.arrayContaining(['2 inscrit·es', '2 entré·es', '1 contributeur·rices']));
      for (const name of [CONTRIBUTOR.name, PUBLIC.name]) {
        expect(squash(await page.locator('tr[id^="order-"]').filter({ hasText: name }).locator('.badge').textContent())).toBe('1 entré·e');
      }

      admin.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The check-in works without any JavaScript: the form posts and the page comes back with the verdict',
    async () => {
      const publicCode = need(shared.publicCode, 'the paid ticket’s short code');
      const eventId = need(shared.eventId, 'the evening’s id');

      // A third person, with a solidarity ticket paid at the desk, to have a ticket not yet checked in.
      const guest = await visitor();
      await visit(guest.page, EVENT_PATH);
      const latePath = await order(guest.page, 'Tarif solidaire', LATE);
      expect(squash(await guest.page.locator('dl.facts .status').textContent())).toBe('Réservée');
      const desk = await visitor();
      await logIn(desk.page, ADMIN.email, ADMIN.password, `/editor/events/${eventId}/tickets`);
      await markPaid(desk.page, eventId, LATE.name);
      await visit(guest.page, latePath);
      expect(squash(await guest.page.locator('dl.facts .status').textContent())).toBe('Payée');
      const [lateCode] = await shortCodesOnOrderPage(guest.page);
      expect(lateCode).toMatch(SHORT_CODE);

      const door = await visitorWithoutJavaScript();
      const page = door.page;
      await logIn(page, ADMIN.email, ADMIN.password, `/editor/events/${eventId}/checkin`);
      expect(new URL(page.url()).pathname).toBe(`/editor/events/${eventId}/checkin`);
      expect(await checkinCounts(page)).toEqual({ checkedIn: 2, registered: 3, contributorsIn: 1, contributors: 1 });

      const already = await typeCheckinCode(page, publicCode, VERDICT.already);
      expect(already.mode).toBe('posted');
      expect(already.text).toContain(PUBLIC.name);
      expect(new URL(page.url()).pathname).toBe(`/editor/events/${eventId}/checkin`);

      const valid = await typeCheckinCode(page, lateCode!, VERDICT.valid);
      expect(valid.mode).toBe('posted');
      expect(valid.text).toContain(LATE.name);
      expect(valid.text).toContain('Tarif solidaire');
      expect(await checkinCounts(page)).toEqual({ checkedIn: 3, registered: 3, contributorsIn: 1, contributors: 1 });

      const unknown = await typeCheckinCode(page, 'ZZZZ-ZZZZ', VERDICT.unknown);
      expect(unknown.mode).toBe('posted');
      expect(await checkinCounts(page)).toEqual({ checkedIn: 3, registered: 3, contributorsIn: 1, contributors: 1 });

      guest.assertClean();
      desk.assertClean();
      door.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'No serious or critical axe violation on the event page (anonymous and as a contributor) and the order pages',
    async () => {
      const contributorOrder = need(shared.contributorOrder, 'the contributor’s order link');
      const publicOrder = need(shared.publicOrder, 'the paid order link');

      const anonymous = await visitor();
      await visit(anonymous.page, EVENT_PATH);
      await audit(anonymous.page, `GET ${EVENT_PATH} (anonymous)`);
      await visit(anonymous.page, publicOrder);
      await audit(anonymous.page, 'GET /orders/… (paid order, anonymous with its link)');

      const claire = await visitor();
      await logIn(claire.page, CONTRIBUTOR.email, CONTRIBUTOR.password, EVENT_PATH);
      await claire.page.locator('section.ticket-box').waitFor();
      await audit(claire.page, `GET ${EVENT_PATH} (as contributor)`);
      await visit(claire.page, contributorOrder);
      await audit(claire.page, 'GET /orders/… (confirmed contributor order)');

      anonymous.assertClean();
      claire.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'No serious or critical axe violation on the ticketing desk and the check-in page (empty, then with a verdict)',
    async () => {
      const eventId = need(shared.eventId, 'the evening’s id');
      const admin = await visitor();
      await logIn(admin.page, ADMIN.email, ADMIN.password, `/editor/events/${eventId}/tickets`);
      await audit(admin.page, `GET /editor/events/${eventId}/tickets`);
      await visit(admin.page, `/editor/events/${eventId}/checkin`);
      await audit(admin.page, `GET /editor/events/${eventId}/checkin`);
      // With a verdict shown (an unknown code changes nothing).
      await typeCheckinCode(admin.page, 'ZZZZ-ZZZZ', VERDICT.unknown);
      await audit(admin.page, `/editor/events/${eventId}/checkin with the verdict "Billet inconnu" shown`);
      admin.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'The transparency page counts the free contributor ticket of the evening',
    async () => {
      need(shared.contributorCode, 'the contributor’s ticket');
      const anonymous = await visitor();
      const page = anonymous.page;
      await visit(page, '/transparency');
      const table = page.getByRole('table', { name: 'Résultat et affectation de chaque soirée', exact: true });
      const headers = (await table.locator('thead th').allTextContents()).map(squash);
      const column = headers.indexOf('Places offertes aux contributeur·rices');
      expect(column, `columns: ${headers.join(' | ')}`).toBeGreaterThan(0);
      const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: EVENING.title, exact: true }) });
      expect(await row.count(), 'the evening is in the events table of /transparency').toBe(1);
      // The row header (th) and the cells (td), in column order.
      const cells = (await row.locator('th, td').allTextContents()).map(squash);
      const free = cells[column] ?? '';
      expect(free, `row: ${cells.join(' | ')}`).toMatch(/^\d+$/);
      expect(Number(free)).toBeGreaterThanOrEqual(1);
      anonymous.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it('The network guard: no page of any story tried to reach a host other than localhost', () => {
    expect(visitors.length, 'the stories opened their visitors').toBeGreaterThan(0);
    const external = visitors.flatMap((v) => v.externalRequests);
    expect(external, `requests to non-local hosts: ${external.join(', ')}`).toEqual([]);
  });
});
