/** Helpers for the chart tests: read attributes back out of rendered markup. */

/** The attributes of every `<tag …>` in `html`, in document order (entities left as rendered). */
export function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[attr[1] ?? ''] = attr[2] ?? '';
    out.push(attrs);
  }
  return out;
}

/** The `<rect>`s whose class list contains `cls`. */
export function rects(html: string, cls: string): Record<string, string>[] {
  return tags(html, 'rect').filter((r) => (r.class ?? '').split(/\s+/).includes(cls));
}

/** A numeric attribute (throws when it is missing, so a typo cannot pass as NaN === NaN). */
export function num(attrs: Record<string, string> | undefined, name: string): number {
  const value = attrs?.[name];
  if (value === undefined) throw new Error(`missing attribute ${name}`);
  return Number(value);
}

/** Every id="…" in the markup. */
export function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** A plain, language-free money format for tests: 123456 → "€1234.56", -5 → "-€0.05". */
export const money = (cents: number): string => `${cents < 0 ? '-' : ''}€${(Math.abs(cents) / 100).toFixed(2)}`;
