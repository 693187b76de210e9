/** Reading an HTTP `Link` header (RFC 8288) for the first target with a given relation. */

/** The link-values of a header: `<uri>; param=value; param="a, b"`, split on commas outside <…> and quotes. */
function linkValues(header: string): string[] {
  const values: string[] = [];
  let current = '';
  let inUri = false;
  let inQuotes = false;
  for (const ch of header) {
    if (ch === '<' && !inQuotes) inUri = true;
    else if (ch === '>' && !inQuotes) inUri = false;
    else if (ch === '"' && !inUri) inQuotes = !inQuotes;
    if (ch === ',' && !inUri && !inQuotes) {
      values.push(current);
      current = '';
    } else current += ch;
  }
  values.push(current);
  return values;
}

/** The first URL the header gives for `rel` (relative URLs resolved against `base`), or null. */
export function linkHeaderTarget(header: string | string[] | undefined, rel: string, base: URL): URL | null {
  const headers = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of headers.flatMap(linkValues)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(value);
    if (!match) continue;
    const relParam = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(match[2]!);
    const rels = (relParam?.[1] ?? relParam?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes(rel)) continue;
    try {
      return new URL(match[1]!, base);
    } catch {
      continue;
    }
  }
  return null;
}
