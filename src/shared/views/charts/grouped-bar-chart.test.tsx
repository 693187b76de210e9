import { describe, it, expect } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { GroupedBarChart, layoutGroupedBarChart, type GroupedBarChartProps } from './grouped-bar-chart.tsx';
import { ids, money, num, rects, tags } from '../../../../tests/support/chart-markup.ts';

const series = [
  { key: 'income', label: 'Income', className: 'chart-series-1' },
  { key: 'surplus', label: 'Surplus', className: 'chart-series-3' },
];

function props(overrides: Partial<GroupedBarChartProps> = {}): GroupedBarChartProps {
  return {
    id: 'events',
    title: 'Events',
    description: 'Income and surplus per event',
    categories: [
      { key: 'spring', label: 'Spring meeting', href: '/ledger?event=spring' },
      { key: 'autumn', label: 'Autumn workshop' },
    ],
    series,
    values: {
      spring: { income: { cents: 10000, href: '/ledger?event=spring&line=income' }, surplus: { cents: 5000, href: '/ledger?event=spring&line=surplus' } },
      autumn: { income: { cents: 0, href: '/ledger?event=autumn&line=income' }, surplus: { cents: -2500, href: '/ledger?event=autumn&line=surplus' } },
    },
    formatMoney: money,
    tableCaption: 'Income and surplus per event (table)',
    plotHeight: 250,
    ...overrides,
  };
}

const bar = (html: string, category: string, serie: string) => {
  const found = rects(html, 'chart-bar').find((r) => r['data-category'] === category && r['data-series'] === serie);
  if (!found) throw new Error(`no bar ${category}/${serie}`);
  return found;
};

describe('GroupedBarChart geometry', () => {
  it('draws bar heights proportional to the amounts on a zero baseline, a deficit below it', () => {
    const html = renderToString(<GroupedBarChart {...props()} />);
    const layout = layoutGroupedBarChart(props());
    // Domain −25.00 … 100.00 € over 250 units: 1 unit = 50 cents.
    const baseline = layout.baselineY;
    expect(baseline).toBe(layout.plot.top + 200);
    expect(layout.plot.bottom - layout.plot.top).toBe(250);

    const big = bar(html, 'spring', 'income');
    const half = bar(html, 'spring', 'surplus');
    const zero = bar(html, 'autumn', 'income');
    const deficit = bar(html, 'autumn', 'surplus');
    expect(num(big, 'height')).toBe(200);
    expect(num(half, 'height')).toBe(100);
    expect(num(zero, 'height')).toBe(0);
    expect(num(deficit, 'height')).toBe(50);
    // Positive bars stand on the baseline; the negative one hangs from it.
    expect(num(big, 'y') + num(big, 'height')).toBe(baseline);
    expect(num(half, 'y') + num(half, 'height')).toBe(baseline);
    expect(num(zero, 'y')).toBe(baseline);
    expect(num(deficit, 'y')).toBe(baseline);
    expect(num(deficit, 'y')).toBeGreaterThan(num(big, 'y'));
    expect(deficit.class).toContain('chart-bar-negative');
    // The baseline line is drawn where zero is.
    const line = tags(html, 'line').find((l) => l.class === 'chart-baseline');
    expect(num(line, 'y1')).toBe(baseline);
  });

  it('places the bars side by side, series in legend order, with exact x positions', () => {
    // With an empty money format no room is taken by tick labels: left 14, right 632,
    // two slots of 309, a cluster padding of 48, a gap of 4, bars of (309 − 48 − 4) / 2.
    const html = renderToString(<GroupedBarChart {...props({ formatMoney: () => '' })} />);
    const xs = ['spring', 'autumn'].flatMap((c) => series.map((s) => num(bar(html, c, s.key), 'x')));
    expect(xs).toEqual([38, 170.5, 347, 479.5]);
    for (const c of ['spring', 'autumn']) for (const s of series) expect(num(bar(html, c, s.key), 'width')).toBe(128.5);
  });

  it('renders the same geometry as the exported layout', () => {
    const html = renderToString(<GroupedBarChart {...props()} />);
    for (const b of layoutGroupedBarChart(props()).bars) {
      const r = bar(html, b.categoryKey, b.seriesKey);
      expect([num(r, 'x'), num(r, 'y'), num(r, 'width'), num(r, 'height')]).toEqual([b.x, b.y, b.width, b.height]);
    }
  });

  it('writes every amount beside its bar, so colour is never the only cue', () => {
    const html = renderToString(<GroupedBarChart {...props()} />);
    const values = [...html.matchAll(/<text class="chart-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(['€100.00', '€50.00', '€0.00', '-€25.00']);
  });

  it('turns the amounts a quarter turn when they are wider than the bars', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ key: `e${i}`, label: `Event ${i}` }));
    const values = Object.fromEntries(many.map((c) => [c.key, { income: { cents: 123456789 }, surplus: { cents: -98765432 } }]));
    const html = renderToString(<GroupedBarChart {...props({ categories: many, values })} />);
    expect(html).toContain('transform="rotate(-90');
    expect(html).not.toContain('NaN');
  });
});

describe('GroupedBarChart links and accessibility', () => {
  it('makes every bar with an href a link to its transactions, and the category label too', () => {
    const html = renderToString(<GroupedBarChart {...props()} />);
    const links = tags(html, 'a').filter((a) => a.class?.includes('chart-link'));
    expect(links.map((a) => a.href)).toEqual([
      '/ledger?event=spring&amp;line=income',
      '/ledger?event=spring&amp;line=surplus',
      '/ledger?event=spring',
      '/ledger?event=autumn&amp;line=income',
      '/ledger?event=autumn&amp;line=surplus',
    ]);
    expect(links[0]?.['aria-label']).toBe('Spring meeting – Income – €100.00');
    expect(html).toContain('<title>Spring meeting – Income – €100.00</title>');
  });

  it('names the SVG by its <title> and <desc>; a group when it holds links, an img otherwise', () => {
    const withLinks = tags(renderToString(<GroupedBarChart {...props()} />), 'svg').find((s) => s.class?.includes('chart-svg'));
    expect(withLinks?.role).toBe('group');
    expect(withLinks?.['aria-labelledby']).toBe('events-title events-desc');
    expect(withLinks?.viewBox).toMatch(/^0 0 640 \d+$/);
    expect(withLinks?.width).toBe('100%');
    const plain = props({
      categories: [{ key: 'spring', label: 'Spring' }],
      values: { spring: { income: { cents: 100 }, surplus: { cents: 50 } } },
    });
    const html = renderToString(<GroupedBarChart {...plain} />);
    expect(tags(html, 'svg').find((s) => s.class?.includes('chart-svg'))?.role).toBe('img');
    expect(html).not.toContain('<a ');
    expect(html).toContain('<title id="events-title">Events</title>');
    expect(html).toContain('<desc id="events-desc">Income and surplus per event</desc>');
  });

  it('uses no inline style (the CSP forbids it)', () => {
    const html = renderToString(<GroupedBarChart {...props({ showTable: true })} />);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain('<style');
  });

  it('puts every figure in the table, with links, and a dash for a missing value', () => {
    const values = { ...props().values, autumn: { income: { cents: 0 } } } as GroupedBarChartProps['values'];
    const html = renderToString(<GroupedBarChart {...props({ values, categoryHeader: 'Event' })} />);
    const table = html.slice(html.indexOf('<table'));
    expect(table).toContain('<caption id="events-caption">Income and surplus per event (table)</caption>');
    expect(table).toContain('<th scope="col">Event</th>');
    for (const text of ['Income', 'Surplus', 'Spring meeting', 'Autumn workshop', '€100.00', '€50.00', '€0.00', '—']) expect(table).toContain(text);
    expect(table).toContain('href="/ledger?event=spring&amp;line=income"');
    // No bar is drawn for the missing value.
    expect(rects(html, 'chart-bar').length).toBe(3);
  });

  it('hides the table visually by default (its links out of the tab order) and shows it on request', () => {
    const hidden = renderToString(<GroupedBarChart {...props()} />);
    expect(hidden).toContain('<div class="visually-hidden chart-table-hidden"><table id="events-table" class="chart-table">');
    expect(hidden).toContain('tabindex="-1"');
    const shown = renderToString(<GroupedBarChart {...props({ showTable: true })} />);
    expect(shown).toContain('<table id="events-table" class="data-table chart-table">');
    expect(shown).not.toContain('visually-hidden');
    expect(shown).not.toContain('tabindex="-1"');
  });

  it('escapes labels', () => {
    const html = renderToString(
      <GroupedBarChart
        {...props({
          title: '<b>Events</b>',
          categories: [{ key: 'x', label: '<script>alert(1)</script>', href: '/x?a="1"' }],
          series: [{ key: 'income', label: '<img src=x onerror=alert(1)>', className: 'chart-series-1' }],
          values: { x: { income: { cents: 100 } } },
        })}
      />,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('href="/x?a=&quot;1&quot;"');
  });

  it('wraps a long category label on two lines at most and gives the full label as a <title>', () => {
    const label = 'The very long name of an open knowledge festival held in Marseille in the autumn of 2025';
    const html = renderToString(
      <GroupedBarChart {...props({ categories: [{ key: 'spring', label }, { key: 'autumn', label: 'Short' }] })} />,
    );
    const start = html.indexOf(`<title>${label}</title>`);
    expect(start).toBeGreaterThan(-1);
    const category = html.slice(start, html.indexOf('</text>', start));
    expect((category.match(/<tspan/g) ?? []).length).toBe(2);
    expect(category).toContain('…');
  });
});

describe('GroupedBarChart empty and degenerate data', () => {
  it('shows an empty state when there are no categories', () => {
    const html = renderToString(<GroupedBarChart {...props({ categories: [], values: {}, emptyText: 'Nothing yet' })} />);
    expect(html).not.toContain('NaN');
    expect(html).toContain('class="chart-empty"');
    expect((html.match(/Nothing yet/g) ?? []).length).toBe(2); // in the SVG and in the table
    expect(rects(html, 'chart-bar')).toEqual([]);
    expect(html).not.toContain('chart-legend');
  });

  it('defaults the empty text to the formatted zero amount (the caller’s language)', () => {
    const html = renderToString(<GroupedBarChart {...props({ series: [], emptyText: undefined })} />);
    expect(html).toContain('€0.00');
    expect(html).not.toContain('NaN');
  });

  it('draws all-zero data as a baseline with zero-height bars and their amounts', () => {
    const values = { spring: { income: { cents: 0 }, surplus: { cents: 0 } }, autumn: { income: { cents: 0 }, surplus: { cents: 0 } } };
    const html = renderToString(<GroupedBarChart {...props({ values })} />);
    expect(html).not.toContain('NaN');
    const bars = rects(html, 'chart-bar');
    expect(bars.length).toBe(4);
    for (const b of bars) expect(num(b, 'height')).toBe(0);
    const baseline = tags(html, 'line').find((l) => l.class === 'chart-baseline');
    for (const b of bars) expect(num(b, 'y')).toBe(num(baseline, 'y1'));
    expect((html.match(/€0\.00/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('treats amounts that are not numbers as missing, never as NaN', () => {
    const values = { spring: { income: { cents: Number.NaN }, surplus: { cents: Number.POSITIVE_INFINITY } } };
    const html = renderToString(<GroupedBarChart {...props({ categories: [{ key: 'spring', label: 'Spring' }], values })} />);
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Infinity');
    expect(html).toContain('class="chart-empty"');
  });
});

describe('GroupedBarChart keys', () => {
  it('reads only the values given, whatever the keys are called', () => {
    const categories = [{ key: 'constructor', label: 'Constructor' }, { key: 'spring', label: 'Spring' }];
    const seriesWithProto = [{ key: 'toString', label: 'To string', className: 'chart-series-1' }];
    const html = renderToString(
      <GroupedBarChart {...props({ categories, series: seriesWithProto, values: { spring: { toString: { cents: 100 } } } })} />,
    );
    expect(rects(html, 'chart-bar').length).toBe(1);
    expect(html).toContain('<td class="chart-num">—</td>');
    expect(html).not.toContain('NaN');
  });
});

describe('GroupedBarChart ids', () => {
  it('derives every id from the id prop, so two charts on a page never clash', () => {
    const html = renderToString(
      <div>
        <GroupedBarChart {...props({ id: 'events-2024' })} />
        <GroupedBarChart {...props({ id: 'events-2025', showTable: true })} />
      </div>,
    );
    const all = ids(html);
    expect(all.length).toBe(8);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => id.startsWith('events-2024-') || id.startsWith('events-2025-'))).toBe(true);
    // Every aria-labelledby points at ids that exist.
    for (const ref of [...html.matchAll(/aria-labelledby="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(' '))) expect(all).toContain(ref);
  });

  it('makes an id safe to list in aria-labelledby', () => {
    const html = renderToString(<GroupedBarChart {...props({ id: '2024 events <x>' })} />);
    expect(html).toContain('aria-labelledby="chart-2024-events-x-title chart-2024-events-x-desc"');
  });

  it('is a pure function of its props', () => {
    expect(renderToString(<GroupedBarChart {...props()} />)).toBe(renderToString(<GroupedBarChart {...props()} />));
  });
});
