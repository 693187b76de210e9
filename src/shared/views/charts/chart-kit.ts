/**
 * Pure helpers shared by the charts: ids, text measuring (estimated, since the server has
 * no fonts), label wrapping and truncation, "nice" axis ticks over integer cents, and rounding.
 * Nothing here reads the clock or randomness: the same props always give the same markup.
 */

/** Formats an amount in cents for people (the caller decides the language, e.g. `formatCents(c, lang)`). */
export type FormatMoney = (cents: number) => string;

/** Formats a ratio between 0 and 1 as a percentage (the caller decides the language). */
export type FormatPercent = (ratio: number) => string;

/**
 * The chart palette: every colour has at least 5:1 contrast against white (so it works as text on
 * white, as a bar on white, and under white text), and the first three stay apart for people
 * with deuteranopia, protanopia or tritanopia. charts.css defines the same colours as the classes
 * `chart-series-1` … `chart-series-5`; the hex values are repeated here as SVG `fill` attributes
 * so a chart still shows its colours if the stylesheet did not load.
 */
export const PALETTE = ['#1b4f91', '#b5460f', '#00785a', '#a3417a', '#3d3a52'] as const;

/** `chart-series-N` for the i-th series, cycling through the palette. */
export function seriesClass(index: number): string {
  return `chart-series-${(index % PALETTE.length) + 1}`;
}

/** The fallback fill attribute for a class `chart-series-N` (or for the i-th series otherwise). */
export function fallbackFill(className: string | undefined, index: number): string {
  const match = /(?:^|\s)chart-series-(\d+)(?:\s|$)/.exec(className ?? '');
  const n = match ? Number(match[1]) - 1 : index;
  return PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? PALETTE[0];
}

export const INK = '#1d1b2f';
export const MUTED = '#55526b';
export const LINE = '#dedbd0';

/** The ids a chart instance uses, all derived from the caller's `id` (so two charts never clash). */
export interface ChartIds {
  base: string;
  title: string;
  desc: string;
  table: string;
  caption: string;
}

/** Turns the caller's id into a safe id prefix (no spaces: aria-labelledby is a list of ids). */
export function chartIds(id: string): ChartIds {
  let base = id.trim().replace(/[^A-Za-z0-9_-]+/g, '-');
  if (!/^[A-Za-z]/.test(base)) base = `chart-${base}`;
  base = base.replace(/-+$/, '') || 'chart';
  return { base, title: `${base}-title`, desc: `${base}-desc`, table: `${base}-table`, caption: `${base}-caption` };
}

/** Rounds to hundredths for tidy SVG coordinates (and turns -0 into 0). */
export function r2(n: number): number {
  const v = Math.round(n * 100) / 100;
  return v === 0 ? 0 : v;
}

/** An amount usable in a chart: a finite number, rounded to whole cents; anything else is null. */
export function cleanCents(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const v = Math.round(value);
  return v === 0 ? 0 : v;
}

/** Width of one character in ems, roughly, for a system sans-serif font. */
function charEm(ch: string): number {
  if (ch === '…') return 1;
  if (/[\u0300-\u036f\u200b-\u200d]/.test(ch)) return 0;
  if (/[ \u00a0\u202f]/.test(ch)) return 0.3;
  if (/[iIjlft.,:;'|!()[\]]/.test(ch)) return 0.32;
  if (/[mwMW@%]/.test(ch)) return 0.9;
  if (/[€$£]/.test(ch)) return 0.62;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[\u3000-\u9fff\uff00-\uffef]/.test(ch)) return 1;
  return 0.56;
}

/** Estimated rendered width of `text` at `fontSize` (slightly generous, so labels are not clipped). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** `text` cut with an ellipsis so it fits in `maxWidth` (unchanged when it already fits). */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let out = '';
  for (const ch of chars) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxWidth`: a word longer than a line is cut,
 * and the last line ends with an ellipsis when text was left over. `truncated` tells the caller to
 * offer the full text (as an SVG <title>).
 */
export function wrap(text: string, maxWidth: number, fontSize: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let truncated = false;
  let current = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = truncate(word, maxWidth, fontSize);
    if (current !== word) truncated = true;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    truncated = true;
    lines.length = Math.max(1, maxLines);
    const last = lines[lines.length - 1] ?? '';
    if (!last.endsWith('…')) {
      lines[lines.length - 1] = textWidth(`${last}…`, fontSize) <= maxWidth ? `${last}…` : truncate(`${last}…`, maxWidth, fontSize);
    }
  }
  return { lines, truncated };
}

/** Axis domain and ticks: whole cents, always including zero, ticks every 1, 2, 2.5 or 5 × 10ⁿ cents. */
export interface NiceScale {
  min: number;
  max: number;
  ticks: number[];
}

export function niceScale(minValue: number, maxValue: number, targetTicks = 5): NiceScale {
  const lo = Math.min(0, minValue);
  const hi = Math.max(0, maxValue);
  if (lo === hi) return { min: 0, max: 0, ticks: [0] };
  const raw = (hi - lo) / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 && magnitude >= 10 ? 2.5 : norm <= 5 ? 5 : 10;
  const step = Math.max(1, Math.round(factor * magnitude));
  // The top is rounded up to a tick; a negative bottom stays at the lowest value, so a small
  // deficit does not waste a whole step of height below the baseline.
  const max = Math.ceil(hi / step) * step;
  const min = lo < 0 && hi > 0 ? lo : Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max; k++) ticks.push(k * step === 0 ? 0 : k * step);
  return { min, max, ticks };
}

/** A label for a bar or segment link: "Category – Series – €12.00" (separators read well in any language). */
export function joinLabel(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' – ');
}

/** The default percentage format: "50%", "33.3%" (pass `formatPercent` for localised output). */
export const defaultFormatPercent: FormatPercent = (ratio) => `${Math.round(ratio * 1000) / 10}%`;
