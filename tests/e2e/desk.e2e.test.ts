/**
 * The desk at scale in real Chromium against the built server and the demo programme: a person
 * picker searches as one types (the editors' JSON search), and the paged account list passes axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const v of visitors) await v.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('Person pickers search as you type', () => {
  it(
    'An admin links an account to a contributor profile by typing part of the name, and the list passes axe',
    async () => {
      const v = await newVisitor(browser, server.baseUrl);
      visitors.push(v);
      const page = v.page;
      await logIn(page, ADMIN.email, ADMIN.password, '/editor/users');
      await visit(page, '/editor/users?q=editor%40example.org');
      const row = page.locator('tbody tr').first();
      const search = row.getByRole('searchbox', { name: /Chercher une personne/ });
      const select = row.getByRole('combobox', { name: 'Fiche de contributeur·rice' });
      await search.fill('yannick');
      await expect.poll(async () => select.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Aucune fiche', 'Yannick Le Goff']);
      await select.selectOption({ label: 'Yannick Le Goff' });
      await submitAndWait(page, 'Enregistrer');
      expect(await page.locator('.flash, [role="status"]').first().textContent()).toContain('Le compte est mis à jour.');
      await visit(page, '/editor/users?q=editor%40example.org');
      expect(await page.locator('tbody tr').first().getByRole('combobox', { name: 'Fiche de contributeur·rice' }).inputValue()).not.toBe('');
      const violations = await seriousViolations(page);
      expect(violations, formatViolations(violations, 'GET /editor/users')).toEqual([]);
      v.assertClean();
    },
    90_000,
  );
});
