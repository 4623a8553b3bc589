// Call order: which waiting ticket a desk takes next, and how many people are ahead of a ticket.
import type { Ticket } from "./model.ts";

export interface DeskMatters {
  id: string;
  /** Matters served, in the desk's order of preference. */
  matterIds: readonly string[];
}

/**
 * Sort key within one matter's queue. A booking becomes a ticket only once it is
 * due (at its time, or at check-in), so every booked ticket here is due and goes
 * first, by
 * its reserved time; walk-ins follow by the time they took the ticket
 * (a transferred ticket keeps its original time).
 */
function queueKey(t: Ticket): [number, number] {
  return t.source === "booking" && t.reservedAt !== null ? [0, t.reservedAt] : [1, t.takenAt];
}

export function compareInMatter(a: Ticket, b: Ticket): number {
  const [ga, ta] = queueKey(a);
  const [gb, tb] = queueKey(b);
  return ga - gb || ta - tb || a.takenAt - b.takenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a waiting ticket is in this desk's queue at all. */
export function deskMayTake(desk: DeskMatters, t: Ticket): boolean {
  if (t.status !== "waiting") return false;
  if (t.deskId !== null) return t.deskId === desk.id;
  return desk.matterIds.includes(t.matterId);
}

/**
 * The waiting tickets a desk may call, in the order "call next" takes them:
 * the desk's matters in its order of preference (a ticket transferred to this
 * very desk counts as its first preference), within a matter by compareInMatter.
 */
export function deskQueue(desk: DeskMatters, tickets: Iterable<Ticket>): Ticket[] {
  const rank = (t: Ticket): number => (t.deskId === desk.id ? -1 : desk.matterIds.indexOf(t.matterId));
  const mine: Ticket[] = [];
  for (const t of tickets) if (deskMayTake(desk, t)) mine.push(t);
  return mine.sort((a, b) => rank(a) - rank(b) || compareInMatter(a, b));
}

/** Tickets a desk put aside after "Nie zgłosił się", earliest recall first. */
export function missedAtDesk(deskId: string, tickets: Iterable<Ticket>): Ticket[] {
  const out: Ticket[] = [];
  for (const t of tickets) if (t.status === "missed" && t.deskId === deskId) out.push(t);
  return out.sort((a, b) => (a.recallAt ?? 0) - (b.recallAt ?? 0) || compareInMatter(a, b));
}

/**
 * People ahead of every waiting ticket, computed in one pass: tickets of the
 * same matter (or, for a ticket sent to one desk, of that desk's hand-overs)
 * that come before it.
 */
export function waitingAheadAll(tickets: Iterable<Ticket>): Map<string, number> {
  const lines = new Map<string, Ticket[]>();
  for (const t of tickets) {
    if (t.status !== "waiting") continue;
    const line = t.deskId !== null ? `desk:${t.deskId}` : `matter:${t.matterId}`;
    let arr = lines.get(line);
    if (!arr) lines.set(line, (arr = []));
    arr.push(t);
  }
  const ahead = new Map<string, number>();
  for (const arr of lines.values()) {
    arr.sort(compareInMatter);
    arr.forEach((t, i) => ahead.set(t.id, i));
  }
  return ahead;
}

/** People ahead of one waiting ticket in its line: what waitingAheadAll gives it, in one pass without sorting. */
export function aheadOf(t: Ticket, tickets: Iterable<Ticket>): number {
  let n = 0;
  for (const x of tickets) {
    if (x.status !== "waiting" || x.id === t.id || x.deskId !== t.deskId) continue;
    if (t.deskId === null && x.matterId !== t.matterId) continue;
    if (compareInMatter(x, t) < 0) n++;
  }
  return n;
}

/** Waiting tickets per matter (for the hall screens). */
export function waitingCounts(tickets: Iterable<Ticket>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tickets) if (t.status === "waiting") counts.set(t.matterId, (counts.get(t.matterId) ?? 0) + 1);
  return counts;
}
