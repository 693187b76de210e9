/** The reader's own Mastodon instance: a host name as people type it ("mastodon.social", "https://piaille.fr/"). */

/** The instance's host (lower case), or null when what was typed is not a plain host name. */
export function mastodonHost(typed: string): string | null {
  const host = typed.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^@?[^@]*@/, '');
  if (host.length > 253 || !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(host)) return null;
  return host;
}

/** The instance's share page with the text to post. */
export function mastodonShareUrl(host: string, text: string): string {
  return `https://${host}/share?text=${encodeURIComponent(text)}`;
}
