/**
 * Horizontal bar chart: one bar per item (a fund balance, a contributor's royalties…), its label
 * above it and its amount at its end, on a zero baseline so a negative balance goes left of it.
 * Each row (label, bar and amount) is one link to the transactions behind the figure.
 */
import { ChartSvg, ChartTable, EmptyText, FocusRing, MoneyCell } from './chart-frame.tsx';
import { chartIds, cleanCents, fallbackFill, INK, joinLabel, r2, textWidth, truncate, type FormatMoney } from './chart-kit.ts';

export interface HorizontalBarItem {
  key: string;
  label: string;
  cents: number;
  /** The transactions behind this figure. */
  href?: string;
  /** The colour class (default `chart-series-1`). */
  className?: string;
}

export interface HorizontalBarChartProps {
  /** Prefix of every id in the chart: must be unique on the page. */
  id: string;
  title: string;
  description: string;
  items: HorizontalBarItem[];
  formatMoney: FormatMoney;
  tableCaption: string;
  /** Show the data table (default: visually hidden, still read by screen readers). */
  showTable?: boolean;
  /** Shown when there is nothing to chart (default: the formatted zero amount). */
  emptyText?: string;
  /** Optional column headers of the table (e.g. "Fund", "Balance"). */
  labelHeader?: string;
  valueHeader?: string;
  /** Width of the viewBox in SVG units (default 480); the SVG itself always fills its container. */
  width?: number;
}

const LABEL_FONT = 16;
const VALUE_FONT = 15;
const PAD_X = 4;
const PAD_TOP = 4;
const LABEL_BLOCK = 24; // label line, above the bar
const BAR_HEIGHT = 26;
const ROW_GAP = 16;
const ROW_HEIGHT = LABEL_BLOCK + BAR_HEIGHT + ROW_GAP;
const EMPTY_HEIGHT = 80;

export interface HorizontalRow {
  key: string;
  index: number;
  label: string;
  shownLabel: string;
  className: string;
  cents: number;
  href: string | undefined;
  labelY: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: { text: string; x: number; y: number; anchor: 'start' | 'end' };
  baseline: { x: number; y1: number; y2: number };
  ariaLabel: string;
}

export interface HorizontalBarLayout {
  empty: boolean;
  width: number;
  height: number;
  zeroX: number;
  rows: HorizontalRow[];
}

/** The geometry of the chart, as a pure function of its props (exported for tests). */
export function layoutHorizontalBarChart(props: HorizontalBarChartProps): HorizontalBarLayout {
  const width = props.width ?? 480;
  // An amount that is not a number draws no bar and reads "—" rather than a made-up zero.
  const items = props.items.map((item) => ({ item, valid: cleanCents(item.cents) !== null, cents: cleanCents(item.cents) ?? 0 }));
  if (items.length === 0) return { empty: true, width, height: EMPTY_HEIGHT, zeroX: PAD_X, rows: [] };

  const texts = items.map(({ cents, valid }) => (valid ? props.formatMoney(cents) : '—'));
  const widths = texts.map((t) => textWidth(t, VALUE_FONT));
  const hasNegative = items.some((i) => i.cents < 0);
  const hasPositive = items.some((i) => i.cents >= 0);
  const maxNegative = Math.max(0, ...widths.filter((_, i) => (items[i]?.cents ?? 0) < 0));
  const maxPositive = Math.max(0, ...widths.filter((_, i) => (items[i]?.cents ?? 0) >= 0));
  const plotLeft = PAD_X + (hasNegative ? Math.ceil(maxNegative) + 8 : 0);
  const plotRight = width - PAD_X - (hasPositive ? Math.ceil(maxPositive) + 8 : 0);
  const lo = Math.min(0, ...items.map((i) => i.cents));
  const hi = Math.max(0, ...items.map((i) => i.cents));
  const span = hi - lo;
  const x = (cents: number) => (span === 0 ? plotLeft : plotLeft + ((cents - lo) / span) * (plotRight - plotLeft));
  const zeroX = x(0);

  const rows = items.map(({ item, cents }, index): HorizontalRow => {
    const top = PAD_TOP + index * ROW_HEIGHT;
    const barY = top + LABEL_BLOCK;
    const start = x(Math.min(cents, 0));
    const end = x(Math.max(cents, 0));
    const text = texts[index] ?? '';
    const negative = cents < 0;
    return {
      key: item.key,
      index,
      label: item.label,
      shownLabel: truncate(item.label, width - 2 * PAD_X, LABEL_FONT),
      className: item.className ?? 'chart-series-1',
      cents,
      href: item.href,
      labelY: top + LABEL_FONT,
      x: r2(start),
      y: barY,
      width: r2(end - start),
      height: BAR_HEIGHT,
      value: negative
        ? { text, x: r2(start - 6), y: barY + BAR_HEIGHT / 2, anchor: 'end' }
        : { text, x: r2(end + 6), y: barY + BAR_HEIGHT / 2, anchor: 'start' },
      baseline: { x: r2(zeroX), y1: barY - 3, y2: barY + BAR_HEIGHT + 3 },
      ariaLabel: joinLabel(item.label, text),
    };
  });

  return { empty: false, width, height: PAD_TOP + items.length * ROW_HEIGHT - ROW_GAP + 6, zeroX: r2(zeroX), rows };
}

function Row({ row, width }: { row: HorizontalRow; width: number }) {
  const body = (
    <>
      {row.href ? <FocusRing x={PAD_X} y={row.labelY - LABEL_FONT - 1} width={width - 2 * PAD_X} height={LABEL_BLOCK + BAR_HEIGHT + 3} gap={2} /> : null}
      <text class="chart-label" x={PAD_X} y={row.labelY} font-size={LABEL_FONT} fill={INK}>
        {row.shownLabel}
      </text>
      <rect
        class={`chart-bar ${row.className}${row.cents < 0 ? ' chart-bar-negative' : ''}`}
        data-key={row.key}
        x={row.x}
        y={row.y}
        width={row.width}
        height={row.height}
        fill={fallbackFill(row.className, 0)}
      />
      <text class="chart-value" x={row.value.x} y={row.value.y} dy="0.35em" text-anchor={row.value.anchor} font-size={VALUE_FONT} fill={INK}>
        {row.value.text}
      </text>
      <line
        class="chart-baseline"
        aria-hidden="true"
        x1={row.baseline.x}
        x2={row.baseline.x}
        y1={row.baseline.y1}
        y2={row.baseline.y2}
        stroke={INK}
        stroke-width="1.5"
      />
    </>
  );
  if (!row.href) {
    return (
      <g class="chart-datum">
        <title>{row.ariaLabel}</title>
        {body}
      </g>
    );
  }
  return (
    <a class="chart-link" href={row.href} aria-label={row.ariaLabel}>
      <title>{row.ariaLabel}</title>
      {body}
    </a>
  );
}

export function HorizontalBarChart(props: HorizontalBarChartProps) {
  const ids = chartIds(props.id);
  const tableVisible = props.showTable ?? false;
  const layout = layoutHorizontalBarChart(props);
  const emptyText = props.emptyText ?? props.formatMoney(0);
  const interactive = layout.rows.some((r) => r.href);
  const withHeaders = Boolean(props.labelHeader || props.valueHeader);
  return (
    <div class="chart chart-horizontal">
      <ChartSvg
        ids={ids}
        title={props.title}
        description={props.description}
        width={layout.width}
        height={layout.height}
        interactive={interactive}
        kind="horizontal"
      >
        {layout.empty ? (
          <EmptyText width={layout.width} height={layout.height} text={emptyText} />
        ) : (
          <g class="chart-bars">
            {layout.rows.map((row) => (
              <Row row={row} width={layout.width} />
            ))}
          </g>
        )}
      </ChartSvg>
      <ChartTable ids={ids} caption={props.tableCaption} visible={tableVisible} hasLinks={interactive}>
        {withHeaders ? (
          <thead>
            <tr>
              {props.labelHeader ? <th scope="col">{props.labelHeader}</th> : <td />}
              {props.valueHeader ? (
                <th scope="col" class="chart-num">
                  {props.valueHeader}
                </th>
              ) : (
                <td />
              )}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {layout.empty ? (
            <tr>
              <td colSpan={2}>{emptyText}</td>
            </tr>
          ) : (
            layout.rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <MoneyCell text={row.value.text} href={row.href} visible={tableVisible} />
              </tr>
            ))
          )}
        </tbody>
      </ChartTable>
    </div>
  );
}
