// How well the estimates shown at issue held: for the range, the share of real waits inside it, its width and
// its midpoint's error; for today's single number, its error and how often the wait fell in the very minute
// it showed (a point has no width, so "inside" can only mean that minute).
import type { TicketRecord } from "./record.ts";

export interface Accuracy {
  tickets: number;
  range: {
    /** Share of tickets whose real wait, in whole minutes, lay within [low, high]. */
    inside: number;
    medianWidth: number;
    /** Mean absolute error of the range's midpoint, minutes. */
    midpointMae: number;
  };
  single: {
    /** Share of tickets whose real wait, in whole minutes, was the number shown. */
    sameMinute: number;
    /** Mean absolute error of the number shown, minutes. */
    mae: number;
  };
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function accuracy(tickets: readonly TicketRecord[]): Accuracy {
  const n = tickets.length;
  let inside = 0;
  let sameMinute = 0;
  let midErr = 0;
  let singleErr = 0;
  for (const t of tickets) {
    const real = Math.round(t.waitMinutes);
    if (real >= t.range.low && real <= t.range.high) inside++;
    if (real === t.single) sameMinute++;
    midErr += Math.abs((t.range.low + t.range.high) / 2 - t.waitMinutes);
    singleErr += Math.abs(t.single - t.waitMinutes);
  }
  const share = (k: number): number => (n === 0 ? 0 : k / n);
  return {
    tickets: n,
    range: { inside: share(inside), medianWidth: median(tickets.map((t) => t.range.high - t.range.low)), midpointMae: share(midErr) },
    single: { sameMinute: share(sameMinute), mae: share(singleErr) },
  };
}

/** The targets of issue 14: 80 % inside and not above 92 %; the midpoint's error at least 30 % below today's. */
export const TARGETS = { insideMin: 0.8, insideMax: 0.92, maeRatioMax: 0.7 } as const;

export function targetsHeld(a: Accuracy): { inside: boolean; mae: boolean } {
  return {
    inside: a.range.inside >= TARGETS.insideMin && a.range.inside <= TARGETS.insideMax,
    mae: a.single.mae > 0 ? a.range.midpointMae <= TARGETS.maeRatioMax * a.single.mae : a.range.midpointMae === 0,
  };
}
