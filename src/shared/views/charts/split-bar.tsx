/**
 * Split bar: one 100% stacked bar showing how an amount was divided (e.g. an event surplus into
 * the visuals fund and the book editing fund), with a key below it giving every part's label,
 * amount and share, and the total. Each part (its segment and its key row) is one link to the
 * transactions behind it.
 */
import { ChartSvg, ChartTable, EmptyText, FocusRing, MoneyCell } from './chart-frame.tsx';
import {
  chartIds,
  cleanCents,
  defaultFormatPercent,
  fallbackFill,
  INK,
  joinLabel,
  LINE,
  r2,
  textWidth,
  truncate,
  type FormatMoney,
  type FormatPercent,
} from './chart-kit.ts';

export interface SplitPart {
  key: string;
  label: string;
  cents: number;
  /** The transactions behind this part. */
  href?: string;
  /** The colour class, e.g. `chart-series-1`. */
  className: string;
}

export interface SplitBarProps {
  /** Prefix of every id in the chart: must be unique on the page. */
  id: string;
  title: string;
  description: string;
  /** The amount that was split, in cents. */
  total: number;
  parts: SplitPart[];
  formatMoney: FormatMoney;
  tableCaption: string;
  /** Show the data table (default: visually hidden, still read by screen readers). */
  showTable?: boolean;
  /** Shown when there is nothing to split (default: the formatted zero amount). */
  emptyText?: string;
  /** Formats a share between 0 and 1 (default "50%"; pass a localised one, e.g. "50 %" in French). */
  formatPercent?: FormatPercent;
  /** Label of the total row (default "Total", the same word in French and English). */
  totalLabel?: string;
  /** Optional column headers of the table. */
  labelHeader?: string;
  valueHeader?: string;
  percentHeader?: string;
  /** Width of the viewBox in SVG units (default 480); the SVG itself always fills its container. */
  width?: number;
}

const PAD_X = 4;
const BAR_TOP = 4;
const BAR_HEIGHT = 44;
const INSIDE_FONT = 15;
const KEY_FONT = 16;
const KEY_ROW = 30;
const SWATCH = 14;
// Amounts in the key stop short of the right edge, inside the focus ring.
const KEY_INSET = 4;

export interface SplitSegment {
  key: string;
  index: number;
  label: string;
  className: string;
  cents: number;
  href: string | undefined;
  /** Share of the whole, or null when it cannot be computed (nothing to split). */
  ratio: number | null;
  moneyText: string;
  percentText: string;
  x: number;
  y: number;
  width: number;
  height: number;
  inside: { text: string; x: number; y: number } | null;
  row: { y: number; shownLabel: string; amountText: string };
  ariaLabel: string;
}

export interface SplitBarLayout {
  empty: boolean;
  width: number;
  height: number;
  bar: { x: number; y: number; width: number; height: number };
  segments: SplitSegment[];
  totalRow: { y: number; lineY: number; text: string; percentText: string };
}

/** The geometry of the bar, as a pure function of its props (exported for tests). */
export function layoutSplitBar(props: SplitBarProps): SplitBarLayout {
  const width = props.width ?? 480;
  const formatPercent = props.formatPercent ?? defaultFormatPercent;
  const total = cleanCents(props.total) ?? 0;
  const parts = props.parts.map((part) => ({ part, cents: cleanCents(part.cents) ?? 0 }));
  const positiveSum = parts.reduce((sum, p) => sum + Math.max(0, p.cents), 0);
  // Parts adding up to more than the total (bad data) still fit in the bar.
  const whole = Math.max(total, positiveSum);
  const empty = parts.length === 0 || whole <= 0;
  const bar = { x: PAD_X, y: BAR_TOP, width: width - 2 * PAD_X, height: BAR_HEIGHT };

  let offset = 0;
  const keyTop = BAR_TOP + BAR_HEIGHT + 14;
  const segments = parts.map(({ part, cents }, index): SplitSegment => {
    const ratio = whole > 0 ? cents / whole : null;
    const share = ratio !== null && cents > 0 ? ratio : 0;
    const x = bar.x + offset * bar.width;
    const segmentWidth = share * bar.width;
    offset += share;
    const moneyText = props.formatMoney(cents);
    const percentText = ratio === null ? '—' : formatPercent(ratio);
    const fitsInside = ratio !== null && segmentWidth >= textWidth(percentText, INSIDE_FONT) + 12;
    const amountText = ratio === null ? moneyText : `${moneyText} (${percentText})`;
    const labelRoom = width - 2 * PAD_X - SWATCH - 8 - textWidth(amountText, KEY_FONT) - KEY_INSET - 12;
    return {
      key: part.key,
      index,
      label: part.label,
      className: part.className,
      cents,
      href: part.href,
      ratio,
      moneyText,
      percentText,
      x: r2(x),
      y: bar.y,
      width: r2(segmentWidth),
      height: bar.height,
      inside: fitsInside ? { text: percentText, x: r2(x + segmentWidth / 2), y: bar.y + bar.height / 2 } : null,
      row: { y: keyTop + index * KEY_ROW, shownLabel: truncate(part.label, Math.max(40, labelRoom), KEY_FONT), amountText },
      ariaLabel: joinLabel(part.label, amountText),
    };
  });

  const lineY = keyTop + parts.length * KEY_ROW - 6;
  const totalRow = { y: lineY + 8, lineY, text: props.formatMoney(total), percentText: whole > 0 ? formatPercent(total / whole) : '—' };
  const height = totalRow.y + KEY_ROW - 6;
  return { empty, width, height, bar, segments, totalRow };
}

function Part({ segment, empty, right }: { segment: SplitSegment; empty: boolean; right: number }) {
  const rowTextY = segment.row.y + SWATCH / 2;
  const body = (
    <>
      {segment.href && !empty && segment.width > 0 ? (
        <FocusRing x={segment.x} y={segment.y} width={segment.width} height={segment.height} />
      ) : null}
      {segment.href ? <FocusRing x={PAD_X} y={segment.row.y - 6} width={right - PAD_X} height={SWATCH + 12} gap={2} /> : null}
      {empty ? null : (
        <rect
          class={`chart-bar chart-segment ${segment.className}`}
          data-key={segment.key}
          x={segment.x}
          y={segment.y}
          width={segment.width}
          height={segment.height}
          fill={fallbackFill(segment.className, segment.index)}
          stroke="#ffffff"
          stroke-width="2"
        />
      )}
      {segment.inside ? (
        <text
          class="chart-inside"
          x={segment.inside.x}
          y={segment.inside.y}
          dy="0.35em"
          text-anchor="middle"
          font-size={INSIDE_FONT}
          font-weight="700"
          fill="#ffffff"
        >
          {segment.inside.text}
        </text>
      ) : null}
      <rect
        class={`chart-key-swatch ${segment.className}`}
        x={PAD_X}
        y={segment.row.y}
        width={SWATCH}
        height={SWATCH}
        rx="3"
        fill={fallbackFill(segment.className, segment.index)}
      />
      <text class="chart-label" x={PAD_X + SWATCH + 8} y={rowTextY} dy="0.35em" font-size={KEY_FONT} fill={INK}>
        {segment.row.shownLabel}
      </text>
      <text class="chart-value" x={right - KEY_INSET} y={rowTextY} dy="0.35em" text-anchor="end" font-size={KEY_FONT} fill={INK}>
        {segment.row.amountText}
      </text>
    </>
  );
  if (!segment.href) {
    return (
      <g class="chart-datum">
        <title>{segment.ariaLabel}</title>
        {body}
      </g>
    );
  }
  return (
    <a class="chart-link" href={segment.href} aria-label={segment.ariaLabel}>
      <title>{segment.ariaLabel}</title>
      {body}
    </a>
  );
}

export function SplitBar(props: SplitBarProps) {
  const ids = chartIds(props.id);
  const tableVisible = props.showTable ?? false;
  const layout = layoutSplitBar(props);
  const emptyText = props.emptyText ?? props.formatMoney(0);
  const interactive = layout.segments.some((s) => s.href);
  const totalLabel = props.totalLabel ?? 'Total';
  const withHeaders = Boolean(props.labelHeader || props.valueHeader || props.percentHeader);
  const right = layout.width - PAD_X;
  return (
    <div class="chart chart-split">
      <ChartSvg
        ids={ids}
        title={props.title}
        description={props.description}
        width={layout.width}
        height={layout.height}
        interactive={interactive}
        kind="split"
      >
        <rect
          class="chart-track"
          aria-hidden="true"
          x={layout.bar.x}
          y={layout.bar.y}
          width={layout.bar.width}
          height={layout.bar.height}
          fill="#ecebf3"
        />
        {layout.empty ? <EmptyText width={layout.width} height={2 * layout.bar.y + layout.bar.height} text={emptyText} /> : null}
        <g class="chart-bars">
          {layout.segments.map((segment) => (
            <Part segment={segment} empty={layout.empty} right={right} />
          ))}
        </g>
        <g class="chart-total" aria-hidden="true">
            <line x1={PAD_X} x2={right} y1={layout.totalRow.lineY} y2={layout.totalRow.lineY} stroke={LINE} />
            <text x={PAD_X + SWATCH + 8} y={layout.totalRow.y + SWATCH / 2} dy="0.35em" font-size={KEY_FONT} font-weight="700" fill={INK}>
              {totalLabel}
            </text>
            <text x={right - KEY_INSET} y={layout.totalRow.y + SWATCH / 2} dy="0.35em" text-anchor="end" font-size={KEY_FONT} font-weight="700" fill={INK}>
              {layout.totalRow.text}
            </text>
        </g>
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
              {props.percentHeader ? (
                <th scope="col" class="chart-num">
                  {props.percentHeader}
                </th>
              ) : (
                <td />
              )}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {layout.segments.map((segment) => (
            <tr>
              <th scope="row">{segment.label}</th>
              <MoneyCell text={segment.moneyText} href={segment.href} visible={tableVisible} />
              <td class="chart-num">{segment.percentText}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{totalLabel}</th>
            <td class="chart-num">{layout.totalRow.text}</td>
            <td class="chart-num">{layout.totalRow.percentText}</td>
          </tr>
        </tfoot>
      </ChartTable>
    </div>
  );
}
