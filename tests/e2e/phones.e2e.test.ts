/**
 * Phones (issue 11): no page may scroll sideways at 390 px. The public pages are every GET route the
 * app registers (app.routeList, read from an app built in this process), their ids and slugs taken
 * from the demo programme's own links; the desk pages are visited as the roles that use them. A
 * page fails when the document is wider than the window, and the report names what sticks out.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { logIn, visit } from './support/browser.ts';
import { e2eSession } from './support/session.ts';

const PHONE = { width: 390, height: 844 };
const EDITOR = { email: 'editor@example.org', password: 'open-experience-editor' };
const ADMIN = { email: 'admin@example.org', password: 'open-experience-admin' };
const CONTRIBUTOR = { email: 'contributor@example.org', password: 'open-experience-contributor' };

/**
 * GET routes that are not pages a person reads: files, feeds, machine endpoints, and pages that
 * only open from a secret link (an order's, a confirmation's) or for a logged-in person (below).
 */
/**
 * Public pages with an id that no public page of the demo links to: the demo has no series of
 * evenings, no organisation on the map and no built book yet, and a transaction's page is linked
 * from the desk only. Adding such content to the demo makes this test visit them (and fail here
 * until this list is shortened).
 */
const UNLINKED_IN_DEMO = ['/series/:slug', '/transparency/transactions/:id', '/book/:slug/html', '/map/organisations/:slug', '/map/organisations/:slug/suggest'];

const NOT_A_PAGE = [
  /\.(ics|xml|rss|atom|json|csv|geojson|txt|epub|pdf|png|svg|webmanifest)$/,
  /^\/static\//,
  /^\/media\//,
  /^\/(healthz|robots\.txt|sitemap\.xml|webmention|xmlrpc)$/,
  /^\/lang\//,
  /^\/api\//,
  /^\/feeds\/.+/,
  /^\/payments\//,
  /^\/orders\//,
  /^\/book\/orders\//,
  /\/confirm$/,
  /^\/map\/geocode$/,
  /^\/share\//,
  /\/:token$/,
  /\/(download|files)\//,
  /^\/(editor|studio)(\/|$)/,
  /^\/account$/,
  /^\/account\/(email|profile|password|delete|logout)/,
  /\*/,
];

/** The routes as the app registers them. */
async function registeredRoutes(): Promise<{ method: string; url: string }[]> {
  const t = await createTestApp('sqlite');
  try {
    return [...t.app.routeList];
  } finally {
    await t.close();
  }
}

/** A route pattern as a regular expression over paths (`:slug` is one path segment). */
function patternOf(url: string): RegExp {
  const escaped = url.split('/').map((part) => (part.startsWith(':') ? '[^/?#]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('/')}$`);
}

/** Same-site links of the current page, as paths. */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs.flatMap((href) => {
    if (!URL.canParse(href)) return [];
    const url = new URL(href);
    return url.origin === origin ? [decodeURI(url.pathname)] : [];
  });
}

/** How much wider than the window the document is, and the outermost elements that stick out ('forbidden' for a desk page this role may not open). */
async function overflowAt(page: Page, path: string): Promise<string | null | 'forbidden'> {
  const response = await page.goto(path, { waitUntil: 'load' });
  if (response?.status() === 403) return 'forbidden';
  if (!response || response.status() >= 400) return `answered HTTP ${response?.status()}`;
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= width + 1 || box.width === 0) continue;
      // Report the outermost offender only (its children stick out because it does).
      const parent = el.parentElement;
      if (parent && parent.getBoundingClientRect().right > width + 1) continue;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      culprits.push(`${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(box.right)} px)`);
      if (culprits.length >= 5) break;
    }
    return `document ${document.documentElement.scrollWidth} px wide for a ${width} px window: ${culprits.join(', ')}`;
  });
}

/** Visits every path at 390 px and returns the pages that scroll sideways, and those this role may not open. */
async function overflowing(page: Page, paths: string[]): Promise<{ failures: string[]; forbidden: string[] }> {
  await page.setViewportSize(PHONE);
  const failures: string[] = [];
  const forbidden: string[] = [];
  for (const path of paths) {
    const problem = await overflowAt(page, path);
    if (problem === 'forbidden') forbidden.push(path);
    else if (problem) failures.push(`${path}: ${problem}`);
  }
  return { failures, forbidden };
}

const session = e2eSession();

describe('Phones', () => {
  it(
    'A reader on a 390 px phone never scrolls sideways, on any public page of the demo, in French and in English',
    async () => {
      const routes = (await registeredRoutes()).filter((r) => r.method === 'GET' && !NOT_A_PAGE.some((re) => re.test(r.url)));
      const fixed = [...new Set(routes.filter((r) => !r.url.includes(':')).map((r) => r.url))];
      const patterns = [...new Set(routes.filter((r) => r.url.includes(':')).map((r) => r.url))];
      expect(fixed).toContain('/');
      expect(patterns).toContain('/pieces/:slug');

      const v = await session.visitor();
      // The demo's own links fill the ids and slugs: from every fixed page, then one level further.
      const seen = new Set<string>();
      const collect = async (paths: string[]) => {
        for (const path of paths) {
          const response = await v.page.goto(path, { waitUntil: 'load' });
          expect(response?.status(), `GET ${path}`).toBeLessThan(400);
          for (const link of await linksOn(v.page)) if (!NOT_A_PAGE.some((re) => re.test(link))) seen.add(link);
        }
      };
      await collect(fixed);
      // A challenge, whose page links to its response form.
      await visit(v.page, '/kinds/challenges');
      const challenge = (await linksOn(v.page)).find((l) => /^\/pieces\/[^/]+$/.test(l));
      expect(challenge).toBeDefined();
      await collect([challenge!]);
      const pick = () => new Map(patterns.map((p) => [p, [...seen].find((link) => patternOf(p).test(link))]));
      // Deeper pages (an organisation from a theme of the map, a challenge's response form) are a few links away.
      const crawled = new Set<string>();
      for (let depth = 0; depth < 3; depth++) {
        const next = [...pick().values()].filter((x): x is string => x !== undefined && !crawled.has(x));
        next.forEach((x) => crawled.add(x));
        await collect(next);
      }
      const chosen = pick();
      const filled = [...chosen.values()].filter((x): x is string => x !== undefined);
      const unfilled = [...chosen.entries()].filter(([, link]) => link === undefined).map(([p]) => p);
      expect(filled).toEqual(expect.arrayContaining([expect.stringMatching(/^\/pieces\//), expect.stringMatching(/^\/events\//), expect.stringMatching(/^\/contributors\//)]));

      // The same pages in English (`/en/…`): other words, other widths.
      const pages = [...fixed, ...filled];
      const { failures, forbidden } = await overflowing(v.page, [...pages, ...pages.map((p) => (p === '/' ? '/en' : `/en${p}`))]);
      expect(failures, failures.join('\n')).toEqual([]);
      expect(forbidden).toEqual([]);
      // Every kind of public page is visited, but those the demo programme has nothing to link to yet.
      expect(unfilled, 'public routes the demo never links to').toEqual(UNLINKED_IN_DEMO);
      v.assertClean();
    },
    600_000,
  );

  it(
    'An editor, an admin and a contributor use their desk on a 390 px phone without scrolling sideways',
    async () => {
      const routes = (await registeredRoutes()).filter((r) => r.method === 'GET' && /^\/(editor|studio)(\/|$)/.test(r.url) && !r.url.includes(':') && !/\.(json|csv|txt|xml)$/.test(r.url));
      const desk = [...new Set(routes.map((r) => r.url))];
      expect(desk).toContain('/editor');

      // The admin opens every desk page, with the first evening and piece the desk's lists link to.
      const admin = await session.visitor();
      await logIn(admin.page, ADMIN.email, ADMIN.password, '/editor');
      await visit(admin.page, '/editor/events');
      const eventPage = (await linksOn(admin.page)).find((l) => /^\/editor\/events\/\d+$/.test(l));
      await visit(admin.page, '/editor/pieces');
      const piecePage = (await linksOn(admin.page)).find((l) => /^\/studio\/pieces\/\d+$/.test(l));
      expect(eventPage && piecePage).toBeTruthy();
      const withIds = [eventPage!, `${eventPage!}/tickets`, `${eventPage!}/checkin`, piecePage!];
      const asAdmin = await overflowing(admin.page, [...desk, ...withIds, '/account']);
      expect(asAdmin.forbidden).toEqual([]);

      // The editor, on the pages an editor may open (at least the editorial desk).
      const editor = await session.visitor();
      await logIn(editor.page, EDITOR.email, EDITOR.password, '/editor');
      const asEditor = await overflowing(editor.page, [...desk, ...withIds]);
      expect(asEditor.forbidden.length).toBeLessThan(desk.length / 2);

      const contributor = await session.visitor();
      await logIn(contributor.page, CONTRIBUTOR.email, CONTRIBUTOR.password, '/account');
      const asContributor = await overflowing(contributor.page, ['/account', '/studio']);
      expect(asContributor.forbidden).toEqual([]);

      const failures = [...asAdmin.failures, ...asEditor.failures, ...asContributor.failures];
      expect(failures, failures.join('\n')).toEqual([]);
      for (const v of [admin, editor, contributor]) v.assertClean();
    },
    600_000,
  );

  it('A reader on a phone opens the folded menu without JavaScript, from the keyboard', async () => {
    const v = await session.visitor();
    const browser = v.context.browser();
    if (!browser) throw new Error('no browser behind the visitor');
    const noScript = await browser.newContext({ baseURL: session.server().baseUrl, javaScriptEnabled: false, viewport: PHONE, locale: 'fr-FR' });
    try {
      const page = await noScript.newPage();
      await visit(page, '/');
      const events = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Soirées' });
      expect(await events.isVisible()).toBe(false);
      await page.keyboard.press('Tab'); // the skip link
      await page.keyboard.press('Tab'); // the brand
      await page.keyboard.press('Tab'); // the menu button
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-menu-toggle');
      await page.keyboard.press('Space');
      expect(await events.isVisible()).toBe(true);
      await events.click();
      await page.waitForURL((url) => url.pathname === '/events');
      // On a wide screen the menu is simply there, with no button.
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await events.isVisible()).toBe(true);
      expect(await page.locator('.menu-button').isVisible()).toBe(false);
      // The page's content keeps its distance from the header and the footer (a class rule once zeroed main's padding).
      const padding = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('main')!);
        return { top: parseFloat(style.paddingTop), bottom: parseFloat(style.paddingBottom) };
      });
      expect(padding.top).toBeGreaterThanOrEqual(16);
      expect(padding.bottom).toBeGreaterThanOrEqual(32);
    } finally {
      await noScript.close();
    }
  });
});
