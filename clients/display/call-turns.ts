// Calls made at the same moment each get their turn large on the hall screen, in the order they were
// made: which calls of a view are new, and which belong in the history. Pure, for use-call-turns.ts.
import type { CallView } from "../../protocol/live.ts";

/** One call: a recall of the same ticket is a call of its own. */
export function callKey(c: Pick<CallView, "ticketId" | "at">): string {
  return `${c.ticketId}@${c.at}`;
}

/** The calls of a view (newest first) not seen before, oldest first: the order of their turns. */
export function arrivals(calls: readonly CallView[], known: ReadonlySet<string>): CallView[] {
  return calls.filter((c) => !known.has(callKey(c))).reverse();
}

/** The previous calls, newest first: neither the one shown large nor those still waiting for their turn. */
export function historyOf(calls: readonly CallView[], current: CallView | null, pending: readonly CallView[]): CallView[] {
  const out = new Set(pending.map(callKey));
  if (current) out.add(callKey(current));
  return calls.filter((c) => !out.has(callKey(c)));
}
