/**
 * End to end, in real Chromium against the built server: the transparent money of one evening.
 * An admin creates an evening and records its ticket income; an editor submits a logistics expense
 * for it; the admin (another person: four eyes) approves and pays it, then closes the evening, whose
 * surplus is split 50/50 into the visuals fund and the book editing fund; an anonymous visitor
 * follows it all on the public transparency page, down to the closing transaction and the CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };
const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

async function visitor(): Promise<Visitor> {
  const v = await newVisitor(browser, server.baseUrl);
  visitors.push(v);
  return v;
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

/** Text as people read it: every run of whitespace (no-break and narrow no-break spaces included) as one space. */
function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** "1 234,56 €" (French formatting, always two decimals) → 123456 cents. */
function cents(text: string | null): number {
  const t = squash(text);
  if (!/^-?[\d\s]+,\d{2}\s€$/.test(t)) throw new Error(`not a French euro amount: ${JSON.stringify(t)}`);
  return Number(t.replace(/[^\d-]/g, ''));
}

/** Clicks a submit button found inside `scope` (a table row, a form) and waits for the page that answers the POST. */
async function submitWithin(page: Page, scope: Locator, buttonName: string): Promise<void> {
  const button = scope.getByRole('button', { name: buttonName, exact: true });
  await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }), button.click()]);
  await page.waitForLoadState('load');
}

/** The flash message the page shows after a redirect. */
async function flash(page: Page): Promise<string> {
  return squash(await page.locator('p.flash').textContent());
}

/** A datetime-local value ("2026-03-14T19:00") `daysAgo` days before today, at `hour` o'clock (Paris time is what the form reads). */
function localDateTime(daysAgo: number, hour: number): string {
  const day = new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/** Allocated amount of each fund in the "Détail des fonds" table of /transparency, in cents. */
async function fundsAllocated(page: Page): Promise<Map<string, number>> {
  const table = page.getByRole('table', { name: 'Détail des fonds', exact: true });
  const result = new Map<string, number>();
  for (const row of await table.locator('tbody tr').all()) {
    const fund = squash(await row.locator('th').textContent());
    result.set(fund, cents(await row.locator('td').nth(0).textContent()));
  }
  return result;
}

describe('The money of an evening, from the desk to the transparency page', () => {
  it(
    'An admin records an evening’s logistics expenses, closes the evening, and the transparency page shows the surplus split into the two funds',
    async () => {
      const run = Math.random().toString(36).slice(2, 7);
      const title = `Soirée e2e ${run}`;
      const incomeDescription = `Billetterie à l’entrée — ${title}`;
      const expense = { amount: '210', payee: `Salle des fêtes ${run}`, description: `Location de la salle ${run}` };
      const split = '215,01 € aux visuels, 215,00 € à l’édition';

      // The anonymous visitor notes the funds before anything happens, to see the allocation arrive.
      const anonymous = await visitor();
      const pub = anonymous.page;
      await visit(pub, '/transparency');
      const fundsBefore = await fundsAllocated(pub);
      expect([...fundsBefore.keys()]).toEqual(expect.arrayContaining(['Fonds visuels', 'Fonds d’édition du livre']));

      // 1. The admin creates a published evening that already took place.
      const admin = await visitor();
      const desk = admin.page;
      await logIn(desk, ADMIN.email, ADMIN.password, '/editor/events/new');
      expect(new URL(desk.url()).pathname).toBe('/editor/events/new');
      await desk.getByLabel('Titre').fill(title);
      await desk.getByLabel('Début (heure de Paris)').fill(localDateTime(3, 19));
      await desk.getByLabel('Fin (heure de Paris)').fill(localDateTime(3, 22));
      await desk.getByLabel('Nombre de places').fill('40');
      await desk.getByLabel('État').selectOption({ label: 'Publiée' });
      await submitAndWait(desk, 'Enregistrer');
      const created = /^\/editor\/events\/(\d+)$/.exec(new URL(desk.url()).pathname);
      expect(created, `the event form did not redirect to the saved event (now at ${desk.url()}): ${await flash(desk)}`).not.toBeNull();
      const eventId = Number(created![1]);
      expect(await flash(desk)).toBe('La soirée est enregistrée.');

      // …and records its ticket income.
      await visit(desk, '/editor/ledger');
      const incomeForm = desk.getByRole('form', { name: 'Enregistrer une recette' });
      await incomeForm.getByLabel('Nature de la recette').selectOption({ label: 'Billetterie' });
      await incomeForm.getByLabel('Soirée concernée').selectOption({ label: title });
      await incomeForm.getByLabel('Montant (€)').fill('640,01');
      await incomeForm.getByLabel('Libellé').fill(incomeDescription);
      await submitWithin(desk, incomeForm, 'Enregistrer la recette');
      expect(new URL(desk.url()).pathname).toBe('/editor/ledger');
      expect(await flash(desk)).toBe('La recette est enregistrée au grand livre.');

      // 2. The editor, in another browser context, submits a logistics expense for that evening.
      const editor = await visitor();
      const edesk = editor.page;
      await logIn(edesk, EDITOR.email, EDITOR.password, '/editor/ledger');
      expect(new URL(edesk.url()).pathname).toBe('/editor/ledger');
      // Only admins record income.
      expect(await edesk.getByRole('form', { name: 'Enregistrer une recette' }).count()).toBe(0);
      const expenseForm = edesk.getByRole('form', { name: 'Soumettre une dépense' });
      await expenseForm.getByLabel('Catégorie').selectOption({ label: 'Logistique des soirées' });
      await expenseForm.getByLabel('Soirée concernée').selectOption({ label: title });
      await expenseForm.getByLabel('Montant (€)').fill(expense.amount);
      await expenseForm.getByLabel('Bénéficiaire').fill(expense.payee);
      await expenseForm.getByLabel('Libellé').fill(expense.description);
      // No receipt: the file field stays empty.
      await submitWithin(edesk, expenseForm, 'Soumettre la dépense');
      expect(new URL(edesk.url()).pathname).toBe('/editor/ledger');
      expect(await flash(edesk)).toBe('La dépense est soumise ; une autre personne de l’administration doit l’approuver.');

      // The editor sees their expense waiting for someone else, with nothing to approve or pay.
      const editorRow = edesk.locator('tr[id^="expense-"]').filter({ hasText: expense.description });
      expect(await editorRow.count()).toBe(1);
      expect(squash(await editorRow.locator('.status').textContent())).toBe('Soumise');
      expect(squash(await editorRow.locator('td').nth(0).textContent())).toContain(`Logistique des soirées · ${title} · ${expense.payee}`);
      expect(squash(await editorRow.locator('td.num').textContent())).toBe('210,00 €');
      expect(squash(await editorRow.locator('td').last().textContent())).toBe('En attente d’une autre personne de l’administration');
      expect(await editorRow.getByRole('button').count()).toBe(0);
      expect(await edesk.getByRole('button', { name: 'Approuver' }).count()).toBe(0);

      // 3. The admin (another person) approves it, then marks it paid.
      await visit(desk, '/editor/ledger');
      const adminRow = desk.locator('tr[id^="expense-"]').filter({ hasText: expense.description });
      expect(await adminRow.count()).toBe(1);
      expect(squash(await adminRow.locator('.status').textContent())).toBe('Soumise');
      await submitWithin(desk, adminRow, 'Approuver');
      expect(new URL(desk.url()).pathname).toBe('/editor/ledger');
      expect(await flash(desk)).toBe('La dépense est approuvée.');
      expect(squash(await adminRow.locator('.status').textContent())).toBe('Approuvée');

      await submitWithin(desk, adminRow, 'Marquer comme payée');
      expect(await flash(desk)).toBe('La dépense est payée et inscrite au grand livre.');
      expect(squash(await adminRow.locator('.status').textContent())).toBe('Payée');
      expect(await adminRow.getByRole('button').count()).toBe(0);
      expect(await adminRow.getByRole('link', { name: 'Voir l’opération' }).getAttribute('href')).toMatch(/^\/transparency\/transactions\/\d+$/);

      // 4. The admin closes the evening: 640,01 − 210,00 = 430,01, split 215,01 / 215,00.
      await visit(desk, '/editor/ledger/events');
      const closeRow = desk.locator('tbody tr').filter({ hasText: title });
      expect(await closeRow.count()).toBe(1);
      expect((await closeRow.locator('td.num').allTextContents()).map(squash)).toEqual(['640,01 €', '210,00 €', '430,01 €']);
      await submitWithin(desk, closeRow, `Clôturer « ${title} »`);
      expect(new URL(desk.url()).pathname).toBe('/editor/ledger/events');
      expect(await flash(desk)).toBe('Les comptes de la soirée sont clôturés et le résultat affecté.');
      const closedText = squash(await closeRow.locator('td').last().textContent());
      expect(closedText).toMatch(/^Clôturée le .+ — 215,01 € aux visuels, 215,00 € à l’édition$/);
      expect(closedText).toContain(split);
      expect(await closeRow.getByRole('button').count()).toBe(0);
      // The demo evening that is past but not closed still offers its button.
      expect(await desk.getByRole('button', { name: 'Clôturer « Soirée logiciel libre : financer la maintenance »', exact: true }).count()).toBe(1);

      // 5. An anonymous visitor reads it all on the transparency page.
      await visit(pub, '/transparency');
      expect(squash(await pub.locator('p.ledger-check').textContent())).toMatch(/^Le grand livre est équilibré : \d+ lignes d’écriture, total des débits égal au total des crédits\./);

      const eventsTable = pub.getByRole('table', { name: 'Résultat et affectation de chaque soirée', exact: true });
      const eventRow = eventsTable.locator('tbody tr').filter({ has: pub.getByRole('link', { name: title, exact: true }) });
      expect(await eventRow.count(), 'the evening is not in the events table of /transparency').toBe(1);
      const cells = (await eventRow.locator('td').allTextContents()).map(squash);
      expect(cells.slice(0, 4)).toEqual(['640,01 €', '210,00 €', '430,01 €', split]);

      const fundsAfter = await fundsAllocated(pub);
      expect(fundsAfter.get('Fonds visuels')! - fundsBefore.get('Fonds visuels')!).toBe(21501);
      expect(fundsAfter.get('Fonds d’édition du livre')! - fundsBefore.get('Fonds d’édition du livre')!).toBe(21500);

      // The allocation links to the closing transaction.
      const allocationLink = eventRow.getByRole('link', { name: split, exact: true });
      await Promise.all([pub.waitForURL('**/transparency/transactions?**', { waitUntil: 'load' }), allocationLink.click()]);
      const target = new URL(pub.url());
      expect(target.pathname).toBe('/transparency/transactions');
      expect(Object.fromEntries(target.searchParams)).toEqual({ event: String(eventId), cause: 'event_closure' });
      expect(squash(await pub.locator('p.lede').textContent())).toBe(`Opérations concernant : ${title} · Clôtures de soirées`);
      const closing = pub.locator('tbody.ledger-tx');
      expect(await closing.count(), 'exactly the closing transaction should be listed').toBe(1);
      expect(squash(await closing.locator('td').nth(1).textContent())).toBe(`Clôture des comptes de la soirée n° ${eventId}`);
      const lines = await closing.locator('tr').evaluateAll((rows) =>
        rows.map((row) => {
          const tds = Array.from(row.querySelectorAll('td'));
          // The first row also holds the date and description cells (rowspan): the line is the last three.
          return tds.slice(-3).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
        }),
      );
      expect(lines).toEqual([
        [`Billetterie · ${title}`, '640,01 €', ''],
        [`Logistique des soirées · ${title}`, '', '210,00 €'],
        [`Fonds visuels · ${title}`, '', '215,01 €'],
        [`Fonds d’édition du livre · ${title}`, '', '215,00 €'],
      ]);

      // 6. The CSV export, downloaded through the link on /transparency: the evening is there, no email address.
      await visit(pub, '/transparency');
      const [download] = await Promise.all([pub.waitForEvent('download'), pub.locator('p.ledger-check').getByRole('link', { name: 'CSV', exact: true }).click()]);
      expect(download.suggestedFilename()).toBe('open-experience-ledger.csv');
      const csvPath = await download.path();
      const csv = await readFile(csvPath, 'utf8');
      expect(csv.startsWith('\uFEFFtransaction_id,date,description,')).toBe(true);
      expect(csv).toContain(title);
      expect(csv).toContain(`Clôture des comptes de la soirée n° ${eventId}`);
      expect(csv).toMatch(new RegExp(`,funds:visuals,Fonds visuels,${eventId},${title},,215\\.01,EUR\\r\\n`));
      expect(csv).toMatch(new RegExp(`,funds:book_editing,Fonds d’édition du livre,${eventId},${title},,215\\.00,EUR\\r\\n`));
      expect(csv, 'the public CSV contains an "@" (an email address?)').not.toContain('@');
      // The same export fetched directly (no cookie) says the same.
      const fetched = await fetch(`${server.baseUrl}/transparency/export.csv`);
      expect(fetched.headers.get('content-type')).toMatch(/^text\/csv/);
      const fetchedCsv = await fetched.text();
      expect(fetchedCsv).toContain(title);
      expect(fetchedCsv).not.toContain('@');

      anonymous.assertClean();
      admin.assertClean();
      editor.assertClean();
    },
    120_000,
  );
});

describe('The money pages have no serious accessibility violations', () => {
  /** Visits each page and checks it with axe; every page is checked even when an earlier one fails. */
  async function auditPages(page: Page, paths: string[]): Promise<void> {
    for (const path of paths) {
      await visit(page, path);
      const violations = await seriousViolations(page);
      expect.soft(violations, formatViolations(violations, `GET ${path}`)).toEqual([]);
    }
  }

  it(
    'A visitor finds no serious or critical axe violation on /transparency, /transparency/transactions and /events',
    async () => {
      const v = await visitor();
      await auditPages(v.page, ['/transparency', '/transparency/transactions', '/events']);
      v.assertClean();
    },
    120_000,
  );

  it(
    'An admin finds no serious or critical axe violation on the ledger desk: expenses and closing the evenings',
    async () => {
      const v = await visitor();
      await logIn(v.page, ADMIN.email, ADMIN.password, '/editor/ledger');
      await auditPages(v.page, ['/editor/ledger', '/editor/ledger/events']);
      v.assertClean();
    },
    120_000,
  );
});
