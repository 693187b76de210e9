import { describe, it, expect } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { SplitBar, layoutSplitBar, type SplitBarProps } from './split-bar.tsx';
import { ids, money, num, rects, tags } from '../../../../tests/support/chart-markup.ts';

function props(overrides: Partial<SplitBarProps> = {}): SplitBarProps {
  return {
    id: 'surplus-split',
    title: 'How the surplus was split',
    description: 'The spring meeting surplus, split between two funds',
    total: 10000,
    parts: [
      { key: 'visuals', label: 'Visuals fund', cents: 5000, href: '/ledger?fund=visuals', className: 'chart-series-1' },
      { key: 'book', label: 'Book editing fund', cents: 3000, href: '/ledger?fund=book', className: 'chart-series-2' },
      { key: 'general', label: 'General fund', cents: 2000, href: '/ledger?fund=general', className: 'chart-series-3' },
    ],
    formatMoney: money,
    tableCaption: 'Surplus split (table)',
    ...overrides,
  };
}

const segment = (html: string, key: string) => {
  const found = rects(html, 'chart-segment').find((r) => r['data-key'] === key);
  if (!found) throw new Error(`no segment ${key}`);
  return found;
};

describe('SplitBar geometry', () => {
  it('splits the bar into exact, adjacent segments proportional to the parts', () => {
    // The bar runs from 4 to 476 (472 units): 50% = 236, 30% = 141.6, 20% = 94.4.
    const html = renderToString(<SplitBar {...props()} />);
    const geometry = ['visuals', 'book', 'general'].map((k) => [num(segment(html, k), 'x'), num(segment(html, k), 'width')]);
    expect(geometry).toEqual([
      [4, 236],
      [240, 141.6],
      [381.6, 94.4],
    ]);
    const track = rects(html, 'chart-track')[0];
    expect([num(track, 'x'), num(track, 'width')]).toEqual([4, 472]);
  });

  it('writes the share inside a segment wide enough for it, and every share in the key', () => {
    const html = renderToString(<SplitBar {...props()} />);
    const inside = [...html.matchAll(/<text class="chart-inside"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(inside).toEqual(['50%', '30%', '20%']);
    for (const text of ['€50.00 (50%)', '€30.00 (30%)', '€20.00 (20%)']) expect(html).toContain(`>${text}</text>`);
    // A 1% sliver has no room for its share inside; the key still gives it.
    const thin = renderToString(
      <SplitBar
        {...props({
          parts: [
            { key: 'a', label: 'A', cents: 9900, className: 'chart-series-1' },
            { key: 'b', label: 'B', cents: 100, className: 'chart-series-2' },
          ],
        })}
      />,
    );
    expect([...thin.matchAll(/<text class="chart-inside"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['99%']);
    expect(thin).toContain('>€1.00 (1%)</text>');
  });

  it('uses the caller’s percentage format', () => {
    const html = renderToString(<SplitBar {...props({ formatPercent: (r) => `${Math.round(r * 100)} %` })} />);
    expect(html).toContain('>50 %</text>');
    expect(html).toContain('€50.00 (50 %)');
  });

  it('leaves the unallocated rest of the total empty', () => {
    const html = renderToString(<SplitBar {...props({ total: 20000 })} />);
    const widths = ['visuals', 'book', 'general'].map((k) => num(segment(html, k), 'width'));
    expect(widths).toEqual([118, 70.8, 47.2]);
    expect(html).toContain('>€200.00</text>');
  });

  it('still fits parts adding up to more than the total, and draws no negative segment', () => {
    const parts = [
      { key: 'a', label: 'A', cents: 6000, className: 'chart-series-1' },
      { key: 'b', label: 'B', cents: 6000, className: 'chart-series-2' },
      { key: 'c', label: 'C', cents: -1000, className: 'chart-series-3' },
    ];
    const layout = layoutSplitBar(props({ total: 10000, parts }));
    expect(layout.segments.map((s) => s.width)).toEqual([236, 236, 0]);
    expect(layout.segments.reduce((sum, s) => sum + s.width, 0)).toBe(layout.bar.width);
    expect(renderToString(<SplitBar {...props({ total: 10000, parts })} />)).not.toContain('NaN');
  });
});

describe('SplitBar links and accessibility', () => {
  it('links each part (its segment and its key row) to its transactions', () => {
    const html = renderToString(<SplitBar {...props()} />);
    const links = tags(html, 'a').filter((a) => a.class === 'chart-link');
    expect(links.map((a) => a.href)).toEqual(['/ledger?fund=visuals', '/ledger?fund=book', '/ledger?fund=general']);
    expect(links[0]?.['aria-label']).toBe('Visuals fund – €50.00 (50%)');
    // Segment and key row are inside the same link.
    const first = html.slice(html.indexOf('<a class="chart-link"'), html.indexOf('</a>'));
    expect(first).toContain('data-key="visuals"');
    expect(first).toContain('>Visuals fund</text>');
    expect(tags(html, 'svg').find((s) => s.class?.includes('chart-svg'))?.role).toBe('group');
    expect(html).toContain('aria-labelledby="surplus-split-title surplus-split-desc"');
  });

  it('puts every figure in the table, total included', () => {
    const html = renderToString(<SplitBar {...props({ showTable: true, totalLabel: 'All', valueHeader: 'Amount' })} />);
    const table = html.slice(html.indexOf('<table'));
    expect(table).toContain('<caption id="surplus-split-caption">Surplus split (table)</caption>');
    expect(table).toContain('<th scope="col" class="chart-num">Amount</th>');
    for (const [label, href, amount, share] of [
      ['Visuals fund', '/ledger?fund=visuals', '€50.00', '50%'],
      ['Book editing fund', '/ledger?fund=book', '€30.00', '30%'],
      ['General fund', '/ledger?fund=general', '€20.00', '20%'],
    ]) {
      expect(table).toContain(
        `<th scope="row">${label}</th><td class="chart-num"><a href="${href}">${amount}</a></td><td class="chart-num">${share}</td>`,
      );
    }
    expect(table).toContain('<tfoot><tr><th scope="row">All</th><td class="chart-num">€100.00</td><td class="chart-num">100%</td></tr></tfoot>');
  });

  it('escapes labels', () => {
    const parts = [{ key: 'x', label: '<script>alert(1)</script>', cents: 100, className: 'chart-series-1', href: '/x' }];
    const html = renderToString(<SplitBar {...props({ total: 100, parts, totalLabel: '<i>Total</i>' })} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('uses no inline style', () => {
    expect(renderToString(<SplitBar {...props({ showTable: true })} />)).not.toMatch(/\sstyle=|<style/);
  });
});

describe('SplitBar empty data', () => {
  it('guards a total of zero: an empty bar, amounts of zero, no share, no NaN', () => {
    const parts = props().parts.map((p) => ({ ...p, cents: 0 }));
    const html = renderToString(<SplitBar {...props({ total: 0, parts, emptyText: 'Nothing to split' })} />);
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Infinity');
    expect(html).toContain('Nothing to split');
    expect(rects(html, 'chart-segment')).toEqual([]);
    expect(rects(html, 'chart-track').length).toBe(1);
    const table = html.slice(html.indexOf('<table'));
    expect((table.match(/<td class="chart-num">—<\/td>/g) ?? []).length).toBe(4); // three parts and the total
  });

  it('shows the empty state with no parts at all', () => {
    const html = renderToString(<SplitBar {...props({ total: 0, parts: [] })} />);
    expect(html).not.toContain('NaN');
    expect(html).toContain('class="chart-empty"');
    expect(tags(html, 'svg').find((s) => s.class?.includes('chart-svg'))?.role).toBe('img');
  });

  it('treats a total that is not a number as zero', () => {
    const html = renderToString(<SplitBar {...props({ total: Number.NaN, parts: [] })} />);
    expect(html).not.toContain('NaN');
  });
});

describe('SplitBar ids', () => {
  it('gives two instances distinct ids', () => {
    const html = renderToString(
      <>
        <SplitBar {...props({ id: 'split-spring' })} />
        <SplitBar {...props({ id: 'split-autumn', showTable: true })} />
      </>,
    );
    const all = ids(html);
    expect(all.length).toBe(8);
    expect(new Set(all).size).toBe(8);
  });
});
