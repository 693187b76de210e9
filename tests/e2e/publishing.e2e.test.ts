/**
 * End to end, in real Chromium against the built server: a proposal from the public goes through
 * the editors' desk to the home page, credited, licensed, and without leaking the proposer's email.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newVisitor, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { emailsTo, startServer, type RunningServer } from './support/server.ts';

const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };
const CC_BY_SA = /^https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/?/;

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

/** Emails leave through the outbox a moment after the request that caused them: wait for them. */
async function waitForEmails(address: string, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await emailsTo(server.dataDir, address);
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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

describe('Publishing, from a public proposal to the home page', () => {
  it(
    'A visitor proposes an article; an editor reviews and publishes it; it appears on the home page with its author credited and its licence shown; the author’s contributor page lists it',
    async () => {
      const run = Math.random().toString(36).slice(2, 7);
      const proposer = {
        name: `Inès Proposante ${run}`,
        email: `ines.proposante.${run}@example.net`,
      };
      const title = `Vivre des communs numériques, essai ${run}`;
      const pitch = 'Comment des coopératives du logiciel libre financent leur travail sans fermer leur code.';
      const draft = '## Premiers constats\n\nUn brouillon **en Markdown**, écrit pour le test de bout en bout.';

      // 1. An anonymous visitor proposes an article.
      const anonymous = await visitor();
      const page = anonymous.page;
      await visit(page, '/propose');
      await page.getByLabel('Votre nom').fill(proposer.name);
      await page.getByLabel('Adresse électronique').fill(proposer.email);
      await page.getByLabel('Titre proposé').fill(title);
      await page.getByLabel('Votre idée en quelques lignes').fill(pitch);
      await page.getByLabel('Brouillon (facultatif)').fill(draft);
      await Promise.all([
        page.waitForURL('**/propose/thanks', { waitUntil: 'load' }),
        page.getByRole('button', { name: 'Envoyer ma proposition' }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: 'Merci pour votre proposition !' }).waitFor();

      // 2. The proposer got a confirmation email (the local outbox stands in for SMTP).
      const mails = await waitForEmails(proposer.email, 1);
      expect(mails, `no email to ${proposer.email} in ${server.dataDir}/outbox`).toHaveLength(1);
      expect(mails[0]!.subject).toContain(title);
      expect(mails[0]!.text).toContain(proposer.name);
      expect(mails[0]!.text).toContain(title);

      // 3. An editor logs in and opens the proposal from the list.
      const editor = await visitor();
      const desk = editor.page;
      await logIn(desk, EDITOR.email, EDITOR.password, '/editor');
      expect(new URL(desk.url()).pathname).toBe('/editor');
      await visit(desk, '/editor/proposals');
      await Promise.all([
        desk.waitForURL(/\/editor\/proposals\/\d+$/, { waitUntil: 'load' }),
        desk.getByRole('link', { name: title, exact: true }).click(),
      ]);
      await desk.getByRole('heading', { level: 1, name: title }).waitFor();
      // Editors see the private address, so they can answer.
      expect(await desk.getByRole('link', { name: proposer.email }).count()).toBe(1);

      // 4. Accepting opens the piece in the editing page, submitted and credited to the proposer.
      await Promise.all([
        desk.waitForURL(/\/studio\/pieces\/\d+$/, { waitUntil: 'load' }),
        desk.getByRole('button', { name: 'Accepter et ouvrir la relecture' }).click(),
      ]);
      const pieceEditUrl = desk.url();
      await desk.getByText('Proposition acceptée').waitFor();
      expect(await desk.locator('.workflow-panel .status').textContent()).toBe('Soumis');
      expect(await desk.locator('#f-title').inputValue()).toBe(title);
      const slug = await desk.locator('#f-slug').inputValue();
      expect(slug).toMatch(/^[a-z0-9-]+$/);

      // 5. Start the review, then publish now (the date is left empty).
      await submitAndWait(desk, 'Commencer la relecture');
      expect(desk.url()).toBe(pieceEditUrl);
      await desk.getByText('La relecture a commencé.').waitFor();
      expect(await desk.locator('.workflow-panel .status').textContent()).toBe('En relecture');
      expect(await desk.getByLabel('Date de publication (heure de Paris)').inputValue()).toBe('');
      await submitAndWait(desk, 'Publier');
      expect(desk.url()).toBe(pieceEditUrl);
      await desk.getByText('Le contenu est publié (ou programmé).').waitFor();
      expect(await desk.locator('.workflow-panel .status').textContent()).toBe('Publié');

      // 6. The public home page shows it, crediting the proposer.
      const publicHtml = new Map<string, string>();
      await visit(page, '/');
      publicHtml.set('home', await page.content());
      const card = page.locator('article.card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      expect(await card.count(), 'the new piece is not among the latest pieces on the home page').toBe(1);
      const cardCredits = (await card.locator('.credits').textContent())?.replace(/\s+/g, ' ').trim();
      expect(cardCredits).toBe(`Par ${proposer.name}`);

      // 7. The piece page shows its licence, in the page and in the JSON-LD.
      await Promise.all([
        page.waitForURL(`**/pieces/${slug}`, { waitUntil: 'load' }),
        card.getByRole('link', { name: title, exact: true }).click(),
      ]);
      publicHtml.set('piece', await page.content());
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const licenceLink = page.locator('article.piece .licence-box a[rel="license"]');
      expect(await licenceLink.count()).toBe(1);
      expect(await licenceLink.getAttribute('href')).toMatch(CC_BY_SA);
      expect(await licenceLink.textContent()).toBe('CC BY-SA 4.0');
      expect(await page.locator('article.piece .prose h2').textContent()).toBe('Premiers constats');

      const jsonLdSources = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(jsonLdSources).toHaveLength(1);
      const jsonLd = JSON.parse(jsonLdSources[0]!) as {
        headline: string;
        url: string;
        license: string;
        author: { '@type': string; name: string; url: string }[];
      };
      expect(jsonLd.headline).toBe(title);
      expect(jsonLd.url).toBe(`${server.baseUrl}/pieces/${slug}`);
      expect(jsonLd.license).toMatch(CC_BY_SA);
      expect(jsonLd.author).toHaveLength(1);
      expect(jsonLd.author[0]).toMatchObject({ '@type': 'Person', name: proposer.name });
      expect(jsonLd.author[0]!.url).toMatch(new RegExp(`^${server.baseUrl}/contributors/[a-z0-9-]+$`));

      // 8. The credit links to the proposer's contributor page, which lists the piece.
      const creditLink = page.locator('article.piece .credits').getByRole('link', { name: proposer.name, exact: true });
      await Promise.all([page.waitForURL(/\/contributors\/[a-z0-9-]+$/, { waitUntil: 'load' }), creditLink.click()]);
      expect(`${server.baseUrl}${new URL(page.url()).pathname}`).toBe(jsonLd.author[0]!.url);
      publicHtml.set('contributor page', await page.content());
      await page.getByRole('heading', { level: 1, name: proposer.name }).waitFor();
      const listed = page.locator('.contribution-list li').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      expect(await listed.count(), 'the piece is not listed on the contributor page').toBe(1);
      expect(await listed.getByRole('link', { name: title, exact: true }).getAttribute('href')).toMatch(new RegExp(`/pieces/${slug}$`));
      expect((await listed.textContent())?.replace(/\s+/g, ' ')).toContain('Texte —');

      // 9. The contributors' register lists the proposer too.
      await visit(page, '/contributors');
      publicHtml.set('contributors', await page.content());
      expect(await page.locator('.people').getByRole('link', { name: proposer.name, exact: true }).count()).toBe(1);

      // 10. The private email appears in none of those public pages, nor in what the server sent.
      for (const [name, html] of publicHtml) {
        expect(html.toLowerCase(), `the proposer's email leaks on the ${name} page`).not.toContain(proposer.email.toLowerCase());
      }
      for (const path of ['/', `/pieces/${slug}`, '/contributors', new URL(jsonLd.author[0]!.url).pathname, '/sitemap.xml']) {
        const body = await (await fetch(`${server.baseUrl}${path}`)).text();
        expect(body.toLowerCase(), `the proposer's email leaks in GET ${path}`).not.toContain(proposer.email.toLowerCase());
      }

      anonymous.assertClean();
      editor.assertClean();
    },
    90_000,
  );
});
