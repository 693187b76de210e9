/**
 * End to end, in real Chromium against the built server: one language at a time (issue 11, item 5).
 * An English speaker (browser locale en-GB, so Accept-Language prefers English) arrives at the
 * root, is sent to the English site once, browses to an evening through the links, reserves a seat
 * and lands on their order page, all in English, and gets the email in English; the switch leads
 * to the same page in French and the French root stays reachable.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { emailsTo, startServer, type RunningServer } from './support/server.ts';
import { chooseTicketType, squash } from './support/tickets.ts';

const EVENING = { slug: 'soiree-science-ouverte', title: 'Soirée science ouverte : publier sans payer pour lire' };
const run = Math.random().toString(36).slice(2, 7);
const READER = { name: `Alex Reader ${run}`, email: `alex.reader.${run}@example.net` };

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const v of visitors) await v.close();
  await browser?.close();
  await server?.stop();
});

describe('One language at a time', () => {
  it(
    'An English speaker is sent to the English site, browses to an evening and reserves a seat, all in English',
    async () => {
      const v = await newVisitor(browser, server.baseUrl, { locale: 'en-GB' });
      visitors.push(v);
      const page = v.page;
      const lang = () => page.getAttribute('html', 'lang');
      const path = () => new URL(page.url()).pathname;

      // The first visit to the root follows Accept-Language, once.
      await visit(page, '/');
      expect(path()).toBe('/en/');
      expect(await lang()).toBe('en');
      expect(await page.locator('link[rel="alternate"][hreflang="fr"]').getAttribute('href')).toMatch(/\/$/);

      // The navigation leads on in English, to the evening.
      await Promise.all([page.waitForURL('**/en/events'), page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Evenings', exact: true }).click()]);
      expect(await lang()).toBe('en');
      await Promise.all([page.waitForURL(`**/en/events/${EVENING.slug}`), page.getByRole('link', { name: EVENING.title }).first().click()]);
      expect(await lang()).toBe('en');

      // The order form is in English, and so is the order page it leads to.
      const form = page.getByRole('form', { name: 'Reserve seats', exact: true });
      await chooseTicketType(form, 'Plein tarif', 'Ticket');
      await form.getByLabel('Your name').fill(READER.name);
      await form.getByLabel('Email address').fill(READER.email);
      await submitAndWait(page, 'Reserve');
      expect(path()).toMatch(/^\/en\/orders\/[^/]+$/);
      expect(await lang()).toBe('en');
      expect(squash(await page.locator('p.flash[role="status"]').first().textContent())).toBe('Your seats are held while you pay.');
      const violations = await seriousViolations(page);
      expect(violations, formatViolations(violations, 'GET /en/orders/… (English order page)')).toEqual([]);

      // The email is written in the buyer's language and links to the English order page.
      const mails = (await emailsTo(server.dataDir, READER.email)).filter((m) => m.subject === `Your reservation: ${EVENING.title}`);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`${server.baseUrl}${path()}?token=`);

      // The switch leads to the same page in French…
      const orderPath = path();
      await Promise.all([page.waitForURL((url) => url.pathname === orderPath.slice(3)), page.getByRole('link', { name: 'Français', exact: true }).click()]);
      expect(await lang()).toBe('fr');
      // …and the French root stays reachable: the first choice is not imposed again.
      await visit(page, '/');
      expect(path()).toBe('/');
      expect(await lang()).toBe('fr');
      v.assertClean();
    },
    120_000,
  );
});
