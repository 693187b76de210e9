/**
 * The network side of Webmention (W3C Recommendation) and pingback: verifying that a source links
 * to our piece, and discovering and notifying another site's endpoint. Every request goes through
 * fetchRemote (SSRF guard, redirect limit, 5 s, 1 MB).
 */
import { linkHeaderTarget } from '../domain/link-header.ts';
import { parseWebUrl, sameDocument } from '../domain/mention-urls.ts';
import type { VerificationOutcome } from '../domain/verification.ts';
import { fetchRemote, ForbiddenAddressError, RemoteFetchError, type RemoteFetchSettings } from './fetch-remote.ts';
import { plainText, readEntry } from './h-entry.ts';
import { readPageLinks } from './html-links.ts';

function contentType(headers: Record<string, unknown>): string {
  const value = headers['content-type'];
  return (typeof value === 'string' ? value : '').split(';')[0]!.trim().toLowerCase();
}

const isHtml = (type: string) => type === 'text/html' || type === 'application/xhtml+xml' || type === '';

/**
 * Fetches a mention's source and says what to do with the mention: removed when the source is gone
 * (410, 404), refuses to be read, sits on a forbidden address or no longer links to the target;
 * verified (with its h-entry's author, title and excerpt) when it links to the target. A failure
 * that may pass (timeout, 5xx, 429) throws: the outbox tries again later.
 */
export async function verifySource(source: URL, target: URL, settings: RemoteFetchSettings): Promise<VerificationOutcome> {
  let response;
  try {
    response = await fetchRemote(source, {}, settings);
  } catch (error) {
    if (error instanceof ForbiddenAddressError) return { result: 'removed', why: 'forbidden_address' };
    throw error;
  }
  const { status } = response;
  if (status === 410 || status === 404) return { result: 'removed', why: `http_${status}` };
  if (status >= 500 || status === 429 || status === 408) throw new RemoteFetchError(`the source answered ${status}`);
  if (status < 200 || status >= 300) return { result: 'removed', why: `http_${status}` };
  const type = contentType(response.headers);
  if (isHtml(type)) {
    const page = readPageLinks(response.body);
    const links = page.links.some((raw) => {
      try {
        const url = parseWebUrl(new URL(raw, response.url).href);
        return url !== null && sameDocument(url, target);
      } catch {
        return false;
      }
    });
    if (!links) return { result: 'removed', why: 'no_link' };
    const entry = readEntry(response.body, response.url, target);
    return {
      result: 'verified',
      kind: entry?.kind ?? 'mention',
      authorName: entry?.authorName ?? null,
      authorUrl: entry?.authorUrl ?? null,
      title: entry?.title ?? (page.title ? plainText(page.title, 200) : null),
      excerpt: entry?.excerpt ?? null,
      publishedAt: entry?.published ?? null,
    };
  }
  // Plain text, JSON and the like: the target's address written out counts as a link.
  if (type.startsWith('text/') || type.endsWith('json')) {
    if (!response.body.includes(target.href)) return { result: 'removed', why: 'no_link' };
    return { result: 'verified', kind: 'mention', authorName: null, authorUrl: null, title: null, excerpt: null, publishedAt: null };
  }
  return { result: 'removed', why: `unreadable_${type}` };
}

/** The webmention endpoint a page announces (HTTP Link header first, then the first <link> or <a> rel="webmention"), or null. */
export async function discoverEndpoint(target: URL, settings: RemoteFetchSettings): Promise<URL | null> {
  const response = await fetchRemote(target, {}, settings);
  if (response.status >= 500 || response.status === 429) throw new RemoteFetchError(`${target.host} answered ${response.status}`);
  if (response.status < 200 || response.status >= 300) return null;
  const fromHeader = linkHeaderTarget(response.headers.link, 'webmention', response.url);
  if (fromHeader) return parseWebUrl(fromHeader.href);
  if (!isHtml(contentType(response.headers))) return null;
  const href = readPageLinks(response.body).webmention;
  if (href === null) return null;
  try {
    return parseWebUrl(new URL(href, response.url).href);
  } catch {
    return null;
  }
}

/** Posts `source` and `target` to an endpoint (form-encoded, its query string kept); returns its answer. */
export async function notifyEndpoint(endpoint: URL, mention: { source: string; target: string }, settings: RemoteFetchSettings): Promise<{ status: number; body: string }> {
  const response = await fetchRemote(endpoint, { method: 'POST', form: mention, accept: '*/*', followRedirects: false }, settings);
  return { status: response.status, body: response.body };
}
