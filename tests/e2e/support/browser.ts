/**
 * Real Debian Chromium driven by playwright-core: launching it, a context per visitor that refuses
 * (and records) every request leaving the machine, logging in through the French form, and axe-core.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result as AxeResult } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a single Playwright action or wait may take before it fails with its own message. */
export const ACTION_TIMEOUT_MS = 15_000;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}

function isLocalHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

/** One visitor: an isolated browser context (own cookies) and its page, with a network guard. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave the machine (aborted before it went out). */
  externalRequests: string[];
  /** Uncaught exceptions thrown by the site's scripts. */
  pageErrors: string[];
  /** Fails when anything tried to reach a non-local host or a script threw. */
  assertClean(): void;
  close(): Promise<void>;
}

/**
 * Opens a new visitor on `baseUrl`. Every request (from this page and any other page of the context,
 * such as the blank page axe-core opens to finish its run) goes through a route that aborts and
 * records anything not addressed to 127.0.0.1/localhost: the site must work without the network.
 */
export async function newVisitor(browser: Browser, baseUrl: string, options: { locale?: string } = {}): Promise<Visitor> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    let local = false;
    try {
      const parsed = new URL(url);
      local = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLocalHost(parsed.hostname);
    } catch {
      local = false;
    }
    if (local) {
      await route.continue();
    } else {
      externalRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('page', (p) => p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`)));
  const page = await context.newPage();
  return {
    context,
    page,
    externalRequests,
    pageErrors,
    assertClean() {
      if (externalRequests.length) {
        throw new Error(`The pages tried to reach ${externalRequests.length} non-local URL(s):\n  ${externalRequests.join('\n  ')}`);
      }
      if (pageErrors.length) throw new Error(`Uncaught script errors:\n  ${pageErrors.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/** Navigates and checks the answer was a success (a 404 or 500 page would otherwise look like a page). */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'load' });
  if (!response) throw new Error(`No response for ${path}`);
  if (response.status() >= 400) throw new Error(`GET ${path} answered HTTP ${response.status()}`);
}

/** Logs in through the French form at /account/login and waits until the site has redirected. */
export async function logIn(page: Page, email: string, password: string, next = '/account'): Promise<void> {
  await visit(page, `/account/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: false }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/account/login', { waitUntil: 'load' }),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  // The header now offers to log out: the session cookie was accepted.
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** Submits the form holding `buttonName` and waits for the page that answers the POST (same URL or not). */
export async function submitAndWait(page: Page, buttonName: string): Promise<void> {
  const button = page.getByRole('button', { name: buttonName, exact: true });
  await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }), button.click()]);
  await page.waitForLoadState('load');
}

// ---------------------------------------------------------------------------------------------
// axe-core

export type AxeViolation = AxeResult;

/** Runs axe-core on the current page and returns the violations whose impact is serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Legacy (single-frame) mode: the site has no iframes, and it runs about twice as fast as the
  // default mode, which opens an extra page to merge the frames' partial results.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable report: rule id, impact, what it means, and each offending element with axe's summary. */
export function formatViolations(violations: AxeViolation[], where = ''): string {
  if (violations.length === 0) return `${where}: no serious or critical axe violation`;
  const lines = [`${where}: ${violations.length} serious/critical axe violation(s)`];
  for (const v of violations) {
    lines.push(``, `[${v.impact}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`  - element: ${node.target.join(' ')}`, `    html: ${node.html.replace(/\s+/g, ' ').slice(0, 240)}`);
      if (node.failureSummary) lines.push(`    ${node.failureSummary.replace(/\n/g, '\n    ')}`);
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more element(s)`);
  }
  return lines.join('\n');
}
