/**
 * Grouped (clustered) vertical bar chart: for each category (e.g. an event) one bar per series
 * (e.g. income, logistics, surplus) side by side, on a zero baseline so a deficit goes below it.
 * Every bar links to the transactions behind its figure; the amount is written on each bar, the
 * series order is fixed and a legend names the colours, so colour is never the only cue.
 */
import { ChartSvg, ChartTable, EmptyText, FocusRing, Legend, MoneyCell, ScrollBox, TableLink } from './chart-frame.tsx';
import {
  chartIds,
  cleanCents,
  fallbackFill,
  INK,
  joinLabel,
  LINE,
  MUTED,
  niceScale,
  r2,
  textWidth,
  wrap,
  type FormatMoney,
} from './chart-kit.ts';

export interface GroupedBarCategory {
  key: string;
  label: string;
  /** Where the category's label links to (e.g. all the transactions of the event). */
  href?: string;
}

export interface GroupedBarSeries {
  key: string;
  label: string;
  /** The colour class, e.g. `chart-series-1`. */
  className: string;
}

export interface GroupedBarValue {
  cents: number;
  /** The transactions behind this figure. */
  href?: string;
}

export interface GroupedBarChartProps {
  /** Prefix of every id in the chart: must be unique on the page. */
  id: string;
  title: string;
  description: string;
  categories: GroupedBarCategory[];
  series: GroupedBarSeries[];
  /** values[categoryKey][seriesKey]; a missing value draws no bar (and "—" in the table). */
  values: Record<string, Record<string, GroupedBarValue>>;
  formatMoney: FormatMoney;
  tableCaption: string;
  /** Show the data table (default: visually hidden, still read by screen readers). */
  showTable?: boolean;
  /** Shown when there is nothing to chart (default: the formatted zero amount). */
  emptyText?: string;
  /** Header of the table's first column (e.g. "Event"); empty by default. */
  categoryHeader?: string;
  /** Width of the viewBox in SVG units (default 640); the SVG itself always fills its container. */
  width?: number;
  /** Height of the plotting area in SVG units (default 220). */
  plotHeight?: number;
}

const TICK_FONT = 13;
const VALUE_FONT = 13;
const CATEGORY_FONT = 14;
const CATEGORY_LINE = 17;
const CATEGORY_MAX_LINES = 2;
const EMPTY_HEIGHT = 80;

export interface BarGeometry {
  categoryIndex: number;
  categoryKey: string;
  seriesKey: string;
  seriesIndex: number;
  className: string;
  cents: number;
  href: string | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the amount is written: above a positive bar, below a negative one. */
  label: { text: string; x: number; y: number; rotated: boolean; anchor: 'start' | 'middle' | 'end' };
  ariaLabel: string;
}

export interface GroupedBarLayout {
  empty: boolean;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  baselineY: number;
  ticks: { cents: number; y: number; text: string }[];
  groups: {
    key: string;
    label: string;
    href: string | undefined;
    centerX: number;
    lines: string[];
    truncated: boolean;
    top: number;
    /** Estimated width of the widest line (for the focus ring of a linked label). */
    textWidth: number;
  }[];
  bars: BarGeometry[];
}

/** values[category][series], own properties only (a key such as "constructor" is just a key). */
function valueAt(values: GroupedBarChartProps['values'], category: string, series: string): GroupedBarValue | undefined {
  const row = Object.hasOwn(values, category) ? values[category] : undefined;
  return row && Object.hasOwn(row, series) ? row[series] : undefined;
}

/** The geometry of the chart, as a pure function of its props (exported for tests). */
export function layoutGroupedBarChart(props: GroupedBarChartProps): GroupedBarLayout {
  const width = props.width ?? 640;
  const requestedHeight = props.plotHeight ?? 220;
  const { categories, series, formatMoney } = props;

  const cells: { cat: GroupedBarCategory; ci: number; ser: GroupedBarSeries; si: number; cents: number; href: string | undefined }[] = [];
  categories.forEach((cat, ci) => {
    series.forEach((ser, si) => {
      const value = valueAt(props.values, cat.key, ser.key);
      const cents = cleanCents(value?.cents);
      if (cents !== null) cells.push({ cat, ci, ser, si, cents, href: value?.href });
    });
  });

  const emptyLayout: GroupedBarLayout = {
    empty: true,
    width,
    height: EMPTY_HEIGHT,
    plot: { left: 0, right: width, top: 0, bottom: EMPTY_HEIGHT },
    baselineY: EMPTY_HEIGHT,
    ticks: [],
    groups: [],
    bars: [],
  };
  if (categories.length === 0 || series.length === 0 || cells.length === 0) return emptyLayout;

  const scale = niceScale(Math.min(...cells.map((c) => c.cents)), Math.max(...cells.map((c) => c.cents)));
  const tickTexts = scale.ticks.map((t) => formatMoney(t));
  const left = Math.ceil(Math.max(...tickTexts.map((t) => textWidth(t, TICK_FONT)))) + 14;
  const right = width - 8;
  const slot = (right - left) / categories.length;
  const clusterPad = Math.min(slot * 0.25, 48);
  const innerGap = series.length > 1 ? Math.min(4, (slot - clusterPad) * 0.04) : 0;
  const barWidth = (slot - clusterPad - innerGap * (series.length - 1)) / series.length;

  const valueTexts = cells.map((c) => formatMoney(c.cents));
  const widths = valueTexts.map((t) => textWidth(t, VALUE_FONT));
  // Amounts are written horizontally when they fit over their bar, else turned a quarter turn.
  const rotated = Math.max(...widths) > barWidth + innerGap - 2;
  const span = scale.max - scale.min;
  // All zero: no height to share out, just the baseline and the amounts.
  const plotHeight = span === 0 ? 0 : requestedHeight;
  // Room for each amount beyond its bar's end, less the room the plot already leaves there.
  let aboveSpace = TICK_FONT / 2 + 2;
  let belowSpace = 0;
  cells.forEach((c, i) => {
    const extent = (rotated ? (widths[i] ?? 0) : VALUE_FONT) + 8;
    if (c.cents >= 0) aboveSpace = Math.max(aboveSpace, extent - (span === 0 ? 0 : ((scale.max - c.cents) / span) * plotHeight));
    else belowSpace = Math.max(belowSpace, extent - ((c.cents - scale.min) / span) * plotHeight);
  });

  const top = Math.ceil(aboveSpace);
  const bottom = top + plotHeight;
  const y = (cents: number) => (span === 0 ? bottom : top + ((scale.max - cents) / span) * plotHeight);
  const baselineY = y(0);

  const wrapped = categories.map((c) => wrap(c.label, slot - 6, CATEGORY_FONT, CATEGORY_MAX_LINES));
  const labelLines = Math.max(1, ...wrapped.map((w) => w.lines.length));
  const labelsTop = Math.ceil(bottom + belowSpace) + 10;
  const height = labelsTop + labelLines * CATEGORY_LINE + 6;

  const groups = categories.map((cat, ci) => ({
    key: cat.key,
    label: cat.label,
    href: cat.href,
    centerX: r2(left + slot * (ci + 0.5)),
    lines: wrapped[ci]?.lines ?? [],
    truncated: wrapped[ci]?.truncated ?? false,
    top: labelsTop,
    textWidth: Math.max(0, ...(wrapped[ci]?.lines ?? []).map((line) => textWidth(line, CATEGORY_FONT))),
  }));

  const bars = cells.map((c, i): BarGeometry => {
    const x = left + slot * c.ci + clusterPad / 2 + c.si * (barWidth + innerGap);
    const yTop = y(Math.max(c.cents, 0));
    const yBottom = y(Math.min(c.cents, 0));
    const cx = r2(x + barWidth / 2);
    const text = valueTexts[i] ?? '';
    const negative = c.cents < 0;
    const label = rotated
      ? negative
        ? { text, x: cx, y: r2(yBottom + 5), rotated, anchor: 'end' as const }
        : { text, x: cx, y: r2(yTop - 5), rotated, anchor: 'start' as const }
      : negative
        ? { text, x: cx, y: r2(yBottom + VALUE_FONT + 3), rotated, anchor: 'middle' as const }
        : { text, x: cx, y: r2(yTop - 5), rotated, anchor: 'middle' as const };
    return {
      categoryIndex: c.ci,
      categoryKey: c.cat.key,
      seriesKey: c.ser.key,
      seriesIndex: c.si,
      className: c.ser.className,
      cents: c.cents,
      href: c.href,
      x: r2(x),
      y: r2(yTop),
      width: r2(barWidth),
      height: r2(yBottom - yTop),
      label,
      ariaLabel: joinLabel(c.cat.label, c.ser.label, text),
    };
  });

  return {
    empty: false,
    width,
    height,
    plot: { left, right, top, bottom },
    baselineY: r2(baselineY),
    ticks: scale.ticks.map((t, i) => ({ cents: t, y: r2(y(t)), text: tickTexts[i] ?? '' })),
    groups,
    bars,
  };
}

function Bar({ bar }: { bar: BarGeometry }) {
  const { label } = bar;
  const body = (
    <>
      {bar.href ? <FocusRing x={bar.x} y={bar.y} width={bar.width} height={bar.height} /> : null}
      <rect
        class={`chart-bar ${bar.className}${bar.cents < 0 ? ' chart-bar-negative' : ''}`}
        data-category={bar.categoryKey}
        data-series={bar.seriesKey}
        x={bar.x}
        y={bar.y}
        width={bar.width}
        height={bar.height}
        fill={fallbackFill(bar.className, bar.seriesIndex)}
      />
      <text
        class="chart-value"
        x={label.x}
        y={label.y}
        dy={label.rotated ? '0.35em' : undefined}
        transform={label.rotated ? `rotate(-90 ${label.x} ${label.y})` : undefined}
        text-anchor={label.anchor}
        font-size={VALUE_FONT}
        fill={INK}
      >
        {label.text}
      </text>
    </>
  );
  if (!bar.href) {
    return (
      <g class="chart-datum">
        <title>{bar.ariaLabel}</title>
        {body}
      </g>
    );
  }
  return (
    <a class="chart-link" href={bar.href} aria-label={bar.ariaLabel}>
      <title>{bar.ariaLabel}</title>
      {body}
    </a>
  );
}

function CategoryLabel({ group }: { group: GroupedBarLayout['groups'][number] }) {
  const text = (
    <text class="chart-category" x={group.centerX} y={group.top + CATEGORY_FONT} text-anchor="middle" font-size={CATEGORY_FONT} fill={INK}>
      {group.lines.map((line, i) => (
        <tspan x={group.centerX} dy={i === 0 ? undefined : CATEGORY_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
  if (group.href) {
    return (
      <a class="chart-link chart-category-link" href={group.href} aria-label={group.label}>
        <title>{group.label}</title>
        <FocusRing
          x={group.centerX - group.textWidth / 2}
          y={group.top}
          width={group.textWidth}
          height={group.lines.length * CATEGORY_LINE + 2}
          gap={2}
        />
        {text}
      </a>
    );
  }
  return (
    <g aria-hidden="true">
      {group.truncated ? <title>{group.label}</title> : null}
      {text}
    </g>
  );
}

export function GroupedBarChart(props: GroupedBarChartProps) {
  const ids = chartIds(props.id);
  const tableVisible = props.showTable ?? false;
  const layout = layoutGroupedBarChart(props);
  const emptyText = props.emptyText ?? props.formatMoney(0);
  const interactive = layout.bars.some((b) => b.href) || layout.groups.some((g) => g.href);
  const { plot } = layout;
  return (
    <div class="chart chart-grouped">
      {layout.empty ? null : <Legend entries={props.series} />}
      {/* On narrow screens the chart keeps a minimum width (charts.css) and scrolls sideways. */}
      <ScrollBox className="chart-scroll-grouped" focusable={!interactive && !layout.empty} labelledBy={ids.title}>
        <ChartSvg
          ids={ids}
          title={props.title}
          description={props.description}
          width={layout.width}
          height={layout.height}
          interactive={interactive}
          kind="grouped"
        >
          {layout.empty ? (
            <EmptyText width={layout.width} height={layout.height} text={emptyText} />
          ) : (
            <>
              <g class="chart-axis" aria-hidden="true">
                {layout.ticks.map((tick) => (
                  <>
                    <line class="chart-grid" x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke={LINE} />
                    <text class="chart-tick" x={plot.left - 8} y={tick.y} dy="0.35em" text-anchor="end" font-size={TICK_FONT} fill={MUTED}>
                      {tick.text}
                    </text>
                  </>
                ))}
              </g>
              {/* One group per category, its bars then its label: the keyboard goes column by column. */}
              {layout.groups.map((group, gi) => (
                <g class="chart-group">
                  {layout.bars
                    .filter((bar) => bar.categoryIndex === gi)
                    .map((bar) => (
                      <Bar bar={bar} />
                    ))}
                  <CategoryLabel group={group} />
                </g>
              ))}
              <line
                class="chart-baseline"
                aria-hidden="true"
                x1={plot.left}
                x2={plot.right}
                y1={layout.baselineY}
                y2={layout.baselineY}
                stroke={INK}
                stroke-width="1.5"
              />
            </>
          )}
        </ChartSvg>
      </ScrollBox>
      <ChartTable ids={ids} caption={props.tableCaption} visible={tableVisible} hasLinks={interactive}>
        {props.categories.length === 0 || props.series.length === 0 ? (
          <tbody>
            <tr>
              <td>{emptyText}</td>
            </tr>
          </tbody>
        ) : (
          <>
            <thead>
              <tr>
                {props.categoryHeader ? <th scope="col">{props.categoryHeader}</th> : <td />}
                {props.series.map((s) => (
                  <th scope="col" class="chart-num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.categories.map((cat) => (
                <tr>
                  <th scope="row">
                    {cat.href ? (
                      <TableLink href={cat.href} visible={tableVisible}>
                        {cat.label}
                      </TableLink>
                    ) : (
                      cat.label
                    )}
                  </th>
                  {props.series.map((s) => {
                    const value = valueAt(props.values, cat.key, s.key);
                    const cents = cleanCents(value?.cents);
                    return cents === null ? <td class="chart-num">—</td> : <MoneyCell text={props.formatMoney(cents)} href={value?.href} visible={tableVisible} />;
                  })}
                </tr>
              ))}
            </tbody>
          </>
        )}
      </ChartTable>
    </div>
  );
}
