import { describe, it, expect } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { HorizontalBarChart, layoutHorizontalBarChart, type HorizontalBarChartProps } from './horizontal-bar-chart.tsx';
import { ids, money, num, rects, tags } from '../../../../tests/support/chart-markup.ts';

function props(overrides: Partial<HorizontalBarChartProps> = {}): HorizontalBarChartProps {
  return {
    id: 'funds',
    title: 'Fund balances',
    description: 'The balance of each fund',
    items: [
      { key: 'visuals', label: 'Visuals fund', cents: 30000, href: '/ledger?fund=visuals', className: 'chart-series-1' },
      { key: 'book', label: 'Book editing fund', cents: 15000, href: '/ledger?fund=book', className: 'chart-series-2' },
      { key: 'general', label: 'General fund', cents: -7500, href: '/ledger?fund=general' },
    ],
    formatMoney: money,
    tableCaption: 'Fund balances (table)',
    ...overrides,
  };
}

const bar = (html: string, key: string) => {
  const found = rects(html, 'chart-bar').find((r) => r['data-key'] === key);
  if (!found) throw new Error(`no bar ${key}`);
  return found;
};

describe('HorizontalBarChart geometry', () => {
  it('draws exact bar widths proportional to the amounts, a negative one left of zero', () => {
    // An empty money format takes no room: the bars span 12 … 468 (456 units for 375.00 €).
    const html = renderToString(<HorizontalBarChart {...props({ formatMoney: () => '' })} />);
    const visuals = bar(html, 'visuals');
    const book = bar(html, 'book');
    const general = bar(html, 'general');
    expect([num(visuals, 'x'), num(visuals, 'width')]).toEqual([103.2, 364.8]);
    expect([num(book, 'x'), num(book, 'width')]).toEqual([103.2, 182.4]);
    expect([num(general, 'x'), num(general, 'width')]).toEqual([12, 91.2]);
    expect(general.class).toContain('chart-bar-negative');
    // Zero is where the positive bars start and the negative one ends.
    const zero = layoutHorizontalBarChart(props({ formatMoney: () => '' })).zeroX;
    expect(zero).toBe(103.2);
    expect(num(general, 'x') + num(general, 'width')).toBe(zero);
    for (const line of tags(html, 'line').filter((l) => l.class === 'chart-baseline')) expect(num(line, 'x1')).toBe(zero);
    // One row per item, in order, all bars the same height.
    const ys = [visuals, book, general].map((r) => num(r, 'y'));
    expect(ys[1]! - ys[0]!).toBe(ys[2]! - ys[1]!);
    expect(new Set([visuals, book, general].map((r) => r.height)).size).toBe(1);
  });

  it('keeps widths proportional with real labels taking room for the amounts', () => {
    const html = renderToString(<HorizontalBarChart {...props()} />);
    const visuals = num(bar(html, 'visuals'), 'width');
    expect(num(bar(html, 'book'), 'width')).toBeCloseTo(visuals / 2, 1);
    expect(num(bar(html, 'general'), 'width')).toBeCloseTo(visuals / 4, 1);
    // The amounts are written at the end of each bar: after it, or before it when negative.
    const values = tags(html, 'text').filter((t) => t.class === 'chart-value');
    expect(values.map((v) => v['text-anchor'])).toEqual(['start', 'start', 'end']);
    expect(num(values[0], 'x')).toBeGreaterThan(num(bar(html, 'visuals'), 'x') + visuals);
    expect(num(values[2], 'x')).toBeLessThan(num(bar(html, 'general'), 'x'));
    for (const text of ['€300.00', '€150.00', '-€75.00']) expect(html).toContain(`>${text}</text>`);
  });

  it('uses the default colour class when an item has none', () => {
    const html = renderToString(<HorizontalBarChart {...props()} />);
    expect(bar(html, 'general').class).toBe('chart-bar chart-series-1 chart-bar-negative');
    expect(bar(html, 'book').class).toBe('chart-bar chart-series-2');
    expect(bar(html, 'book').fill).toBe('#b5460f');
  });
});

describe('HorizontalBarChart links and accessibility', () => {
  it('makes each row a link to the transactions behind it', () => {
    const html = renderToString(<HorizontalBarChart {...props()} />);
    const links = tags(html, 'a').filter((a) => a.class === 'chart-link');
    expect(links.map((a) => a.href)).toEqual(['/ledger?fund=visuals', '/ledger?fund=book', '/ledger?fund=general']);
    expect(links.map((a) => a['aria-label'])).toEqual(['Visuals fund – €300.00', 'Book editing fund – €150.00', 'General fund – -€75.00']);
    expect(tags(html, 'svg').find((s) => s.class?.includes('chart-svg'))?.role).toBe('group');
  });

  it('is an img, without links, when no item has an href', () => {
    const items = props().items.map(({ href: _href, ...rest }) => rest);
    const html = renderToString(<HorizontalBarChart {...props({ items })} />);
    expect(html).not.toContain('<a ');
    const svg = tags(html, 'svg').find((s) => s.class?.includes('chart-svg'));
    expect(svg?.role).toBe('img');
    expect(svg?.['aria-labelledby']).toBe('funds-title funds-desc');
  });

  it('puts every figure in the table', () => {
    const html = renderToString(<HorizontalBarChart {...props({ showTable: true, labelHeader: 'Fund', valueHeader: 'Balance' })} />);
    const table = html.slice(html.indexOf('<table'));
    expect(table).toContain('<caption id="funds-caption">Fund balances (table)</caption>');
    expect(table).toContain('<th scope="col">Fund</th>');
    expect(table).toContain('<th scope="col" class="chart-num">Balance</th>');
    for (const text of ['Visuals fund', 'Book editing fund', 'General fund']) expect(table).toContain(`<th scope="row">${text}</th>`);
    for (const [href, text] of [
      ['/ledger?fund=visuals', '€300.00'],
      ['/ledger?fund=book', '€150.00'],
      ['/ledger?fund=general', '-€75.00'],
    ]) {
      expect(table).toContain(`<a href="${href}">${text}</a>`);
    }
  });

  it('escapes labels and truncates a long one, keeping it whole in the <title> and the table', () => {
    const label = `<script>alert(1)</script> ${'Royalties of a contributor with a remarkably long name '.repeat(2)}`;
    const html = renderToString(<HorizontalBarChart {...props({ items: [{ key: 'x', label, cents: 100, href: '/x' }] })} />);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    const shown = html.match(/<text class="chart-label"[^>]*>([^<]*)<\/text>/)?.[1] ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan(label.length);
    expect(html).toContain(`<title>${label.replace(/</g, '&lt;')} – €1.00</title>`);
    expect(html).toContain(`<th scope="row">${label.replace(/</g, '&lt;')}</th>`);
  });

  it('uses no inline style', () => {
    expect(renderToString(<HorizontalBarChart {...props({ showTable: true })} />)).not.toMatch(/\sstyle=|<style/);
  });
});

describe('HorizontalBarChart empty and degenerate data', () => {
  it('shows an empty state when there are no items', () => {
    const html = renderToString(<HorizontalBarChart {...props({ items: [] })} />);
    expect(html).not.toContain('NaN');
    expect(html).toContain('class="chart-empty"');
    expect(html).toContain('>€0.00</text>');
    expect(html).toContain('<td colSpan="2">€0.00</td>'.replace('colSpan', 'colspan'));
    expect(rects(html, 'chart-bar')).toEqual([]);
  });

  it('draws all-zero balances as empty bars at zero with their amounts', () => {
    const items = [
      { key: 'a', label: 'A', cents: 0, href: '/a' },
      { key: 'b', label: 'B', cents: 0, href: '/b' },
    ];
    const html = renderToString(<HorizontalBarChart {...props({ items })} />);
    expect(html).not.toContain('NaN');
    const bars = rects(html, 'chart-bar');
    expect(bars.map((b) => num(b, 'width'))).toEqual([0, 0]);
    expect(bars.map((b) => num(b, 'x'))).toEqual([4, 4]);
    expect((html.match(/>€0\.00</g) ?? []).length).toBe(4); // two bars, two table cells
  });

  it('shows "—" for an amount that is not a number, never NaN', () => {
    const items = [
      { key: 'a', label: 'A', cents: Number.NaN },
      { key: 'b', label: 'B', cents: 500 },
    ];
    const html = renderToString(<HorizontalBarChart {...props({ items })} />);
    expect(html).not.toContain('NaN');
    expect(num(bar(html, 'a'), 'width')).toBe(0);
    expect(html).toContain('>—</text>');
  });
});

describe('HorizontalBarChart ids', () => {
  it('gives two instances distinct ids', () => {
    const html = renderToString(
      <>
        <HorizontalBarChart {...props({ id: 'funds' })} />
        <HorizontalBarChart {...props({ id: 'royalties' })} />
      </>,
    );
    const all = ids(html);
    expect(all).toEqual([
      'funds-title',
      'funds-desc',
      'funds-table',
      'funds-caption',
      'royalties-title',
      'royalties-desc',
      'royalties-table',
      'royalties-caption',
    ]);
  });
});
