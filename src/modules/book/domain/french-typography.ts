/**
 * French typography for the book: a non-breaking space before « ; : ! ? » and after «, so a line
 * never starts with a colon or a closing guillemet. Pure: applied to the text runs of a chapter
 * (never to code), the character before a run given so "**mot**:" is spaced too.
 */

/** Narrow no-break space (espace fine insécable): before ; ! ? and inside guillemets. */
export const NARROW_NBSP = '\u202F';
/** No-break space (espace mot insécable): before the colon. */
export const NBSP = '\u00A0';

const SPACES = /[ \t\u00A0\u202F\u2009]/;

/**
 * Spaces `text` the French way. `before` is the character that precedes the run in its paragraph
 * ('' at its start). Times (10:30), URLs (https://), ratios and repeated marks (?!) are left alone.
 */
export function frenchSpacing(text: string, before = ''): string {
  let out = '';
  let prev = before;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1] ?? '';
    if (ch === ';' || ch === '!' || ch === '?' || ch === ':' || ch === '»') {
      const space = ch === ':' ? NBSP : NARROW_NBSP;
      const isTimeOrUrl = ch === ':' && ((/\d/.test(prev) && /\d/.test(next)) || next === '/');
      const afterMark = /[;!?:]/.test(prev) && ch !== '»';
      // In prose the mark ends a clause: a letter, digit or slash right after it means a URL, a time or a query string.
      const glued = ch !== '»' && /[\p{L}\p{N}/=&#.]/u.test(next);
      if (!isTimeOrUrl && !afterMark && !glued && prev !== '' && prev !== '(' && prev !== '[') {
        // Replace the spaces typed before the mark (if any) by the one no-break space.
        while (out.length > 0 && SPACES.test(out[out.length - 1]!)) out = out.slice(0, -1);
        out += space;
      }
      out += ch;
      prev = ch;
      continue;
    }
    if (ch === ' ' && prev === '°' && /n/i.test(out[out.length - 2] ?? '')) {
      // « n° 6 »: the number stays with its sign.
      out += NBSP;
      prev = ch;
      continue;
    }
    if (prev === '«') {
      // After an opening guillemet: one narrow no-break space, whatever was typed.
      if (SPACES.test(ch)) continue;
      out += NARROW_NBSP;
    }
    out += ch;
    prev = ch;
  }
  return out;
}

/** What the next run of a paragraph should receive as `before`. */
export function lastCharOf(text: string, fallback: string): string {
  return text.length ? text[text.length - 1]! : fallback;
}
