/**
 * The part of chartist's API the console uses, typed here: chartist 1.x ships declarations whose relative
 * re-exports have no file extension, which NodeNext module resolution (this project's) cannot follow, so
 * `import { LineChart } from 'chartist'` would type-check as nothing. Members are read one by one from the
 * namespace so esbuild still drops the parts of chartist the console does not use.
 */
import * as chartist from 'chartist';

export type Label = string | number | Date;
type Attributes = Record<string, string | number>;

/** chartist's wrapper around an SVG element. */
export interface SvgElement {
  attr(attributes: Attributes): SvgElement;
  elem(name: string, attributes?: Attributes, className?: string, insertFirst?: boolean): SvgElement;
  text(text: string): SvgElement;
  getNode(): Element;
}

export interface AxisOptions {
  type?: AxisType;
  ticks?: number[];
  low?: number;
  high?: number;
  offset?: number;
  labelOffset?: { x: number; y: number };
  showGrid?: boolean;
  labelInterpolationFnc?: (value: Label, index: number) => Label | null;
}

export interface ChartOptions {
  height?: string;
  low?: number;
  high?: number;
  chartPadding?: { top: number; right: number; bottom: number; left: number };
  axisX?: AxisOptions;
  axisY?: AxisOptions;
  /** Line charts: spread the points across the whole width. */
  fullWidth?: boolean;
  /** Line charts: false draws straight segments, broken where a value is missing. */
  lineSmooth?: boolean;
  /** Bar charts: bars grow to the right, labels on the y axis. */
  horizontalBars?: boolean;
}

interface ChartRect {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** The draw events the console hooks into; chartist emits others (grid, line) that it leaves alone. */
export type DrawEvent =
  | { type: 'label'; axis: { units: { pos: 'x' | 'y' } }; index: number; x: number; y: number; width: number; height: number; element: SvgElement }
  | { type: 'point'; index: number; value: { x?: number; y?: number } | number | undefined; element: SvgElement; chartRect: ChartRect }
  | { type: 'bar'; index: number; x1: number; x2: number; y1: number; y2: number; element: SvgElement; group: SvgElement; chartRect: ChartRect }
  | { type: 'grid' | 'gridBackground' | 'line' | 'area' };

export interface Chart {
  on(event: 'draw', listener: (event: DrawEvent) => void): Chart;
  /** Removes chartist's window listeners (the chart stays drawn). */
  detach(): Chart;
}

export interface ChartData {
  labels: Label[];
  series: Array<Array<number | null>>;
}

type ChartConstructor = new (container: Element, data: ChartData, options: ChartOptions) => Chart;
declare const axisType: unique symbol;
export type AxisType = { readonly [axisType]: true };

interface ChartistApi {
  LineChart: ChartConstructor;
  BarChart: ChartConstructor;
  FixedScaleAxis: AxisType;
}

export const LineChart = (chartist as unknown as ChartistApi).LineChart;
export const BarChart = (chartist as unknown as ChartistApi).BarChart;
/** An axis with the ticks given (0%, 50%, 100%) rather than ones chartist picks. */
export const FixedScaleAxis = (chartist as unknown as ChartistApi).FixedScaleAxis;
