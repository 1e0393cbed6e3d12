/**
 * The one place the console's charts come from: chartist charts mounted into a div in an effect, fed the
 * same props the page has always passed. Chartist redraws them itself when the window is resized.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatRate } from '../format.ts';
import { barEnd, barRows, labelAnchor, labelIndexes, RATE_TICKS, trendSeries, type BarInput } from './chart-data.ts';
import { BarChart, FixedScaleAxis, LineChart, type AxisOptions, type DrawEvent, type Label } from './chartist-api.ts';

/** In px: the percent axis beside the line, an x-axis label, the guide-name and caption columns beside the bars. */
const RATE_AXIS_PX = 40;
const TICK_LABEL_PX = 44;
const NAME_PX = 92;
const CAPTION_PX = 96;
/** In px: one bar's row, the percent axis under the bars, the shortest bar a non-zero rate gets. */
const ROW_PX = 26;
const BARS_AXIS_PX = 30;
const MIN_BAR_PX = 2;

const rateLabel = (value: Label): string => formatRate(Number(value));
const rateAxis: AxisOptions = { type: FixedScaleAxis, ticks: RATE_TICKS, low: 0, high: 1, labelInterpolationFnc: rateLabel };

/** The HTML label chartist puts inside an axis label's foreignObject. */
const labelSpan = (node: Element): HTMLElement | null => (node.firstElementChild instanceof HTMLElement ? node.firstElementChild : null);

/**
 * Chartist starts an x-axis label at its tick; this centres it on the tick instead, or lets it end there
 * (the last one), so labels never run past the plot. A lone label spans the whole axis: it is centred in it.
 */
function placeTickLabel(event: Extract<DrawEvent, { type: 'label' }>, anchor: 'start' | 'middle' | 'end', lone: boolean): void {
  const span = labelSpan(event.element.getNode());
  if (!span) return;
  span.style.justifyContent = anchor === 'start' ? 'flex-start' : anchor === 'end' ? 'flex-end' : 'center';
  if (lone) return;
  event.element.attr({ x: event.x - (anchor === 'start' ? 0 : anchor === 'end' ? TICK_LABEL_PX : TICK_LABEL_PX / 2), width: TICK_LABEL_PX });
  span.style.width = `${TICK_LABEL_PX}px`;
}

export interface TrendChartProps {
  labels: string[];
  values: Array<number | null>;
  summary: string;
}

/** A rate per day (adoption), 0–100%, with gaps for days without data. */
export function RateTrendChart({ labels, values, summary }: TrendChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const data = JSON.stringify({ labels, values });
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const { labels: days, values: rates } = JSON.parse(data) as Omit<TrendChartProps, 'summary'>;
    const padRight = 16;
    // Read on every draw: chartist redraws on resize, and the labels that fit change with the width.
    const fits = (index: number): boolean => labelIndexes(days.length, container.clientWidth - RATE_AXIS_PX - padRight, TICK_LABEL_PX).includes(index);
    const chart = new LineChart(
      container,
      { labels: days, series: [trendSeries(rates)] },
      {
        height: '160px',
        // One day alone has no line to spread across the plot.
        fullWidth: days.length > 1,
        lineSmooth: false,
        low: 0,
        high: 1,
        chartPadding: { top: 10, right: padRight, bottom: 0, left: 0 },
        axisX: { showGrid: false, labelInterpolationFnc: (label, index) => (fits(index) ? label : null) },
        // Labels moved down half a line so each sits level with its grid line rather than above it.
        axisY: { ...rateAxis, offset: RATE_AXIS_PX, labelOffset: { x: 0, y: 6 } },
      },
    );
    chart.on('draw', (event) => {
      if (event.type === 'point') {
        // A single day has no line to spread across the plot: its point sits in the middle.
        if (days.length === 1) event.element.attr({ x1: (event.chartRect.x1 + event.chartRect.x2) / 2, x2: (event.chartRect.x1 + event.chartRect.x2) / 2 });
        const rate = typeof event.value === 'number' ? event.value : (event.value?.y ?? null);
        event.element.elem('title').text(`${days[event.index] ?? ''}：${formatRate(rate)}`);
      } else if (event.type === 'label' && event.axis.units.pos === 'x') {
        placeTickLabel(event, labelAnchor(event.index, days.length), days.length === 1);
      }
    });
    return () => chart.detach();
  }, [data]);
  return <div ref={ref} class="chart chart-line" role="img" aria-label={summary} />;
}

export interface RateBarsProps {
  bars: BarInput[];
  summary: string;
}

/** One 0–100% bar per row (adoption per guide), with the guide's name before it and a caption after. */
export function RateBarsChart({ bars, summary }: RateBarsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const data = JSON.stringify(bars);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const rows = barRows(JSON.parse(data) as BarInput[]);
    const chart = new BarChart(
      container,
      { labels: rows.map((row) => row.short), series: [rows.map((row) => row.drawn)] },
      {
        horizontalBars: true,
        height: `${rows.length * ROW_PX + BARS_AXIS_PX}px`,
        low: 0,
        high: 1,
        chartPadding: { top: 4, right: CAPTION_PX, bottom: 0, left: 0 },
        axisX: rateAxis,
        axisY: { offset: NAME_PX, showGrid: false },
      },
    );
    chart.on('draw', (event) => {
      if (event.type === 'bar') {
        const row = rows[event.index];
        if (!row) return;
        event.element.attr({ x2: barEnd(event.x1, event.x2, row.drawn, MIN_BAR_PX) });
        event.group.elem('line', { x1: event.chartRect.x1, x2: event.chartRect.x2, y1: event.y1, y2: event.y2 }, 'chart-track', true);
        event.group.elem('text', { x: event.chartRect.x2 + 6, y: event.y1 + 4 }, 'chart-caption').text(row.caption);
      } else if (event.type === 'label' && event.axis.units.pos === 'y') {
        const span = labelSpan(event.element.getNode());
        if (span) span.title = rows[event.index]?.label ?? '';
      } else if (event.type === 'label') {
        placeTickLabel(event, labelAnchor(event.index, RATE_TICKS.length), false);
      }
    });
    return () => chart.detach();
  }, [data]);
  return <div ref={ref} class="chart chart-bars" role="img" aria-label={summary} />;
}
