/**
 * The collaborative map in real Chromium, against the built server (fresh database, demo accounts):
 * an editor imports organisations; a visitor filters the map by theme and opens an organisation
 * from its marker with the keyboard; a visitor suggests an organisation, confirms it from the
 * email, an editor accepts it and it appears on the map; axe-core finds no serious or critical
 * violation on the map and directory pages; no page is wider than a 390 px phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, submitAndWait, visit, type Visitor } from './support/browser.ts';
import { emailsTo, startServer, type RunningServer } from './support/server.ts';

const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };

const CSV = [
  'name,country,city,lat,lng,themes,business_models,legal_form,founded_year,description',
  'Framasoft,FR,Lyon,45.7640,4.8357,free-software,donations-crowdfunding;services-consulting,association,2004,"Dégooglisons Internet, une association d’éducation populaire."',
  'Open Food Network,AU,Melbourne,-37.8136,144.9631,open-data,membership-subscription,cooperative,2012,Des circuits courts en logiciel libre.',
  'Prusa Research,CZ,Prague,50.0755,14.4378,open-hardware,sales-products-hardware,company,2012,Des imprimantes 3D aux plans ouverts.',
  'Wikimédia France,FR,Paris,48.8566,2.3522,open-data;art-culture,donations-crowdfunding,association,2004,Les projets Wikimédia en France.',
  'La Myne,FR,Villeurbanne,45.7719,4.8902,open-science,membership-subscription,association,2015,Un laboratoire citoyen.',
].join('\n');

let server: RunningServer;
let browser: Browser;
const visitors: Visitor[] = [];

async function visitor(options: { width?: number } = {}): Promise<Visitor> {
  const v = await newVisitor(browser, server.baseUrl);
  if (options.width) await v.page.setViewportSize({ width: options.width, height: 800 });
  visitors.push(v);
  return v;
}

/** Waits until the map is drawn clustered, and the browser's own clusters have taken over. */
async function mapReady(page: Page): Promise<void> {
  await page.locator('#map[data-ready="true"]').waitFor();
  if ((await page.locator('#map').getAttribute('data-mode')) === 'browse') await page.locator('#map[data-indexed="true"]').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // An editor imports the first organisations (the dry run first, then for real).
  const v = await visitor();
  await logIn(v.page, EDITOR.email, EDITOR.password, '/editor/map/import');
  await visit(v.page, '/editor/map/import');
  await v.page.getByLabel('Fichier').setInputFiles({ name: 'organisations.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await submitAndWait(v.page, 'Importer');
  await v.page.getByText('Aperçu : 5 à créer').waitFor();
  await v.page.getByLabel('Fichier').setInputFiles({ name: 'organisations.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await v.page.getByLabel('Importer', { exact: true }).check();
  await submitAndWait(v.page, 'Importer');
  await v.page.getByText('Import effectué : 5 créées').waitFor();
  v.assertClean();
}, 120_000);

afterAll(async () => {
  for (const v of visitors) await v.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('The collaborative map', () => {
  it(
    'A visitor filters the map by theme and opens an organisation from its marker, with the keyboard',
    async () => {
      const v = await visitor();
      await visit(v.page, '/map');
      await mapReady(v.page);
      expect(await v.page.locator('#map').getAttribute('data-points')).toBe('5');
      await v.page.getByRole('checkbox', { name: /Logiciel libre et open source/ }).check();
      await submitAndWait(v.page, 'Filtrer');
      expect(new URL(v.page.url()).searchParams.getAll('theme')).toEqual(['free-software']);
      await mapReady(v.page);
      expect(await v.page.locator('#map').getAttribute('data-points')).toBe('1');
      await expect.poll(() => v.page.locator('#map-list-items .org-name').allTextContents()).toEqual(['Framasoft']);
      // The one marker, reached and pressed with the keyboard, opens its popup.
      const marker = v.page.locator('.map-point[role="button"]').first();
      await marker.focus();
      await v.page.keyboard.press('Enter');
      const open = v.page.locator('.leaflet-popup').getByRole('link', { name: 'Voir la fiche' });
      await open.waitFor();
      await Promise.all([v.page.waitForURL('**/map/organisations/framasoft'), open.click()]);
      await v.page.getByRole('heading', { level: 1, name: 'Framasoft' }).waitFor();
      await mapReady(v.page);
      v.assertClean();
    },
    90_000,
  );

  it(
    'A visitor suggests an organisation, an editor accepts it, and it appears on the map',
    async () => {
      const v = await visitor();
      await visit(v.page, '/map/suggest');
      await v.page.getByLabel('Nom de l’organisation').fill('Atelier Partagé de Grenoble');
      await v.page.getByLabel('Ville').fill('Grenoble');
      await v.page.getByLabel('Pays').selectOption('FR');
      await v.page.getByRole('checkbox', { name: 'Fabrication et matériel ouverts' }).check();
      await v.page.getByLabel('Votre nom').fill('Camille');
      await v.page.getByLabel('Votre adresse électronique').fill('camille@example.net');
      await submitAndWait(v.page, 'Envoyer la proposition');
      await v.page.getByRole('heading', { name: 'Merci !' }).waitFor();
      // The confirmation email (written by the server's outbox worker).
      let link: string | undefined;
      await expect
        .poll(async () => {
          link = (await emailsTo(server.dataDir, 'camille@example.net'))[0]?.text.match(/https?:\/\/\S+/)?.[0];
          return link;
        }, { timeout: 15_000 })
        .toBeTruthy();
      await visit(v.page, new URL(link!).pathname + new URL(link!).search);
      await submitAndWait(v.page, 'Confirmer');
      await v.page.getByText('Votre proposition est confirmée').waitFor();

      const editor = await visitor();
      await logIn(editor.page, EDITOR.email, EDITOR.password, '/editor/map');
      await visit(editor.page, '/editor/map');
      await Promise.all([editor.page.waitForURL('**/editor/map/suggestions/*'), editor.page.getByRole('link', { name: 'Atelier Partagé de Grenoble' }).click()]);
      await editor.page.getByRole('table', { name: 'Changements proposés' }).waitFor();
      await submitAndWait(editor.page, 'Accepter');
      await editor.page.getByText('Proposition acceptée').waitFor();

      await visit(v.page, '/map?theme=open-hardware');
      await mapReady(v.page);
      expect(await v.page.locator('#map').getAttribute('data-points')).toBe('2');
      await expect.poll(() => v.page.locator('#map-list-items .org-name').allTextContents()).toContain('Atelier Partagé de Grenoble');
      v.assertClean();
      editor.assertClean();
    },
    120_000,
  );

  it(
    'A visitor finds no serious or critical axe violation on the map and directory pages',
    async () => {
      const v = await visitor();
      for (const path of ['/map', '/map?theme=open-data', '/map/organisations/framasoft', '/map/directory', '/map/themes/open-data', '/map/models/donations-crowdfunding', '/map/suggest', '/map/embed']) {
        await visit(v.page, path);
        if (path.startsWith('/map/suggest') || (await v.page.locator('#map').count())) await mapReady(v.page);
        const violations = await seriousViolations(v.page);
        expect.soft(violations, formatViolations(violations, `GET ${path}`)).toEqual([]);
      }
      v.assertClean();
    },
    120_000,
  );

  it(
    'A visitor on a 390 px phone never scrolls sideways on the map’s pages',
    async () => {
      const v = await visitor({ width: 390 });
      for (const path of ['/map', '/map/organisations/framasoft', '/map/directory', '/map/themes/open-data', '/map/suggest', '/map/embed']) {
        await visit(v.page, path);
        const width = await v.page.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(width, path).toBeLessThanOrEqual(390);
      }
      v.assertClean();
    },
    60_000,
  );
});
