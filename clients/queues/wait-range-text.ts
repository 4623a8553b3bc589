// The wait range in words, the same on the /kolejki page and in the widget: "ok. 15–25 min", "ok. 5 min" when
// both ends agree, "poniżej minuty" when nobody need wait a whole minute.
export type RangeKey = "q.range" | "q.rangeOne" | "q.rangeNone";
export type Say = (key: RangeKey, params?: Record<string, string | number>) => string;

export function waitRangeText(range: { low: number; high: number }, say: Say): string {
  if (range.high < 1) return say("q.rangeNone");
  if (range.low === range.high) return say("q.rangeOne", { n: range.high });
  return say("q.range", { low: range.low, high: range.high });
}
