/**
 * End to end, in Debian's Chromium against the built server (demo programme): the book. An editor
 * composes a book from three published pieces (reordering it with the keyboard's buttons), builds
 * it and follows the progress; a visitor downloads the EPUB (a ZIP whose first entry is the EPUB
 * mimetype); the admin prices it and opens the shop; a visitor orders a paper copy; the organiser
 * marks it paid and shipped, and the buyer's emails say so. The book's pages pass axe-core and are
 * never wider than a 390 px phone; nothing leaves localhost.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { emailsTo, startServer, type RunningServer } from './support/server.ts';

const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };
const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };
const run = Math.random().toString(36).slice(2, 7);
const SLUG = `livre-e2e-${run}`;
const BUYER = { name: `Lou Lectrice ${run}`, email: `lou.${run}@example.net` };
const TIMEOUT = 180_000;

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];
const shared: { bookPath?: string; pieceTitles?: string[] } = {};

async function visitor(width?: number): Promise<Visitor> {
  const v = await newVisitor(browser, server.baseUrl);
  if (width) await v.page.setViewportSize({ width, height: 800 });
  visitors.push(v);
  return v;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const v of visitors) await v.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the book', () => {
  it(
    'An editor composes a book from three pieces, builds it, and a visitor downloads the EPUB',
    async () => {
      const ed = await visitor();
      await logIn(ed.page, EDITOR.email, EDITOR.password, '/editor/books');
      await visit(ed.page, '/editor/books');
      await ed.page.locator('#f-title').fill(`Le livre de la soirée ${run}`);
      await ed.page.locator('#f-subtitle').fill('Synthèse des pièces publiées');
      await ed.page.locator('#f-slug').fill(SLUG);
      await submitAndWait(ed.page, 'Créer le livre');
      expect(ed.page.url()).toMatch(/\/editor\/books\/\d+$/);
      shared.bookPath = new URL(ed.page.url()).pathname;

      // Three published pieces of the demo programme, added one after the other.
      const options = await ed.page.locator('#f-add-piece_id option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? '' })).filter((o) => o.value));
      expect(options.length).toBeGreaterThanOrEqual(3);
      shared.pieceTitles = options.slice(0, 3).map((o) => o.label);
      for (const option of options.slice(0, 3)) {
        await ed.page.locator('#f-add-kind').selectOption('piece');
        await ed.page.locator('#f-add-piece_id').selectOption(option.value);
        await submitAndWait(ed.page, 'Ajouter');
      }
      await expect.poll(() => ed.page.locator('[data-entry-id]').count()).toBe(3);
      // The keyboard's way of reordering: the last chapter moves up.
      const last = ed.page.locator('[data-entry-id]').nth(2);
      const lastTitle = (await last.locator('.entry-title').textContent()) ?? '';
      await Promise.all([ed.page.waitForEvent('framenavigated'), last.getByRole('button', { name: /^Monter/ }).click()]);
      await ed.page.waitForLoadState('load');
      expect(await ed.page.locator('[data-entry-id] .entry-title').nth(1).textContent()).toBe(lastTitle);

      expect(formatViolations(await seriousViolations(ed.page), 'the book editor')).toMatch(/no serious or critical/);
      await submitAndWait(ed.page, 'Construire le livre (EPUB, PDF, HTML)');
      // The page follows the build (its script polls, then reloads when it is over).
      await ed.page.getByText('Réussie : les éditions publiées sont à jour').waitFor({ timeout: 120_000 });

      const reader = await visitor();
      await visit(reader.page, `/book/${SLUG}`);
      await reader.page.getByRole('heading', { level: 1, name: `Le livre de la soirée ${run}` }).waitFor();
      expect(await reader.page.textContent('body')).toMatch(/Empreinte du contenu/);
      const [download] = await Promise.all([reader.page.waitForEvent('download'), reader.page.getByRole('link', { name: 'EPUB (liseuses)' }).click()]);
      const epub = await download.path().then(async (p) => (await import('node:fs/promises')).readFile(p!));
      expect(epub.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      expect(epub.subarray(30, 38).toString('latin1')).toBe('mimetype');
      expect(epub.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
      await visit(reader.page, `/book/${SLUG}/html/index.html`);
      for (const title of shared.pieceTitles) expect(await reader.page.textContent('body')).toContain(title.slice(0, 20));
      ed.assertClean();
      reader.assertClean();
    },
    TIMEOUT,
  );

  it(
    'A visitor orders a paper copy and the organiser marks it paid and shipped',
    async () => {
      const admin = await visitor();
      await logIn(admin.page, ADMIN.email, ADMIN.password, shared.bookPath ?? '/editor/books');
      await visit(admin.page, shared.bookPath!);
      await admin.page.locator('#f-shop-unit_price').fill('18');
      await admin.page.locator('#f-shop-manufacturing_cost').fill('6');
      await admin.page.getByLabel('Boutique ouverte', { exact: false }).check();
      await submitAndWait(admin.page, 'Enregistrer le prix et la boutique');
      expect(await admin.page.textContent('body')).toContain('Prix et boutique enregistrés');

      const buyer = await visitor();
      await visit(buyer.page, `/book/${SLUG}`);
      await Promise.all([buyer.page.waitForURL(/\/shop$/), buyer.page.getByRole('link', { name: 'Commander un exemplaire' }).click()]);
      expect(formatViolations(await seriousViolations(buyer.page), 'the shop')).toMatch(/no serious or critical/);
      await buyer.page.locator('#f-quantity').fill('2');
      await buyer.page.locator('#f-shipping').selectOption('france');
      await buyer.page.locator('#f-name').fill(BUYER.name);
      await buyer.page.locator('#f-email').fill(BUYER.email);
      await buyer.page.locator('#f-address').fill('3 place des Lectures');
      await buyer.page.locator('#f-postal_code').fill('44000');
      await buyer.page.locator('#f-city').fill('Nantes');
      await buyer.page.locator('#f-country').fill('France');
      await submitAndWait(buyer.page, 'Commander');
      expect(await buyer.page.textContent('body')).toContain('Commandée, en attente de paiement');
      expect(await buyer.page.textContent('body')).toContain('45,00');
      const orderUrl = buyer.page.url();
      expect(formatViolations(await seriousViolations(buyer.page), 'the order page')).toMatch(/no serious or critical/);

      await visit(admin.page, '/editor/books/orders');
      const card = admin.page.locator('.order-list li', { hasText: BUYER.name });
      await expect.poll(() => card.count()).toBe(1);
      await Promise.all([admin.page.waitForEvent('framenavigated'), card.getByRole('button', { name: 'Marquer payée' }).click()]);
      await admin.page.waitForLoadState('load');
      await Promise.all([admin.page.waitForEvent('framenavigated'), admin.page.locator('.order-list li', { hasText: BUYER.name }).getByRole('button', { name: 'Marquer expédiée' }).click()]);
      await admin.page.waitForLoadState('load');
      expect(await admin.page.locator('.order-list li', { hasText: BUYER.name }).textContent()).toContain('Expédiée');

      await buyer.page.goto(orderUrl);
      expect(await buyer.page.textContent('body')).toContain('Expédiée');
      await expect.poll(async () => (await emailsTo(server.dataDir, BUYER.email)).map((m) => m.subject.split(':')[0]!.trim()), { timeout: 15_000 }).toEqual(['Votre commande', 'Paiement reçu', 'Votre livre est en route']);
      admin.assertClean();
      buyer.assertClean();
    },
    TIMEOUT,
  );

  it(
    'The book’s pages pass axe-core and fit a 390 px phone',
    async () => {
      const phone = await visitor(390);
      const pages = ['/book', `/book/${SLUG}`, `/book/${SLUG}/shop`, `/book/${SLUG}/html/index.html`, `/book/${SLUG}/html/single.html`, `/book/${SLUG}/html/about.html`];
      const chapter = `/book/${SLUG}/html/chapter-001.html`;
      for (const path of [...pages, chapter]) {
        await visit(phone.page, path);
        expect.soft(formatViolations(await seriousViolations(phone.page), path)).toMatch(/no serious or critical/);
        const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth > 390 ? Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > 391).slice(-3).map((e) => e.outerHTML.slice(0, 120)) : []);
        expect.soft(wide, path).toEqual([]);
      }
      phone.assertClean();
    },
    TIMEOUT,
  );
});
