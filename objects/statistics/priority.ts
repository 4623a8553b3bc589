// Priority service in the statistics (issue 14): how many tickets were priority tickets, and how many asked
// for the site's PJM interpreter. A ticket counts once (its part 0), whatever transfers followed.
import type { PriorityCounts } from "../../protocol/statistics.ts";
import type { VisitRecord } from "./records.ts";

export function emptyPriorityCounts(): PriorityCounts {
  return { priority: 0, interpreter: 0 };
}

/** Tickets taken (parts 0) that were priority tickets, and that asked for an interpreter. */
export function priorityCounts(visits: readonly VisitRecord[]): PriorityCounts {
  const counts = emptyPriorityCounts();
  for (const v of visits) {
    if (v.part !== 0) continue;
    if (v.priority === true) counts.priority += 1;
    if (v.interpreter === true) counts.interpreter += 1;
  }
  return counts;
}

/** Adds a day's counts; a day rolled up before priority service was counted has none (0). */
export function addPriorityCounts(into: PriorityCounts, from: PriorityCounts | undefined): void {
  into.priority += from?.priority ?? 0;
  into.interpreter += from?.interpreter ?? 0;
}
