/** A contributor's public links ("Site | https://…"): only web addresses are ever shown. */
export interface ContributorLink {
  label: string;
  url: string;
}

/** Reads the stored JSON list of links, keeping only well-formed http(s) ones. */
export function parseLinks(json: string): ContributorLink[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (l): l is ContributorLink => typeof l?.label === 'string' && typeof l?.url === 'string' && /^https?:\/\//.test(l.url),
    );
  } catch {
    return [];
  }
}

/** Links as the editors type them: one per line, "Label | https://…". */
export function parseLinkLines(raw: string): ContributorLink[] {
  return raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, url] = line.includes('|') ? line.split('|').map((s) => s.trim()) : [line, line];
      return { label: label || url || '', url: url ?? '' };
    });
}

/** The editors' one-per-line form of a list of links. */
export function linksToText(links: ContributorLink[]): string {
  return links.map((l) => `${l.label} | ${l.url}`).join('\n');
}
