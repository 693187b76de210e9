/** The URL rules of mentions: what may be a source or a target, and when two URLs are the same page. */

/** An absolute http(s) URL without credentials, or null. */
export function parseWebUrl(raw: string): URL | null {
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

/** The slug of the piece a target URL names on this site (`/pieces/<slug>`), or null. */
export function pieceSlugOf(target: URL, base: URL): string | null {
  if (target.protocol !== base.protocol || target.host.toLowerCase() !== base.host.toLowerCase()) return null;
  const match = /^\/pieces\/([a-z0-9][a-z0-9-]{0,199})\/?$/.exec(target.pathname);
  return match ? match[1]! : null;
}

/** Two URLs name the same document: host case, fragments and a trailing slash aside. */
export function sameDocument(a: URL, b: URL): boolean {
  const key = (u: URL) => `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  return key(a) === key(b);
}

/**
 * Domains reserved for documentation and tests (RFC 2606, RFC 6761): nothing real answers there,
 * so no webmention is sent to them (the demo content links to example.org).
 */
export function isReservedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    /(^|\.)example\.(com|net|org)$/.test(host) ||
    /(^|\.)(example|test|invalid|localhost)$/.test(host) ||
    host === 'localhost'
  );
}
