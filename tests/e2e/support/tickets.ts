/**
 * Helpers for the ticketing stories: reading multipart emails (QR code PNGs and .ics attachments)
 * from the outbox, a visitor whose browser runs no JavaScript at all, and small readers for the
 * order page, the organisers' desk and the check-in page.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, type Visitor } from './browser.ts';
import { emailsTo, parseEml } from './server.ts';

// ---------------------------------------------------------------------------------------------
// Multipart email

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MultipartMessage {
  file: string;
  to: string;
  subject: string;
  /** The decoded text/plain part. */
  text: string;
  attachments: MailAttachment[];
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const headerBlock = split === -1 ? normalized : normalized.slice(0, split);
  const body = split === -1 ? '' : normalized.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of headerBlock.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A header parameter (`boundary`, `filename`, `name`), quoted or not, RFC 2231 (`filename*=utf-8''…`) included. */
function headerParam(value: string, name: string): string | null {
  const extended = new RegExp(`${name}\\*=(?:[^']*'[^']*')?("?)([^";]+)\\1`, 'i').exec(value);
  if (extended) return decodeURIComponent(extended[2]!);
  const plain = new RegExp(`(?:^|;)\\s*${name}=("?)([^";]*)\\1`, 'i').exec(value);
  return plain ? plain[2]! : null;
}

interface Part {
  headers: Map<string, string>;
  raw: string;
}

/** The leaf parts of a MIME message, depth first (multipart/alternative and /related are opened too). */
function leafParts(raw: string): Part[] {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  if (!/^multipart\//i.test(type)) return [{ headers, raw }];
  const boundary = headerParam(type, 'boundary');
  if (!boundary) throw new Error(`multipart message without a boundary: ${type}`);
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  const chunks = body.split(delimiter);
  // chunks[0] is the preamble; the chunk after the closing delimiter starts with "--".
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(...leafParts(chunk.replace(/^\n/, '').replace(/\n$/, '')));
  }
  return parts;
}

/** Parses a message as nodemailer writes it, with its text part and its attachments decoded. */
export function parseMultipart(raw: string, file = ''): MultipartMessage {
  const top = parseEml(raw, file); // decodes the To and Subject headers
  let text = '';
  const attachments: MailAttachment[] = [];
  for (const part of leafParts(raw)) {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const disposition = part.headers.get('content-disposition') ?? '';
    const filename = headerParam(disposition, 'filename') ?? headerParam(type, 'name');
    if (!filename && /^text\/plain/i.test(type) && !/^attachment/i.test(disposition)) {
      text += parseEml(part.raw).text;
      continue;
    }
    const { body } = splitHeaders(part.raw);
    const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
    const content = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? Buffer.from(parseEml(part.raw).text, 'utf8') : Buffer.from(body, 'utf8');
    attachments.push({ filename: filename ?? '', contentType: type.split(';')[0]!.trim().toLowerCase(), content });
  }
  return { file, to: top.to, subject: top.subject, text, attachments };
}

/** Every message to `address`, oldest first, with its attachments. */
export async function multipartEmailsTo(dataDir: string, address: string): Promise<MultipartMessage[]> {
  return (await emailsTo(dataDir, address)).map((m) => parseMultipart(m.raw, m.file));
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An iCalendar text with its folded lines joined again (a long SUMMARY is folded over several lines). */
export function unfoldIcs(ics: string): string {
  return ics.replace(/\r?\n[ \t]/g, '');
}

// ---------------------------------------------------------------------------------------------
// A visitor without JavaScript

function isLocalHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

/**
 * Like `newVisitor` (support/browser.ts: same network guard, same defaults), but the browser runs
 * no script at all: the pages must work as plain HTML forms (progressive enhancement).
 */
export async function newVisitorWithoutJavaScript(browser: Browser, baseUrl: string): Promise<Visitor> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', javaScriptEnabled: false });
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
      if (externalRequests.length) throw new Error(`The pages tried to reach ${externalRequests.length} non-local URL(s):\n  ${externalRequests.join('\n  ')}`);
      if (pageErrors.length) throw new Error(`Uncaught script errors:\n  ${pageErrors.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading pages

/** Text as people read it: every run of whitespace (no-break and narrow no-break spaces included) as one space. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The `<dl class="facts">` of the order page as term → description. */
export async function orderFacts(page: Page): Promise<Record<string, string>> {
  return page.locator('dl.facts').evaluate((dl) => {
    const facts: Record<string, string> = {};
    let term = '';
    for (const child of Array.from(dl.children)) {
      const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (child.tagName === 'DT') term = text;
      else if (child.tagName === 'DD' && term) facts[term] = text;
    }
    return facts;
  });
}

/** The short codes (`ABCD-EFGH`) printed under the QR codes of the order page. */
export async function shortCodesOnOrderPage(page: Page): Promise<string[]> {
  return (await page.locator('li.ticket code').allTextContents()).map((c) => squash(c));
}

/** Picks the option of the "Billet" select (`label` on an English page) whose label starts with `typeName` (the price after " — " is formatted with no-break spaces). */
export async function chooseTicketType(form: Locator, typeName: string, label = 'Billet'): Promise<void> {
  const select = form.getByLabel(label, { exact: true });
  const options = await select.locator('option').evaluateAll((nodes) => nodes.map((o) => ({ value: (o as HTMLOptionElement).value, label: (o.textContent ?? '').replace(/\s+/g, ' ').trim() })));
  const match = options.find((o) => o.label === typeName || o.label.startsWith(`${typeName} —`));
  if (!match) throw new Error(`no "${typeName}" option in the ticket select; it offers: ${options.map((o) => JSON.stringify(o.label)).join(', ')}`);
  await select.selectOption(match.value);
}

/** The option labels of the "Billet" select. */
export async function ticketTypeOptions(form: Locator): Promise<string[]> {
  return (await form.getByLabel('Billet', { exact: true }).locator('option').allTextContents()).map((x) => squash(x));
}

/** The id of the evening called `title`, read from the link of its row on /editor/events (the page must be open). */
export async function eventIdFromEditorList(page: Page, title: string): Promise<number> {
  const link = page.locator('table.data-table tbody tr td a[href^="/editor/events/"]').filter({ hasText: title });
  const count = await link.count();
  if (count !== 1) throw new Error(`expected one link to "${title}" in the events table of /editor/events, found ${count}`);
  const href = (await link.getAttribute('href')) ?? '';
  const match = /^\/editor\/events\/(\d+)$/.exec(href);
  if (!match) throw new Error(`unexpected link to "${title}": ${href}`);
  return Number(match[1]);
}

// ---------------------------------------------------------------------------------------------
// The check-in page

export interface CheckinCounts {
  checkedIn: number;
  registered: number;
  contributorsIn: number;
  contributors: number;
}

/** The live counters of the check-in page. */
export async function checkinCounts(page: Page): Promise<CheckinCounts> {
  const read = async (name: string) => Number(squash(await page.locator(`.checkin-counts [data-count="${name}"]`).textContent()));
  return { checkedIn: await read('checkedIn'), registered: await read('registered'), contributorsIn: await read('contributorsIn'), contributors: await read('contributors') };
}

/** The text of the verdict area, or '' while the page is between two documents. */
export async function checkinResultText(page: Page): Promise<string> {
  try {
    return squash(await page.locator('.checkin-result').first().textContent({ timeout: 2_000 }));
  } catch {
    return '';
  }
}

/**
 * Types `code` into the check-in form and submits it, then waits until the verdict area reads
 * `expected`. Works whether checkin.js answers in place (fetch + DOM update, no navigation) or the
 * form posts and the server re-renders the page with the verdict: both go through a POST to
 * /editor/events/:id/checkin, which is awaited first. Returns the verdict text and which way it came.
 * (The caller orders its codes so that two consecutive expected verdicts differ: a stale verdict
 * from the previous code can never satisfy the wait.)
 */
export async function typeCheckinCode(page: Page, code: string, expected: RegExp, timeoutMs = ACTION_TIMEOUT_MS): Promise<CheckinAnswer> {
  const form = page.locator('form.checkin-form');
  await form.getByLabel('Code du billet (QR ou code court)').fill(code);
  let navigated = false;
  const onNavigation = (frame: unknown) => {
    if (frame === page.mainFrame()) navigated = true;
  };
  page.on('framenavigated', onNavigation);
  try {
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/editor\/events\/\d+\/checkin$/.test(new URL(r.url()).pathname), { timeout: timeoutMs });
    await form.getByRole('button', { name: 'Vérifier', exact: true }).click();
    const response = await posted;
    await page.waitForLoadState('load');
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = await checkinResultText(page);
      if (expected.test(text)) {
        const asJson = (response.request().headers()['accept'] ?? '').includes('application/json');
        return { text, mode: navigated ? 'posted' : asJson ? 'in-place' : 'posted' };
      }
      await page.waitForTimeout(100);
    }
    throw new Error(`After typing ${JSON.stringify(code)}, the check-in verdict (.checkin-result) reads ${JSON.stringify(text)}, expected ${expected}`);
  } finally {
    page.off('framenavigated', onNavigation);
  }
}

export interface CheckinAnswer {
  /** What the verdict area reads. */
  text: string;
  /** 'in-place': checkin.js fetched the verdict as JSON and drew it without navigation; 'posted': the form posted and the page came back. */
  mode: 'in-place' | 'posted';
}
