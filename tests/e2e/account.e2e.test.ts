/**
 * One's own account, end to end in Chromium against the built server (issue 11): the demo
 * contributor, with a free seat at a coming evening and royalties from the book's sales, finds
 * both on /account; then she deletes her account, and her address is gone from every table of the
 * database while the ledger still balances.
 *
 * The stories run in order: the second deletes the account the first looked at.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.ts';
import { bookBookSale, ledgerTotal, listRoyalties, payRoyalties } from '../../src/modules/ledger/index.ts';
import { formatCents } from '../../src/shared/money.ts';
import { findText } from '../support/find-text.ts';
import { formatViolations, logIn, seriousViolations, submitAndWait, visit } from './support/browser.ts';
import { e2eSession } from './support/session.ts';
import { chooseTicketType, squash } from './support/tickets.ts';

const CONTRIBUTOR = { email: 'contributor@example.org', password: 'open-experience-contributor', name: 'Claire Moreau' };
const EVENING = { slug: 'soiree-science-ouverte', title: 'Soirée science ouverte : publier sans payer pour lire' };
const TEST_TIMEOUT_MS = 120_000;

const session = e2eSession();

/** The server's own SQLite database, opened beside it (WAL: it keeps serving while the test reads). */
function serverDatabase(): Database {
  return createDatabase({ sqlitePath: path.join(session.server().dataDir, 'open-experience.sqlite') });
}

describe('One’s own account', () => {
  it(
    'A contributor with a ticket and royalties sees them on her account page',
    async () => {
      // The book sold ten copies, shared with Claire alone (150 € after manufacturing), and the
      // treasurer paid her 50 € of it, on top of what the demo's sales gave her already.
      const expected = { credited: 15_000, paid: 5_000, owed: 10_000 };
      const database = serverDatabase();
      try {
        const db = database.db;
        const claire = await db.selectFrom('users').select(['contributor_id']).where('email', '=', CONTRIBUTOR.email).executeTakeFirstOrThrow();
        const admin = await db.selectFrom('users').select(['id']).where('role', '=', 'admin').executeTakeFirstOrThrow();
        const contributorId = claire.contributor_id!;
        const already = (await listRoyalties(db)).find((r) => r.contributorId === contributorId);
        expected.credited += already?.credited ?? 0;
        expected.paid += already?.paid ?? 0;
        expected.owed += already?.owed ?? 0;
        const ctx = { db, actor: { id: admin.id, role: 'admin' as const, displayName: 'Admin', contributorId: null }, now: new Date() };
        await bookBookSale(ctx, { bookId: 1, title: 'Le livre du programme', quantity: 10, unitPrice: 2000, manufacturingCostPerCopy: 500, fees: 0, contributors: [{ contributorId, weight: 1 }], key: 'e2e-account-sale' });
        await payRoyalties(ctx, { contributorId, amount: 5000, key: 'e2e-account-payout' });
      } finally {
        await database.close();
      }

      const v = await session.visitor();
      const page = v.page;
      await logIn(page, CONTRIBUTOR.email, CONTRIBUTOR.password, `/events/${EVENING.slug}`);
      const form = page.getByRole('form', { name: 'Réserver des places', exact: true });
      await chooseTicketType(form, 'Contributeur·rice');
      await submitAndWait(page, 'Réserver');
      expect(new URL(page.url()).pathname).toMatch(/^\/orders\//);

      // The header leads to the account page.
      await page.getByRole('link', { name: CONTRIBUTOR.name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

      const tickets = page.locator('section#tickets');
      await tickets.getByRole('heading', { name: 'Soirées à venir' }).waitFor();
      await tickets.getByRole('link', { name: EVENING.title }).waitFor();
      expect(await tickets.locator('.ticket-qr svg').count()).toBe(1);
      const ics = await tickets.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).getAttribute('href');
      const calendar = await page.request.get(ics!);
      expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
      await tickets.getByRole('button', { name: 'Annuler ma venue' }).waitFor();

      const profile = page.locator('section#profile');
      expect(await profile.locator('.contribution-list li').count()).toBeGreaterThan(0);
      await profile.getByRole('checkbox', { name: /Apparaître sous mon nom/ }).waitFor();

      const royalties = squash(await page.locator('section[aria-labelledby="royalties-heading"]').textContent());
      const shown = (cents: number) => squash(formatCents(cents, 'fr'));
      expect(royalties).toContain(`Droits acquis${shown(expected.credited)}`);
      expect(royalties).toContain(`Déjà versés${shown(expected.paid)}`);
      expect(royalties).toContain(`Restant dû${shown(expected.owed)}`);

      const violations = await seriousViolations(page);
      expect(violations, formatViolations(violations, 'GET /account')).toEqual([]);

      // The same page in English.
      await visit(page, '/en/account');
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      await page.locator('section#tickets').getByRole('heading', { name: 'My tickets' }).waitFor();
      await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
      const english = await seriousViolations(page);
      expect(english, formatViolations(english, 'GET /en/account')).toEqual([]);
      v.assertClean();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'A contributor deletes her account: her address is erased from the whole database, the ledger still balances',
    async () => {
      const database = serverDatabase();
      try {
        const db = database.db;
        const profileEmail = (await db.selectFrom('contributors').innerJoin('users', 'users.contributor_id', 'contributors.id').select('contributors.email').where('users.email', '=', CONTRIBUTOR.email).executeTakeFirstOrThrow()).email!;
        expect((await findText(db, CONTRIBUTOR.email)).length).toBeGreaterThan(0);
        const before = await db.selectFrom('ledger_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

        const v = await session.visitor();
        const page = v.page;
        await logIn(page, CONTRIBUTOR.email, CONTRIBUTOR.password, '/account');
        const danger = page.getByRole('form', { name: 'Supprimer mon compte' });
        // Without ticking the box, the error summary names the field and links to it.
        await danger.getByLabel('Mot de passe actuel').fill(CONTRIBUTOR.password);
        await submitAndWait(page, 'Supprimer définitivement mon compte');
        const summary = page.locator('section#delete .error-summary a');
        expect(squash(await summary.textContent())).toBe('Je comprends que c’est définitif : Cochez la case pour confirmer.');
        await page.getByRole('form', { name: 'Supprimer mon compte' }).getByLabel('Mot de passe actuel').fill(CONTRIBUTOR.password);
        await page.getByRole('form', { name: 'Supprimer mon compte' }).getByRole('checkbox', { name: 'Je comprends que c’est définitif' }).check();
        await submitAndWait(page, 'Supprimer définitivement mon compte');
        expect(new URL(page.url()).pathname).toBe('/');
        await page.getByText('Votre compte est supprimé et vos données personnelles effacées.').waitFor();
        await page.getByRole('link', { name: 'Se connecter' }).first().waitFor({ state: 'attached' });

        expect(await findText(db, CONTRIBUTOR.email)).toEqual([]);
        expect(await findText(db, profileEmail)).toEqual([]);
        // The ledger is never rewritten: the same lines, still balanced.
        const after = await db.selectFrom('ledger_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
        expect(await ledgerTotal(db)).toMatchObject({ total: 0, unbalanced: 0 });
        // The seat stays taken, anonymised; the public registry no longer names her.
        const seat = await db.selectFrom('orders').innerJoin('events', 'events.id', 'orders.event_id').select(['orders.name', 'orders.status']).where('events.slug', '=', EVENING.slug).where('orders.name', '=', 'Anonyme').execute();
        expect(seat).toEqual([{ name: 'Anonyme', status: 'confirmed' }]);
        await visit(page, '/contributors');
        expect(await page.getByText(CONTRIBUTOR.name).count()).toBe(0);
        v.assertClean();
      } finally {
        await database.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
