/**
 * Accessible, dependency-free SVG charts for the public money pages (the transparency page; the
 * map and the book reuse them): readable without JavaScript,
 * no inline styles (CSP `style-src 'self'`), every bar a link to its transactions, and a table of
 * the same figures under each chart. Styles: charts.css (imported by src/client/styles.css).
 */
export { GroupedBarChart, layoutGroupedBarChart } from './grouped-bar-chart.tsx';
export type { GroupedBarCategory, GroupedBarChartProps, GroupedBarSeries, GroupedBarValue } from './grouped-bar-chart.tsx';
export { HorizontalBarChart, layoutHorizontalBarChart } from './horizontal-bar-chart.tsx';
export type { HorizontalBarChartProps, HorizontalBarItem } from './horizontal-bar-chart.tsx';
export { SplitBar, layoutSplitBar } from './split-bar.tsx';
export type { SplitBarProps, SplitPart } from './split-bar.tsx';
export { PALETTE, seriesClass, type FormatMoney, type FormatPercent } from './chart-kit.ts';
