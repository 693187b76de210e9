/**
 * The pieces every chart shares: the accessible <svg> shell, the HTML legend, the empty
 * state and the data table rendered under each chart. No inline styles anywhere (the site's CSP is
 * `style-src 'self'`): SVG presentation attributes and the classes of charts.css only.
 */
import type { ComponentChildren } from 'preact';
import { fallbackFill, MUTED, r2, type ChartIds } from './chart-kit.ts';

/**
 * The <svg> of a chart. It is named by its <title> and <desc> (`aria-labelledby`). When it holds
 * links it is a `group`, not an `img`: an `img` has presentational children, so links inside it
 * would be hidden from assistive technology while still taking keyboard focus (axe reports this
 * as `nested-interactive`). Without links it is a plain `img`.
 */
export function ChartSvg({
  ids,
  title,
  description,
  width,
  height,
  interactive,
  kind,
  children,
}: {
  ids: ChartIds;
  title: string;
  description: string;
  width: number;
  height: number;
  interactive: boolean;
  kind: string;
  children: ComponentChildren;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={`chart-svg chart-svg-${kind}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role={interactive ? 'group' : 'img'}
      aria-labelledby={`${ids.title} ${ids.desc}`}
      font-size="14"
    >
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{description}</desc>
      {children}
    </svg>
  );
}

/** A small colour swatch (its own tiny SVG, so it needs no inline style). */
export function Swatch({ className, index }: { className: string; index: number }) {
  return (
    <svg class="chart-swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
      <rect class={className} fill={fallbackFill(className, index)} width="14" height="14" rx="3" />
    </svg>
  );
}

/**
 * The colour key, as HTML so it wraps on narrow screens. Hidden from assistive technology: the
 * series names are already in every link label and in the table, and colour means nothing there.
 */
export function Legend({ entries }: { entries: { key: string; label: string; className: string }[] }) {
  if (entries.length === 0) return null;
  return (
    <ul class="chart-legend" aria-hidden="true">
      {entries.map((entry, i) => (
        <li key={entry.key}>
          <Swatch className={entry.className} index={i} />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The empty state drawn inside a chart's SVG: one centred, muted line of text. */
export function EmptyText({ width, height, text }: { width: number; height: number; text: string }) {
  return (
    <text class="chart-empty" x={width / 2} y={height / 2} dy="0.35em" text-anchor="middle" fill={MUTED}>
      {text}
    </text>
  );
}

/**
 * The figures of the chart as a table, for screen readers, text browsers and anyone who prefers
 * numbers: visible (`showTable`) or visually hidden but still read out. A visible table sits in a
 * box that scrolls sideways on narrow screens; when the table has no links to move focus into it,
 * the box itself takes focus so it can still be scrolled with the keyboard.
 */
export function ChartTable({
  ids,
  caption,
  visible,
  hasLinks,
  children,
}: {
  ids: ChartIds;
  caption: string;
  visible: boolean;
  hasLinks: boolean;
  children: ComponentChildren;
}) {
  const table = (
    <table id={ids.table} class={visible ? 'data-table chart-table' : 'chart-table'}>
      <caption id={ids.caption}>{caption}</caption>
      {children}
    </table>
  );
  // Hidden on a wrapper, not on the table: a table ignores `width: 1px`, and its full width
  // would still widen the page on phones.
  if (!visible) return <div class="visually-hidden chart-table-hidden">{table}</div>;
  return (
    <ScrollBox focusable={!hasLinks} labelledBy={ids.caption}>
      {table}
    </ScrollBox>
  );
}

/**
 * A box that scrolls sideways when its content is wider than the screen. Keyboard users scroll it
 * by moving focus to the links inside; when there are none, the box takes focus itself (named by
 * `labelledBy`), as a scrollable region must be reachable from the keyboard.
 */
export function ScrollBox({
  className,
  focusable,
  labelledBy,
  children,
}: {
  className?: string;
  focusable: boolean;
  labelledBy: string;
  children: ComponentChildren;
}) {
  const cls = className ? `chart-scroll ${className}` : 'chart-scroll';
  return focusable ? (
    <div class={cls} tabIndex={0} role="group" aria-labelledby={labelledBy}>
      {children}
    </div>
  ) : (
    <div class={cls}>{children}</div>
  );
}

/**
 * A link inside the data table. In a visually hidden table it is taken out of the tab order
 * (`tabindex="-1"`): keyboard users reach the same transactions through the chart's own links and
 * must never land on something they cannot see, while screen readers still list and follow it.
 */
export function TableLink({ href, visible, children }: { href: string; visible: boolean; children: ComponentChildren }) {
  return (
    <a href={href} tabIndex={visible ? undefined : -1}>
      {children}
    </a>
  );
}

/** A formatted amount, linked to its transactions when there is an href. */
export function MoneyCell({ text, href, visible }: { text: string; href?: string | undefined; visible: boolean }) {
  return (
    <td class="chart-num">
      {href ? (
        <TableLink href={href} visible={visible}>
          {text}
        </TableLink>
      ) : (
        text
      )}
    </td>
  );
}

/**
 * An invisible frame around a linked shape, drawn by charts.css on hover and keyboard focus: it
 * stands a few units off the shape, so it shows against any bar colour (the focus colour itself
 * could be close to a bar's).
 */
export function FocusRing({ x, y, width, height, gap = 3 }: { x: number; y: number; width: number; height: number; gap?: number }) {
  return (
    <rect
      class="chart-focus-ring"
      x={r2(x - gap)}
      y={r2(y - gap)}
      width={r2(width + 2 * gap)}
      height={r2(height + 2 * gap)}
      rx="3"
      fill="none"
    />
  );
}
