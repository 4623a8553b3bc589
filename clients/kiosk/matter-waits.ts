// What a matter's button says before anyone chooses it: how many people wait for the matter and the wait a
// ticket taken now would be shown, as a range, from the site's display stream (WaitingCount.range); so
// nobody takes a ticket they would give up on.
import type { DisplayView } from "../../protocol/live.ts";

export interface MatterWait {
  count: number;
  /** Absent while the stream has not said (an older site object): the button then shows the count alone. */
  range: { low: number; high: number } | null;
}

/** Pure: each matter's people waiting and range, by the display view; empty while the view is unknown. */
export function matterWaits(view: Pick<DisplayView, "waiting"> | null): ReadonlyMap<string, MatterWait> {
  return new Map((view?.waiting ?? []).map((w) => [w.matterId, { count: w.count, range: w.range ?? null }]));
}
