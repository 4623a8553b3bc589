// npm run bench:eta: 30 simulated days of four shapes, and how both estimates held on them, as a markdown table.
import { type Accuracy, accuracy, TARGETS, targetsHeld } from "./accuracy.ts";
import { simulateDay } from "./day.ts";
import type { DayRecord } from "./record.ts";
import { SHAPE_NAMES, type ShapeName } from "./shapes.ts";

/**
 * The bench's days: six quiet days, twelve normal ones, six Monday rushes, six days a desk closes. The estimator
 * was calibrated on these seeds; `seedOffset` gives 30 other days of the same shapes to check it on.
 */
export function benchDays(seedOffset = 0): { shape: ShapeName; seed: number }[] {
  const days = (shape: ShapeName, n: number, first: number) =>
    Array.from({ length: n }, (_, i) => ({ shape, seed: first + i + seedOffset }));
  return [...days("quiet", 6, 101), ...days("normal", 12, 201), ...days("monday-rush", 6, 301), ...days("desk-closing", 6, 401)];
}

export interface BenchRow {
  label: string;
  days: number;
  accuracy: Accuracy;
}

export function benchRows(days: readonly DayRecord[]): { all: BenchRow; shapes: BenchRow[] } {
  const row = (label: string, ds: readonly DayRecord[]): BenchRow => ({
    label,
    days: ds.length,
    accuracy: accuracy(ds.flatMap((d) => d.tickets)),
  });
  return {
    all: row("all days", days),
    shapes: SHAPE_NAMES.map((s) =>
      row(
        s,
        days.filter((d) => d.shape === s),
      ),
    ).filter((r) => r.days > 0),
  };
}

export function runBench(seedOffset = 0): DayRecord[] {
  return benchDays(seedOffset).map((d) => simulateDay(d.shape, d.seed));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const min = (x: number): string => x.toFixed(1);

export function benchTable(rows: { all: BenchRow; shapes: BenchRow[] }): string {
  const lines = [
    "| days | tickets | today's number: same minute | today's number: MAE (min) | range: inside | range: median width (min) | range midpoint: MAE (min) | MAE vs today |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of [rows.all, ...rows.shapes]) {
    const a = r.accuracy;
    const ratio = a.single.mae > 0 ? `${((a.range.midpointMae / a.single.mae - 1) * 100).toFixed(0)} %` : "–";
    const label = r === rows.all ? `**${r.label} (${r.days})**` : `${r.label} (${r.days})`;
    lines.push(
      `| ${label} | ${a.tickets} | ${pct(a.single.sameMinute)} | ${min(a.single.mae)} | ${pct(a.range.inside)} | ${min(a.range.medianWidth)} | ${min(a.range.midpointMae)} | ${ratio} |`,
    );
  }
  return lines.join("\n");
}

/** The verdict lines, one per target, over all days. */
export function verdicts(all: Accuracy): { line: string; pass: boolean }[] {
  const held = targetsHeld(all);
  return [
    {
      pass: held.inside,
      line: `real wait inside the range: ${pct(all.range.inside)} (target ${pct(TARGETS.insideMin)} to ${pct(TARGETS.insideMax)})`,
    },
    {
      pass: held.mae,
      line: `range midpoint MAE ${min(all.range.midpointMae)} min vs today's ${min(all.single.mae)} min (target: at most ${TARGETS.maeRatioMax * 100} % of today's)`,
    },
  ];
}
