import { barLength } from './chart-geometry.ts';
import { useWidth } from './use-width.ts';

export interface BarChartProps {
  bars: Array<{ label: string; value: number | null; caption: string }>;
  summary: string;
}

const ROW = 26;
const LABEL_PX = 92;
const CAPTION_PX = 96;

/** Horizontal 0–100% bars with a label and a caption per row, in plain SVG at the container's pixel width. */
export function SvgBarChart({ bars, summary }: BarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const track = Math.max(40, width - LABEL_PX - CAPTION_PX);
  const height = bars.length * ROW + 4;
  return (
    <div ref={ref} class="chart chart-bars">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          return (
            <g key={bar.label}>
              <text class="chart-label" x={LABEL_PX - 8} y={y + 14} text-anchor="end">
                {bar.label.length > 7 ? `${bar.label.slice(0, 6)}…` : bar.label}
                <title>{bar.label}</title>
              </text>
              <rect class="chart-track" x={LABEL_PX} y={y + 3} width={track} height={14} rx={3} />
              <rect class="chart-bar" x={LABEL_PX} y={y + 3} width={barLength(bar.value, track)} height={14} rx={3} />
              <text class="chart-caption" x={LABEL_PX + track + 6} y={y + 14}>
                {bar.caption}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
