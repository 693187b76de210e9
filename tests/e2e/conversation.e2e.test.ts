/**
 * End to end, in real Chromium against the built server (demo programme): a visitor comments, an
 * editor approves, the comment shows and the visitor's next comment shows at once; a reader finds
 * a piece by a French word typed without its accents; the pages involved pass axe-core.
 */
import { describe, expect, it } from 'vitest';
import { formatViolations, logIn, seriousViolations, visit, type Visitor } from './support/browser.ts';
import { e2eSession } from './support/session.ts';

const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };
const PIECE = '/pieces/ce-que-coute-vraiment-l-open-data';

const session = e2eSession();
const visitor = () => session.visitor();

async function expectAccessible(v: Visitor, where: string) {
  const violations = await seriousViolations(v.page);
  expect.soft(violations, formatViolations(violations, where)).toEqual([]);
}

/** Fills the comment form like a person: the site refuses forms sent in less than three seconds. */
async function writeComment(v: Visitor, fields: { name: string; email: string; text: string }) {
  const page = v.page;
  await visit(page, PIECE);
  await Promise.all([page.waitForURL(`**${PIECE}/comment`, { waitUntil: 'load' }), page.getByRole('link', { name: 'Écrire un commentaire' }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Laisser un commentaire' }).waitFor();
  await page.getByLabel('Nom').fill(fields.name);
  await page.getByLabel('Adresse électronique').fill(fields.email);
  await page.getByRole('textbox', { name: 'Commentaire' }).fill(fields.text);
  await page.waitForTimeout(3_200);
  await Promise.all([page.waitForURL((url) => url.pathname === PIECE, { waitUntil: 'load' }), page.getByRole('button', { name: 'Publier le commentaire' }).click()]);
}

describe('Comments, moderated', () => {
  it(
    'A visitor comments and the comment waits; an editor approves it and it shows; the visitor’s second comment shows at once',
    async () => {
      const run = Math.random().toString(36).slice(2, 7);
      const reader = { name: `Lison Lectrice ${run}`, email: `lison.${run}@example.net` };
      const first = `Merci pour ces chiffres, très utiles (${run}).`;
      const second = `Et une question de suivi (${run}) : qui paie l’hébergement ?`;

      const v = await visitor();
      await visit(v.page, PIECE);
      await v.page.getByRole('heading', { level: 2, name: /Commentaires/ }).waitFor();
      await expectAccessible(v, `GET ${PIECE}`);
      await writeComment(v, { ...reader, text: first });
      await v.page.getByText('Votre commentaire sera publié dès qu’un membre de la rédaction l’aura relu.').waitFor();
      expect(await v.page.getByText(first).count()).toBe(0);

      const editor = await visitor();
      await logIn(editor.page, EDITOR.email, EDITOR.password, '/editor/conversation');
      await visit(editor.page, '/editor/conversation');
      await expectAccessible(editor, 'GET /editor/conversation');
      const item = editor.page.locator('article.queue-item').filter({ hasText: first });
      expect(await item.count()).toBe(1);
      expect(await item.textContent()).toContain(reader.email);
      await Promise.all([editor.page.waitForURL('**/editor/conversation', { waitUntil: 'load' }), item.getByRole('button', { name: 'Approuver' }).click()]);
      await editor.page.getByText('C’est publié.').waitFor();

      await visit(v.page, PIECE);
      const shown = v.page.locator('article.comment').filter({ hasText: first });
      expect(await shown.count()).toBe(1);
      expect(await shown.locator('.author-name').textContent()).toBe(reader.name);
      expect((await v.page.content()).toLowerCase()).not.toContain(reader.email);

      await writeComment(v, { ...reader, text: second });
      await v.page.getByText('Merci, votre commentaire est publié.').waitFor();
      expect(await v.page.locator('article.comment').filter({ hasText: second }).count()).toBe(1);
      expect(new URL(v.page.url()).hash).toMatch(/^#comment-\d+$/);

      // The page a visitor sees next, anonymous, shows both without their email.
      const other = await visitor();
      await visit(other.page, PIECE);
      expect(await other.page.locator('article.comment').filter({ hasText: run }).count()).toBe(2);
      expect((await other.page.content()).toLowerCase()).not.toContain(reader.email);

      v.assertClean();
      editor.assertClean();
      other.assertClean();
    },
    120_000,
  );
});

describe('Search', () => {
  it(
    'A reader finds a piece by a French word typed without its accents',
    async () => {
      const v = await visitor();
      await visit(v.page, '/');
      await Promise.all([v.page.waitForURL('**/search', { waitUntil: 'load' }), v.page.getByRole('contentinfo').getByRole('link', { name: 'Rechercher' }).click()]);
      await v.page.getByLabel('Mots recherchés').fill('donnees orphelines');
      await Promise.all([v.page.waitForURL('**/search?q=*', { waitUntil: 'load' }), v.page.getByRole('button', { name: 'Rechercher' }).click()]);
      const result = v.page.locator('article.search-result').filter({ hasText: 'orphelin' }).first();
      await result.waitFor();
      expect(await result.locator('mark').first().textContent()).toMatch(/^données$/i);
      await expectAccessible(v, 'GET /search?q=donnees+orphelines');
      await Promise.all([v.page.waitForURL('**/pieces/defi-qui-doit-payer-la-mise-a-jour-des-donnees-orphelines', { waitUntil: 'load' }), result.getByRole('link').first().click()]);
      await v.page.getByRole('heading', { level: 1, name: /données orphelin/ }).waitFor();
      v.assertClean();
    },
    60_000,
  );
});

describe('Sharing and the other pages of the conversation are accessible', () => {
  it(
    'A reader copies a piece’s link; the comment and response forms, a challenge’s page, the feeds and search pages have no serious axe violation',
    async () => {
      const v = await visitor();
      await v.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server().baseUrl });
      await visit(v.page, PIECE);
      await v.page.getByRole('button', { name: 'Copier le lien' }).click();
      await v.page.getByText('Lien copié.').waitFor();
      expect(await v.page.evaluate(() => navigator.clipboard.readText())).toBe(`${session.server().baseUrl}${PIECE}`);
      for (const path of [`${PIECE}/comment`, '/pieces/defi-qui-doit-payer-la-mise-a-jour-des-donnees-orphelines', '/pieces/defi-qui-doit-payer-la-mise-a-jour-des-donnees-orphelines/respond', '/feeds', '/search']) {
        await visit(v.page, path);
        await expectAccessible(v, `GET ${path}`);
      }
      v.assertClean();
    },
    60_000,
  );
});
