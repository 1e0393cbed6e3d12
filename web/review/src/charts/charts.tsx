/**
 * The one place the console's charts come from. Today they are small hand-written SVG components; moving to
 * a chart library means rewriting this file only (mount the library's chart into a div in an effect, fed
 * the same props), with nothing else in the page changing.
 */
import { formatRate } from '../format.ts';
import { SvgBarChart } from './svg-bar-chart.tsx';
import { SvgLineChart } from './svg-line-chart.tsx';

export interface TrendChartProps {
  labels: string[];
  values: Array<number | null>;
  summary: string;
}

/** A rate per day (adoption), 0–100%, with gaps for days without data. */
export function RateTrendChart({ labels, values, summary }: TrendChartProps) {
  return <SvgLineChart labels={labels} values={values} summary={summary} format={formatRate} />;
}

export interface RateBarsProps {
  bars: Array<{ label: string; value: number | null; caption: string }>;
  summary: string;
}

/** One 0–100% bar per row (adoption per guide). */
export function RateBarsChart({ bars, summary }: RateBarsProps) {
  return <SvgBarChart bars={bars} summary={summary} />;
}
