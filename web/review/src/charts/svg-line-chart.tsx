import type { Box } from './chart-geometry.ts';
import { labelIndexes, linePaths, xAt, yAt } from './chart-geometry.ts';
import { useWidth } from './use-width.ts';

export interface LineChartProps {
  labels: string[];
  /** 0..1 each; null where there is no value (drawn as a gap). */
  values: Array<number | null>;
  /** How a value reads in a tooltip and on the y axis. */
  format(value: number): string;
  /** Read out instead of the drawing. */
  summary: string;
  height?: number;
}

const GRID = [0, 0.5, 1];

/** A small 0–100% line chart in plain SVG, drawn at the container's pixel width. */
export function SvgLineChart({ labels, values, format, summary, height = 160 }: LineChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const box: Box = { width, height, left: 40, right: 12, top: 10, bottom: 24 };
  const { paths, points } = linePaths(box, values);
  const shownLabels = labelIndexes(labels.length, width - box.left - box.right, 44);
  return (
    <div ref={ref} class="chart chart-line">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {GRID.map((g) => (
          <g key={g}>
            <line class="chart-grid" x1={box.left} x2={width - box.right} y1={yAt(box, g)} y2={yAt(box, g)} />
            <text class="chart-axis" x={box.left - 6} y={yAt(box, g) + 4} text-anchor="end">
              {format(g)}
            </text>
          </g>
        ))}
        {shownLabels.map((i) => (
          // The first and last labels hug the plot's edges so they are never cut off.
          <text key={i} class="chart-axis" x={xAt(box, i, labels.length)} y={height - 6} text-anchor={labels.length > 1 && i === 0 ? 'start' : labels.length > 1 && i === labels.length - 1 ? 'end' : 'middle'}>
            {labels[i]}
          </text>
        ))}
        {paths.map((d) => (
          <path key={d} class="chart-line-path" d={d} />
        ))}
        {points.map((p) => (
          <circle key={p.index} class="chart-dot" cx={p.x} cy={p.y} r={3}>
            <title>{`${labels[p.index] ?? ''}：${format(values[p.index] ?? 0)}`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
