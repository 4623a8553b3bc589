// A desk's working day in numbers, for its console: how many clients it has served today.
import type { Ticket } from "./model.ts";

/** Tickets of local day `day` whose service this desk finished (a transferred client counts where it was served). */
export function servedAt(deskId: string, day: string, tickets: Iterable<Ticket>): number {
  let n = 0;
  for (const t of tickets) if (t.status === "served" && t.deskId === deskId && t.day === day) n++;
  return n;
}
