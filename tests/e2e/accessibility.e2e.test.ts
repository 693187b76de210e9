/**
 * Accessibility in real Chromium against the built server: axe-core on the public and editorial
 * pages, the skip link for keyboard users, and the language switch.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, logIn, newVisitor, seriousViolations, visit, type Visitor } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

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

/** The first link on the current page whose path matches, as a path. */
async function firstLinkPath(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  if (!href) throw new Error(`no link matching ${selector} on ${page.url()}`);
  return new URL(href, page.url()).pathname;
}

/** Visits each page and checks it with axe; every page is checked even when an earlier one fails. */
async function auditPages(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    await visit(page, path);
    const violations = await seriousViolations(page);
    expect.soft(violations, formatViolations(violations, `GET ${path}`)).toEqual([]);
  }
}

describe('Pages have no serious accessibility violations', () => {
  it(
    'A visitor finds no serious or critical axe violation on the home, piece, contributors, proposal and login pages',
    async () => {
      const v = await visitor();
      await visit(v.page, '/');
      const piecePath = await firstLinkPath(v.page, 'main a[href^="/pieces/"]');
      await visit(v.page, '/contributors');
      const contributorPath = await firstLinkPath(v.page, 'main a[href^="/contributors/"]');
      await auditPages(v.page, ['/', piecePath, '/contributors', contributorPath, '/propose', '/account/login']);
      v.assertClean();
    },
    90_000,
  );

  it(
    'An editor finds no serious or critical axe violation on the editors’ dashboard and a piece editing page',
    async () => {
      const v = await visitor();
      await logIn(v.page, EDITOR.email, EDITOR.password, '/editor');
      await visit(v.page, '/editor/pieces');
      const editPath = await firstLinkPath(v.page, 'main a[href^="/studio/pieces/"]:not([href$="/new"])');
      expect(editPath).toMatch(/^\/studio\/pieces\/\d+$/);
      await auditPages(v.page, ['/editor', editPath]);
      v.assertClean();
    },
    90_000,
  );
});

describe('The accessibility checker itself', () => {
  it(
    'A missing text alternative and an unlabelled field would be reported as serious or critical (the check is not vacuous)',
    async () => {
      const v = await visitor();
      await visit(v.page, '/propose');
      await v.page.evaluate(() => {
        const main = document.getElementById('main')!;
        const img = document.createElement('img');
        img.src = '/static/favicon.svg';
        main.append(img);
        const input = document.createElement('input');
        input.type = 'text';
        main.append(input);
      });
      const violations = await seriousViolations(v.page);
      const ids = violations.map((x) => x.id);
      expect(ids).toContain('image-alt');
      expect(ids).toContain('label');
      const report = formatViolations(violations, 'GET /propose (with injected faults)');
      expect(report).toContain('[critical] image-alt');
      expect(report).toContain('html: <img src="/static/favicon.svg">');
      v.assertClean();
    },
    90_000,
  );
});

describe('The network guard itself', () => {
  it('A request to another host is refused before it leaves the machine, and recorded', async () => {
    const v = await visitor();
    await visit(v.page, '/');
    const probe = 'https://example.com/e2e-probe.png';
    // A navigation: the site's CSP refuses foreign images and connections itself, but it does not
    // govern where the page may go, so only the guard stands between this and the network.
    const [failed] = await Promise.all([
      v.page.waitForEvent('requestfailed', (r) => r.url() === probe),
      v.page.evaluate((href) => {
        window.location.href = href;
      }, probe),
    ]);
    expect(failed.failure()?.errorText).toMatch(/BLOCKED_BY_CLIENT/);
    expect(v.externalRequests).toEqual([probe]);
    expect(() => v.assertClean()).toThrow(/non-local URL/);
  });
});

describe('Keyboard and language', () => {
  it(
    'A keyboard user’s first Tab stop is the skip link, and following it moves focus to the main content',
    async () => {
      const v = await visitor();
      const page = v.page;
      await visit(page, '/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          className: el.className,
          text: el.textContent?.trim() ?? '',
          href: el.getAttribute('href'),
          onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < window.innerWidth && box.top < window.innerHeight,
        };
      });
      expect(focused).toEqual({ tag: 'A', className: 'skip-link', text: 'Aller au contenu', href: '#main', onScreen: true });

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      expect(new URL(page.url()).hash).toBe('#main');
      v.assertClean();
    },
    90_000,
  );

  it(
    'A visitor who clicks “English” gets the English interface and <html lang="en">, and can switch back',
    async () => {
      const v = await visitor();
      const page = v.page;
      await visit(page, '/contributors');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contributeur·rices' }).count()).toBe(1);

      const english = page.getByRole('link', { name: 'English', exact: true });
      expect(await english.getAttribute('lang')).toBe('en');
      await english.click();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      expect(new URL(page.url()).pathname).toBe('/en/contributors');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link', { name: 'Contributors', exact: true }).count()).toBe(1);
      expect(await nav.getByRole('link', { name: 'Contributors', exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Les contributeur·rices');

      // The links lead on in English…
      await nav.getByRole('link', { name: 'Propose an article', exact: true }).click();
      await page.waitForURL('**/en/propose');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('link', { name: 'Log in', exact: true }).count()).toBe(1);

      // …and the switch leads back to French.
      await page.getByRole('link', { name: 'Français', exact: true }).click();
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      expect(new URL(page.url()).pathname).toBe('/propose');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Proposer un article');
      v.assertClean();
    },
    90_000,
  );
});
