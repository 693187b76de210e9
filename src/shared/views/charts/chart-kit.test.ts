import { describe, it, expect } from 'vitest';
import { chartIds, cleanCents, fallbackFill, niceScale, PALETTE, r2, textWidth, truncate, wrap } from './chart-kit.ts';

describe('niceScale', () => {
  it('rounds the top up to a tick of 1, 2, 2.5 or 5 × 10ⁿ cents, starting at zero', () => {
    expect(niceScale(0, 10000)).toEqual({ min: 0, max: 10000, ticks: [0, 2000, 4000, 6000, 8000, 10000] });
    expect(niceScale(0, 2180000)).toEqual({ min: 0, max: 2500000, ticks: [0, 500000, 1000000, 1500000, 2000000, 2500000] });
    expect(niceScale(-2500, 10000)).toEqual({ min: -2500, max: 10000, ticks: [-2500, 0, 2500, 5000, 7500, 10000] });
  });

  it('keeps a small deficit’s bottom at the lowest value rather than a whole step down', () => {
    const scale = niceScale(-90000, 2180000);
    expect(scale.min).toBe(-90000);
    expect(scale.ticks[0]).toBe(0);
  });

  it('handles only negative values, tiny values, and nothing at all', () => {
    expect(niceScale(-3000, -1000)).toEqual({ min: -3000, max: 0, ticks: [-3000, -2000, -1000, 0] });
    expect(niceScale(0, 3)).toEqual({ min: 0, max: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 0, ticks: [0] });
  });

  it('gives whole-cent ticks that include zero for any range', () => {
    for (const [lo, hi] of [
      [-7, 13],
      [-123456789, 987654321],
      [1, 1],
      [-1, 0],
      [0, Number.MAX_SAFE_INTEGER],
    ] as const) {
      const { min, max, ticks } = niceScale(lo, hi);
      expect(ticks).toContain(0);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(min).toBeLessThanOrEqual(Math.min(0, lo));
      expect(max).toBeGreaterThanOrEqual(Math.max(0, hi));
      expect(ticks.length).toBeLessThanOrEqual(12);
    }
  });
});

describe('text helpers', () => {
  it('estimates wider text as wider', () => {
    expect(textWidth('', 14)).toBe(0);
    expect(textWidth('MMMM', 14)).toBeGreaterThan(textWidth('iiii', 14));
    expect(textWidth('€1,000.00', 28)).toBe(2 * textWidth('€1,000.00', 14));
  });

  it('truncates with an ellipsis only when needed', () => {
    expect(truncate('Short', 200, 14)).toBe('Short');
    const cut = truncate('A rather long label that cannot fit', 80, 14);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 14)).toBeLessThanOrEqual(80);
  });

  it('wraps on words into at most maxLines lines, marking what was cut', () => {
    expect(wrap('Spring meeting 2024', 300, 14, 2)).toEqual({ lines: ['Spring meeting 2024'], truncated: false });
    expect(wrap('Spring meeting 2024', 110, 14, 2)).toEqual({ lines: ['Spring meeting', '2024'], truncated: false });
    const long = wrap('The autumn festival of open knowledge in Marseille', 110, 14, 2);
    expect(long.lines.length).toBe(2);
    expect(long.lines[1]?.endsWith('…')).toBe(true);
    expect(long.truncated).toBe(true);
    for (const line of long.lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(110);
    const word = wrap('Supercalifragilisticexpialidocious', 60, 14, 2);
    expect(word.truncated).toBe(true);
    expect(word.lines.length).toBe(1);
    expect(wrap('', 100, 14, 2)).toEqual({ lines: [], truncated: false });
  });
});

describe('ids, numbers and colours', () => {
  it('derives safe ids from the caller’s id', () => {
    expect(chartIds('funds')).toEqual({
      base: 'funds',
      title: 'funds-title',
      desc: 'funds-desc',
      table: 'funds-table',
      caption: 'funds-caption',
    });
    expect(chartIds('my chart!').base).toBe('my-chart');
    expect(chartIds('2024').base).toBe('chart-2024');
    expect(chartIds('').base).toBe('chart');
  });

  it('accepts only finite amounts, as whole cents', () => {
    expect(cleanCents(1234)).toBe(1234);
    expect(cleanCents(-0)).toBe(0);
    expect(cleanCents(12.6)).toBe(13);
    expect(cleanCents(Number.NaN)).toBeNull();
    expect(cleanCents(Number.POSITIVE_INFINITY)).toBeNull();
    expect(cleanCents('12')).toBeNull();
    expect(cleanCents(undefined)).toBeNull();
  });

  it('rounds coordinates to hundredths without a negative zero', () => {
    expect(r2(1 / 3)).toBe(0.33);
    expect(Object.is(r2(-0.001), 0)).toBe(true);
  });

  it('maps colour classes to their fallback fills', () => {
    expect(fallbackFill('chart-series-2', 0)).toBe(PALETTE[1]);
    expect(fallbackFill('chart-bar chart-series-7', 0)).toBe(PALETTE[1]);
    expect(fallbackFill('my-own-class', 2)).toBe(PALETTE[2]);
  });

  it('keeps palette colours at 4.5:1 or more against white (text and bars alike)', () => {
    const channel = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const colour of PALETTE) expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
