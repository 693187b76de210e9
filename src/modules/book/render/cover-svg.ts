/** A cover drawn from the title when no cover image was uploaded: the same for the same title. */
import { escapeXml } from './xhtml.ts';
import type { Manuscript } from './manuscript.ts';

/** Breaks a title into lines of at most `width` characters, at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 8);
}

export function coverSvg(m: Pick<Manuscript, 'title' | 'subtitle' | 'authors' | 'edition' | 'texts'>): string {
  const title = wrapWords(m.title, 18);
  const subtitle = wrapWords(m.subtitle, 30);
  const text = (lines: string[], y: number, size: number, weight: string) =>
    lines.map((l, i) => `<text x="700" y="${y + i * size * 1.2}" font-size="${size}" font-weight="${weight}" text-anchor="middle">${escapeXml(l)}</text>`).join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 1400 2100" width="1400" height="2100">
  <rect width="1400" height="2100" fill="#0b5c4a"/>
  <rect x="80" y="80" width="1240" height="1940" fill="none" stroke="#e3f1ec" stroke-width="6"/>
  <g fill="#ffffff" font-family="serif">
  ${text(title, 700, 110, 'bold')}
  ${text(subtitle, 760 + title.length * 132, 60, 'normal')}
  ${text([m.texts.edition], 1900, 48, 'normal')}
  <text x="700" y="1980" font-size="44" text-anchor="middle">Open Experience · CC BY-SA 4.0</text>
  </g>
</svg>
`;
}
