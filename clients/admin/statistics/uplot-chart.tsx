// One chart drawn by uPlot: a canvas with an accessible name (role="img"), its own legend as text with
// each series' line style named (never told apart by colour alone), and redrawn when its data or width
// changes. The numbers themselves are in the table beside every chart.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { assertNever } from "../../../protocol/live-wire.ts";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  label: string;
  /** A legend text naming how the series is drawn, e.g. "słupki" / "linia przerywana". */
  style: string;
  values: (number | null)[];
  kind: "bars" | "line" | "dashed";
  color: string;
}

export interface ChartProps {
  /** The chart's accessible name. */
  name: string;
  x: number[];
  /** The x axis' tick text. */
  xLabel: (x: number) => string;
  /** The steps the x axis' ticks may take (whole hours, whole buckets): never a tick between two values. */
  xSteps: number[];
  series: ChartSeries[];
  height?: number;
  testId?: string;
}

const AXIS = { stroke: "#111827", grid: { stroke: "#d1d5db", width: 1 }, ticks: { stroke: "#6b7280", width: 1 } };

function seriesOpts(s: ChartSeries): uPlot.Series {
  const bars = uPlot.paths.bars;
  switch (s.kind) {
    case "bars":
      return {
        label: s.label,
        stroke: s.color,
        fill: s.color,
        width: 1,
        paths: bars ? bars({ size: [0.7, 40] }) : undefined,
        points: { show: false },
      };
    case "line":
      return { label: s.label, stroke: s.color, width: 2, points: { show: false } };
    case "dashed":
      return { label: s.label, stroke: s.color, width: 2, dash: [8, 5], points: { show: false } };
    default:
      return assertNever(s.kind);
  }
}

export function UPlotChart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      const width = Math.max(280, Math.floor(el.clientWidth));
      plot = new uPlot(
        {
          width,
          height: props.height ?? 240,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false } },
          axes: [
            { ...AXIS, incrs: props.xSteps, values: (_u, ticks) => ticks.map((v) => props.xLabel(v)) },
            { ...AXIS, size: 48 },
          ],
          series: [{}, ...props.series.map(seriesOpts)],
        },
        [props.x, ...props.series.map((s) => s.values)],
        el,
      );
    };
    draw();
    let lastWidth = el.clientWidth;
    const watch = new ResizeObserver(() => {
      if (Math.abs(el.clientWidth - lastWidth) < 8) return;
      lastWidth = el.clientWidth;
      draw();
    });
    watch.observe(el);
    return () => {
      watch.disconnect();
      plot?.destroy();
    };
  }, [props.x, props.series, props.xLabel, props.xSteps, props.height]);
  return (
    <div class="stats-chart">
      <div ref={box} role="img" aria-label={props.name} data-testid={props.testId} class="stats-canvas" />
      <ul class="stats-legend">
        {props.series.map((s) => (
          <li key={s.label}>
            <span
              class={`stats-key stats-key-${s.kind}`}
              style={{ borderColor: s.color, background: s.kind === "bars" ? s.color : undefined }}
              aria-hidden="true"
            />
            {s.label} ({s.style})
          </li>
        ))}
      </ul>
    </div>
  );
}
